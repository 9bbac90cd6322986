import type { Device, Product, ProductRole, SimulatorHandle } from '../../../simulator';

export function productOf(sim: SimulatorHandle, role: ProductRole): Product {
  const product = sim.store.products().find((p) => p.role === role);
  if (!product) throw new Error(`seed has no ${role} product`);
  return product;
}

export function devicesOf(sim: SimulatorHandle, role: ProductRole): Device[] {
  return sim.store.devices(productOf(sim, role).productKey);
}

/** A gateway with sub-devices of both sub-device products. */
export function mixedGateway(sim: SimulatorHandle): Device {
  const gateway = sim.store.devices().find((d) => new Set(sim.store.subDevicesOf(d.id).map((s) => s.productKey)).size === 2);
  if (!gateway) throw new Error('seed has no gateway with mixed sub-devices');
  return gateway;
}

/** First device of `role` matching `predicate`; throws when the seed has none. */
export function deviceWhere(sim: SimulatorHandle, role: ProductRole, predicate: (d: Device) => boolean): Device {
  const device = devicesOf(sim, role).find(predicate);
  if (!device) throw new Error(`seed has no matching ${role} device`);
  return device;
}

export const isOnline = (d: Device) => d.deviceStatus === 1;
export const isOfflineActivated = (d: Device) => d.deviceStatus === 0 && d.isActived === 1;
