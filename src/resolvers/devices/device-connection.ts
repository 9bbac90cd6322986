import type { Context } from '../../context';
import { DeviceFilterArgs } from '../../schema/devices/device.args';
import { validateArgs } from '../../schema/validate-args';
import { DeviceStatus } from '../../schema/devices/device-status.enum';
import type { DeviceListKey } from '../../datasources/devices/device.loaders';
import { toDevice } from './device.mapper';
import { pageConnection } from '../connection';
import { startLoad } from '../selected-children';

/** The upstream list a device filter selects (reference §6.3): status and activation are documented filters. */
export function deviceListOf(productKey: string, { status, activated }: Pick<DeviceFilterArgs, 'status' | 'activated'>): DeviceListKey {
  return {
    productKey,
    deviceStatus: status === DeviceStatus.ONLINE ? 1 : status === DeviceStatus.OFFLINE ? 0 : undefined,
    activeStatus: activated === true ? 1 : activated === false ? 0 : undefined,
  };
}

/** A product's devices as a connection; shared by `Query.devices` and `Product.devices`. */
export function deviceConnection(productKey: string, { status, activated, nameContains, ...paging }: DeviceFilterArgs, ctx: Context) {
  const filter = deviceListOf(productKey, { status, activated });
  const deviceName = nameContains ?? undefined;
  // The filters are part of the list name, so a cursor from the ONLINE list is refused by the unfiltered one.
  const list = [
    'devices',
    status?.toLowerCase(),
    activated === true ? 'activated' : activated === false ? 'inactive' : undefined,
    deviceName === undefined ? undefined : 'named',
  ]
    .filter(Boolean)
    .join('-');
  return pageConnection(
    list,
    paging,
    ctx.pageSize,
    (pageNum) => ctx.loaders.devicePage.load({ ...filter, deviceName, pageNum }),
    (row, cursor) => ({ cursor, node: toDevice(row) }),
  );
}

/**
 * Starts the loads `deviceConnection` will make for these arguments (coerced, not yet validated), for a resolver that
 * still waits for the product: the same loader keys, so the field's own call later finds them in flight. Arguments
 * that fail validation start nothing; the field reports them.
 */
export function prefetchDeviceConnection(productKey: string, args: Record<string, unknown>, ctx: Context): void {
  const filter = Object.assign(new DeviceFilterArgs(), args);
  try {
    validateArgs(filter);
  } catch {
    return;
  }
  startLoad(() => deviceConnection(productKey, filter, ctx));
}
