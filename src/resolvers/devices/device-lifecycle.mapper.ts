import { DeviceAuthMode } from '../../schema/devices/device-auth-mode.enum';
import type { DeviceBatchPayload, DeviceRowFailure } from '../../schema/devices/device-lifecycle.type';
import type { DeviceChangeInput, NewDeviceInput } from '../../schema/devices/device-lifecycle.input';
import type { BatchRowFailureDto } from '../../datasources/device-data/device-data.dto';
import type { DeviceChangeDto, NewDeviceDto } from '../../datasources/devices/device-lifecycle.api';

const authModes: Record<DeviceAuthMode, number> = { [DeviceAuthMode.DYNAMIC]: 0, [DeviceAuthMode.STATIC]: 1, [DeviceAuthMode.X509]: 2 };

/** Only the fields given are sent, so the platform applies its own defaults to the rest. */
export function toNewDeviceDto(input: NewDeviceInput): NewDeviceDto {
  return compact({
    deviceKey: input.deviceKey,
    deviceName: input.name ?? undefined,
    sn: input.sn ?? undefined,
    authMode: input.authMode ? authModes[input.authMode] : undefined,
    fingerPrint: input.fingerprint ?? undefined,
    psk: input.psk ?? undefined,
  });
}

export function toDeviceChangeDto(input: DeviceChangeInput): DeviceChangeDto {
  return compact({ deviceKey: input.deviceKey, deviceName: input.name ?? undefined, sn: input.sn ?? undefined });
}

/** Rows upstream lists are the failed ones (reference §12.4); every other row succeeded. */
export function toDeviceBatchPayload(
  productKey: string,
  rows: ReadonlyArray<{ deviceKey: string; name?: string | null; sn?: string | null }>,
  failures: readonly BatchRowFailureDto[],
): DeviceBatchPayload {
  const indexByKey = new Map(rows.map((row, i) => [row.deviceKey, i]));
  const failed: DeviceRowFailure[] = failures.map((f) => ({
    index: f.deviceKey ? (indexByKey.get(f.deviceKey) ?? null) : null,
    productKey,
    deviceKey: f.deviceKey ?? null,
    code: typeof f.code === 'number' ? f.code : f.code ? Number(f.code) : null,
    message: f.message ?? f.msg ?? null,
  }));
  failed.sort((a, b) => (a.index ?? Infinity) - (b.index ?? Infinity));
  const failedKeys = new Set(failures.map((f) => f.deviceKey));
  const succeeded = rows.filter((row) => !failedKeys.has(row.deviceKey)).map((row) => ({ productKey, deviceKey: row.deviceKey }));
  return { succeeded, failed, succeededCount: succeeded.length, failedCount: failed.length };
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
