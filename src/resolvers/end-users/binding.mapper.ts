import type { DeviceBatchPayload, DeviceRowFailure } from '../../schema/devices/device-lifecycle.type';
import type { UnbindRowDto } from '../../datasources/end-users/binding.api';
import { deviceRefKey, type DeviceRef } from '../../datasources/devices/device-ref';

/**
 * One outcome per sent device: code 200 succeeded, any other code failed. A device the platform's answer does not
 * mention counts as failed, not as done, because nothing says it was unbound.
 */
export function toUnbindPayload(input: readonly DeviceRef[], sent: readonly DeviceRef[], rows: readonly UnbindRowDto[]): DeviceBatchPayload {
  const rowByKey = new Map(rows.map((row) => [deviceRefKey({ productKey: row.pk, deviceKey: row.dk }), row]));
  const firstIndex = (device: DeviceRef) => input.findIndex((d) => deviceRefKey(d) === deviceRefKey(device));
  const succeeded: DeviceRef[] = [];
  const failed: DeviceRowFailure[] = [];
  for (const device of sent) {
    const row = rowByKey.get(deviceRefKey(device));
    if (row && Number(row.code) === 200) {
      succeeded.push(device);
      continue;
    }
    failed.push({
      index: firstIndex(device),
      productKey: device.productKey,
      deviceKey: device.deviceKey,
      code: row ? Number(row.code) : null,
      message: row ? row.msg || null : 'The platform did not report on this device',
    });
  }
  return { succeeded, failed, succeededCount: succeeded.length, failedCount: failed.length };
}
