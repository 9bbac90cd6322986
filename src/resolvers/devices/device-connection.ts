import type { Context } from '../../context';
import type { DeviceFilterArgs } from '../../schema/devices/device.args';
import { DeviceStatus } from '../../schema/devices/device-status.enum';
import { toDevice } from './device.mapper';
import { pageConnection } from '../connection';

/** A product's devices as a connection; shared by `Query.devices` and `Product.devices`. */
export function deviceConnection(productKey: string, { status, ...paging }: DeviceFilterArgs, ctx: Context) {
  const deviceStatus = status === DeviceStatus.ONLINE ? 1 : status === DeviceStatus.OFFLINE ? 0 : undefined;
  // The filter is part of the list name, so a cursor from the ONLINE list is refused by the unfiltered one.
  const list = `devices${status ? `-${status.toLowerCase()}` : ''}`;
  return pageConnection(
    list,
    paging,
    ctx.pageSize,
    (pageNum) => ctx.loaders.devicePage.load({ productKey, deviceStatus, pageNum }),
    (row, cursor) => ({ cursor, node: toDevice(row) }),
  );
}
