import { BusinessError } from '../http/business-error';
import { optionalInteger, optionalText } from '../http/query-params';
import type { SimulatorStore } from '../store/simulator.store';
import type { Device, Product } from '../store/store.types';
import { deviceByKeys, requireAuthorized } from './access';

/**
 * Device addressed by `deviceId` or by `productKey`+`deviceKey` (§6.5 location/history): deviceId wins,
 * neither -> 50007, unknown device or product -> 70130, product not authorized -> 70089.
 */
export function targetDevice(store: SimulatorStore, query: Record<string, string>): { product: Product; device: Device } {
  const deviceId = optionalInteger(query, 'deviceId');
  if (deviceId !== undefined) {
    const device = store.deviceById(deviceId);
    if (!device) throw new BusinessError(70130);
    return { product: requireAuthorized(store.product(device.productKey), 70130), device };
  }
  const productKey = optionalText(query, 'productKey');
  const deviceKey = optionalText(query, 'deviceKey');
  if (productKey === undefined || deviceKey === undefined) throw new BusinessError(50007);
  return deviceByKeys(store, productKey, deviceKey);
}
