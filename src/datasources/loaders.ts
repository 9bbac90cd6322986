import type { DeviceApi } from './device.api';
import type { GatewayApi } from './gateway.api';
import type { ProductApi } from './product.api';
import { createDeviceLoaders, type DeviceLoaders } from './device.loaders';
import { createProductLoaders, type ProductLoaders } from './product.loaders';

export type Loaders = ProductLoaders & DeviceLoaders;

export interface Apis {
  products: ProductApi;
  devices: DeviceApi;
  gateways: GatewayApi;
}

/** New loaders for every request: nothing cached here may outlive the request that loaded it. */
export function createLoaders(apis: Apis, pageSize: number): Loaders {
  return {
    ...createProductLoaders(apis.products, pageSize),
    ...createDeviceLoaders(apis.devices, apis.gateways, pageSize),
  };
}
