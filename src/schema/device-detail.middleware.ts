import { toDevice } from '../datasources/device.mapper';
import { lazyDetail } from './lazy-detail.middleware';
import type { DeviceSource } from './device.type';

/** Device detail fields load through the planned `deviceByKey` loader when a device came by key alone. */
export const LoadDeviceDetail = lazyDetail<DeviceSource>(
  async ({ productKey, deviceKey }, { loaders }) => {
    const dto = await loaders.deviceByKey.load({ productKey, deviceKey });
    return dto && toDevice(dto);
  },
  ({ productKey, deviceKey }) => `Device ${productKey}/${deviceKey}`,
);
