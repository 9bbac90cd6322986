import { BusinessError } from '../http/business-error';
import { optionalInteger, optionalString, requiredString, type JsonObject } from '../http/body-fields';

// §6.3 create/update rows. The reference documents no limits; these are ours [INFERRED]: deviceKey 1..64 of
// letters, digits and `_-.:`; deviceName and sn at most 128 / 64 characters; fingerPrint 40 or 64 hex digits
// (SHA-1 or SHA-256 of the certificate), required for X.509 (authMode 2). Violations answer 50005.

const DEVICE_KEY = /^[A-Za-z0-9_\-.:]{1,64}$/;
const FINGERPRINT = /^(?:[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64})$/;
const MAX_NAME = 128;
const MAX_SN = 64;

export interface NewDeviceInput {
  deviceKey: string;
  deviceName: string | undefined;
  sn: string | undefined;
  authMode: 0 | 1 | 2;
  fingerPrint: string | undefined;
}

export interface DeviceChangeInput {
  deviceKey: string;
  deviceName: string | undefined;
  sn: string | undefined;
}

export function readDeviceKey(row: JsonObject): string {
  const deviceKey = requiredString(row, 'deviceKey');
  if (!DEVICE_KEY.test(deviceKey)) throw new BusinessError(50005);
  return deviceKey;
}

function readNameAndSn(row: JsonObject): { deviceName: string | undefined; sn: string | undefined } {
  const deviceName = optionalString(row, 'deviceName');
  const sn = optionalString(row, 'sn');
  if ((deviceName?.length ?? 0) > MAX_NAME || (sn?.length ?? 0) > MAX_SN) throw new BusinessError(50005);
  return { deviceName, sn };
}

export function readNewDevice(row: JsonObject): NewDeviceInput {
  const deviceKey = readDeviceKey(row);
  const authMode = (optionalInteger(row, 'authMode', 0, 2) ?? 0) as 0 | 1 | 2;
  const fingerPrint = optionalString(row, 'fingerPrint');
  if (fingerPrint !== undefined && !FINGERPRINT.test(fingerPrint)) throw new BusinessError(50005);
  if (authMode === 2 && fingerPrint === undefined) throw new BusinessError(50005);
  optionalString(row, 'psk');
  return { deviceKey, ...readNameAndSn(row), authMode, fingerPrint };
}

export function readDeviceChange(row: JsonObject): DeviceChangeInput {
  return { deviceKey: readDeviceKey(row), ...readNameAndSn(row) };
}
