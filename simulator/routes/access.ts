import { BusinessError } from '../http/business-error';
import type { SimulatorStore } from '../store/simulator.store';
import type { Device, Product } from '../store/store.types';

/** Unknown -> `unknownCode`; known but not authorized to the SaaS app -> 70089 (§1). */
export function requireAuthorized(product: Product | undefined, unknownCode: number): Product {
  if (!product) throw new BusinessError(unknownCode);
  if (!product.authorized) throw new BusinessError(70089);
  return product;
}

export function productByKey(store: SimulatorStore, productKey: string, unknownCode: number): Product {
  return requireAuthorized(store.product(productKey), unknownCode);
}

/**
 * Device-scoped lookups answer 70130 "Non existent device" for an unknown product as well as an
 * unknown device: the device cannot exist under a product that does not [INFERRED].
 */
export function deviceOf(store: SimulatorStore, product: Product, deviceKey: string): Device {
  const device = store.device(product.productKey, deviceKey);
  if (!device) throw new BusinessError(70130);
  return device;
}

export function deviceByKeys(store: SimulatorStore, productKey: string, deviceKey: string): { product: Product; device: Device } {
  const product = productByKey(store, productKey, 70130);
  return { product, device: deviceOf(store, product, deviceKey) };
}

/**
 * The binding family's answer for a device it cannot serve (§6.7, §11.5): 5327 when its product is unknown or not
 * authorized to the SaaS app, 5493 when the device does not exist; null when the device is fine.
 */
export function bindingDeviceFailure(store: SimulatorStore, productKey: string, deviceKey: string): number | null {
  if (!store.product(productKey)?.authorized) return 5327;
  if (!store.device(productKey, deviceKey)) return 5493;
  return null;
}
