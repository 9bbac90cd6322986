import { BadUserInputError } from '../errors';
import { DEVICE_KEY_PATTERN, DEVICE_KEY_RULE, PRODUCT_KEY_PATTERN, PRODUCT_KEY_RULE } from '../schema/keys';
import type { DeviceRef } from '../datasources/devices/device-ref';

/** Federation representations bypass argument validation, so their keys are checked here. */
export function assertProductKey(value: unknown): string {
  if (typeof value !== 'string' || !PRODUCT_KEY_PATTERN.test(value)) throw new BadUserInputError(PRODUCT_KEY_RULE, 'productKey');
  return value;
}

export function assertDeviceKey(representation: { productKey: unknown; deviceKey: unknown }): DeviceRef {
  const productKey = assertProductKey(representation.productKey);
  const { deviceKey } = representation;
  if (typeof deviceKey !== 'string' || !DEVICE_KEY_PATTERN.test(deviceKey)) throw new BadUserInputError(DEVICE_KEY_RULE, 'deviceKey');
  return { productKey, deviceKey };
}
