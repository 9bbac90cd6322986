import type { SimulatorStore } from '../store/simulator.store';
import type { Device } from '../store/store.types';

/** `productKey`, `deviceKey` and, for a sub-device behind a gateway, the relaying `gateway` (§9.2). */
export function originOf(
  store: SimulatorStore,
  device: Device,
): { productKey: string; deviceKey: string; gateway?: { productKey: string; deviceKey: string } } {
  const gateway = store.currentGatewayOf(device);
  return {
    productKey: device.productKey,
    deviceKey: device.deviceKey,
    ...(gateway ? { gateway: { productKey: gateway.productKey, deviceKey: gateway.deviceKey } } : {}),
  };
}
