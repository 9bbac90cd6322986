/** NMEA `ddmm.mmmm` (latitude) / `dddmm.mmmm` (longitude) of an absolute degree value (§6.5 lat/lng). */
export function nmeaCoordinate(degrees: number, degreeDigits: 2 | 3): string {
  const absolute = Math.abs(degrees);
  let whole = Math.floor(absolute);
  let minutes = Number(((absolute - whole) * 60).toFixed(4));
  if (minutes >= 60) {
    whole += 1;
    minutes = 0;
  }
  return `${String(whole).padStart(degreeDigits, '0')}${minutes.toFixed(4).padStart(7, '0')}`;
}

/** `$<body>*hh` with the XOR checksum of the body. */
export function nmeaSentence(body: string): string {
  let checksum = 0;
  for (const char of body) checksum ^= char.charCodeAt(0);
  return `$${body}*${checksum.toString(16).toUpperCase().padStart(2, '0')}`;
}
