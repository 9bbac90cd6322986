import { nmeaCoordinate, nmeaSentence } from '../geo/nmea';
import type { Device, LocationFix, ProductRole } from '../store/store.types';
import { activityWindow } from './activity-window';
import type { Random } from './random';

/** Where seeded fixes cluster; the last one lies outside China, where GCJ-02 equals WGS-84. */
const SITES = [
  { lat: 31.8206, lng: 117.2272 },
  { lat: 31.2304, lng: 121.4737 },
  { lat: 22.5431, lng: 114.0579 },
  { lat: 30.5728, lng: 104.0668 },
  { lat: 48.1372, lng: 11.5756 },
];

type Ticket = (at: number) => string;

/**
 * Trackers report GNSS fixes; roughly 70 % of meters report LBS (cell) fixes; nothing else has positioning
 * (§6.5 getlocation). Devices never activated, or without a fix, keep `location: null`.
 */
export function seedLocation(device: Device, role: ProductRole, random: Random, ticket: Ticket): void {
  const window = activityWindow(device);
  if (!window || (role !== 'tracker' && role !== 'meter')) return;
  if (role === 'meter' && !random.chance(0.7)) return;
  const site = random.pick(SITES);
  const wgs = { lat: round(site.lat + random.decimal(-0.08, 0.08, 6), 6), lng: round(site.lng + random.decimal(-0.08, 0.08, 6), 6) };
  const locateTime = random.int(Math.max(window.start, window.end - 6 * 3_600_000), window.end);
  const common = { ticket: ticket(locateTime), locateTime, createTime: locateTime + random.int(100, 900), wgs };
  if (role === 'meter') {
    const { mcc, mnc, lac, cellId } = device.resource;
    const sentence = nmeaSentence(`LBS,${mcc ?? 460},${String(mnc ?? 0).padStart(2, '0')},${lac ?? 0},${cellId ?? 0},${random.int(20, 60)},0`);
    device.location = {
      ...common,
      locateType: 'LBS ',
      locateStatus: '3',
      locateRaw: Buffer.from(sentence, 'utf8').toString('base64'),
      accuracy: String(random.int(80, 1500)),
      hdop: null,
      height: null,
      satellites: null,
      speed: null,
      ggaStatus: null,
    } satisfies LocationFix;
    return;
  }
  const satellites = random.int(5, 18);
  const hdop = random.decimal(0.6, 2.5, 1).toFixed(1);
  const height = random.decimal(5, 120, 1).toFixed(1);
  const time = new Date(locateTime).toISOString().slice(11, 19).replace(/:/g, '');
  const gga = nmeaSentence(
    `GNGGA,${time}.00,${nmeaCoordinate(wgs.lat, 2)},${wgs.lat >= 0 ? 'N' : 'S'},${nmeaCoordinate(wgs.lng, 3)},${wgs.lng >= 0 ? 'E' : 'W'},1,${satellites},${hdop},${height},M,0.0,M,,`,
  );
  device.location = {
    ...common,
    locateType: 'GN',
    locateStatus: '1',
    locateRaw: Buffer.from(gga, 'utf8').toString('base64'),
    accuracy: null,
    hdop,
    height,
    satellites: String(satellites),
    speed: random.decimal(0, 90, 1).toFixed(1),
    ggaStatus: '1',
  };
}

function round(value: number, places: number): number {
  return Number(value.toFixed(places));
}
