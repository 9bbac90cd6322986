import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context';
import { NotFoundError } from '../errors';
import { toDevice } from '../datasources/device.mapper';
import type { DeviceSource } from './device.type';

/**
 * Lets a Device be handed over by key alone (a gateway reference, a federation representation) and fetches its
 * detail only when a field that needs it is selected. Devices from list pages carry every field, so this never
 * fires for them; when it fires, the per-request loader batches and deduplicates.
 */
export const LoadDeviceDetail: MiddlewareFn<Context> = async ({ root, info, context }, next) => {
  const device = root as DeviceSource;
  if (info.fieldName in device) return next();
  const dto = await context.loaders.deviceByKey.load({ productKey: device.productKey, deviceKey: device.deviceKey });
  if (!dto) throw new NotFoundError(`Device ${device.productKey}/${device.deviceKey} does not exist`);
  Object.assign(device, toDevice(dto));
  return next();
};
