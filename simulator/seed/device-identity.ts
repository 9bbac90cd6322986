import type { Random } from './random';

// Realistic device identifiers. deviceKeys are unique per product upstream; the seed keeps them
// globally unique so a DK alone names one device in tests and logs.

export type DeviceKeyKind = 'imei' | 'mac' | 'dev-eui' | 'modbus';

const IMEI_TACS = ['86123704', '86738105', '86695406', '86867903', '86442305'];
const WIFI_OUIS = ['7CDFA1', 'C8C9A3', 'A0764E', 'E0E2E6', '48E729'];
const LORA_EUI_PREFIX = '70B3D57ED0';

export function deviceKey(kind: DeviceKeyKind, random: Random): string {
  switch (kind) {
    case 'imei': {
      const body = random.pick(IMEI_TACS) + random.digits(6);
      return body + luhnCheckDigit(body);
    }
    case 'mac':
      return random.pick(WIFI_OUIS) + random.hex(6);
    case 'dev-eui':
      return LORA_EUI_PREFIX + random.hex(6);
    case 'modbus':
      return `TP${random.digits(10)}`;
  }
}

/** IMEIs end with a Luhn digit; a client validating IMEIs would reject anything else. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function serialNumber(prefix: string, createTime: number, random: Random): string {
  const date = new Date(createTime);
  const yy = String(date.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${prefix}${yy}${mm}${random.digits(6)}`;
}

/** 40 hex chars, the shape of an X.509 fingerprint (§6.3 create). */
export function certificateFingerprint(random: Random): string {
  return random.hex(40).toLowerCase();
}
