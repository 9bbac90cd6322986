/** The composite key of a device everywhere upstream: product key + device key. */
export interface DeviceRef {
  productKey: string;
  deviceKey: string;
}

export function deviceRefKey(ref: DeviceRef): string {
  return `${ref.productKey}\u0000${ref.deviceKey}`;
}
