/** The composite key of a device everywhere upstream: product key + device key. */
export interface DeviceRef {
  productKey: string;
  deviceKey: string;
}

export function deviceRefKey(ref: DeviceRef): string {
  return `${ref.productKey}\u0000${ref.deviceKey}`;
}

/** The devices without repeats, in order of first appearance; extra fields of the input are dropped. */
export function distinctDeviceRefs(devices: readonly DeviceRef[]): DeviceRef[] {
  const seen = new Map<string, DeviceRef>();
  for (const { productKey, deviceKey } of devices) {
    const key = deviceRefKey({ productKey, deviceKey });
    if (!seen.has(key)) seen.set(key, { productKey, deviceKey });
  }
  return [...seen.values()];
}
