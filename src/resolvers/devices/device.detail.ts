import { toDevice } from './device.mapper';
import { lazyDetail } from '../lazy-detail';
import type { DeviceSource } from '../../schema/devices/device.type';

/** Device detail fields load through the planned `deviceByKey` loader when a device came by key alone. */
export const loadDeviceDetail = lazyDetail<DeviceSource>(
  async ({ productKey, deviceKey }, { loaders }) => {
    const dto = await loaders.deviceByKey.load({ productKey, deviceKey });
    return dto && toDevice(dto);
  },
  ({ productKey, deviceKey }) => `Device ${productKey}/${deviceKey}`,
);
