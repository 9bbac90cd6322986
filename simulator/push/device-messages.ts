import type { Device } from '../store/store.types';
import type { PushIds, PushMessage } from './push-message';

export type DeviceOperation = 'ADD' | 'UPDATE' | 'DELETE';

/** UPDATE data: only the keys that changed (§9.3 row 15/102). */
export interface DeviceChanges {
  deviceName?: { old: string; new: string };
  sn?: { new: string };
}

/**
 * META_EVENT/DEVICE (§9.3): msgType 15 for product/device subscriptions, 102 for SaaS ones. ADD and DELETE carry
 * `{deviceName, sn}`, UPDATE the changed keys. `device` is read at once, so a deleted device still names itself.
 */
export function deviceEvent(device: Device, operation: DeviceOperation, now: number, ids: PushIds, changes?: DeviceChanges): PushMessage {
  return {
    type: 'META_EVENT',
    subtype: 'DEVICE',
    operation,
    productKey: device.productKey,
    deviceKey: device.deviceKey,
    createdAt: now,
    ticket: ids.ticket(),
    data: operation === 'UPDATE' ? { ...changes } : { deviceName: device.deviceName, sn: device.sn },
  };
}
