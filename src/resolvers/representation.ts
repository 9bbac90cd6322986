import { BadUserInputError } from '../errors';
import { DEVICE_KEY_PATTERN, DEVICE_KEY_RULE, PRODUCT_KEY_PATTERN, PRODUCT_KEY_RULE } from '../schema/keys';
import type { DeviceRef } from '../datasources/devices/device-ref';
import { decodeGlobalId } from '../schema/global-id';
import { GLOBAL_ID_KEYS } from './global-id.resolver';

/**
 * A representation by the `@key(fields: "id")` key carries only the id; the key fields are inside it. Returns the
 * representation with its key fields filled in from the id, or as it is when it already has them.
 * @throws BadUserInputError when the id is not one of this type.
 */
export function withKeyFields<T extends Record<string, unknown>>(typename: keyof typeof GLOBAL_ID_KEYS, representation: T): T {
  const fields: readonly string[] = GLOBAL_ID_KEYS[typename];
  if (fields.every((field) => representation[field] !== undefined)) return representation;
  const id = representation.id;
  if (typeof id !== 'string') return representation;
  const parts = decodeGlobalId(typename, id, fields.length);
  return { ...representation, ...Object.fromEntries(fields.map((field, index) => [field, parts[index]])) };
}

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
