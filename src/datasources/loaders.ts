import type { DeviceApi } from './device.api';
import type { GatewayApi } from './gateway.api';
import type { ProductApi } from './product.api';
import { createDeviceLoaders, type DeviceLoaders } from './device.loaders';
import { createProductLoaders, type ProductLoaders } from './product.loaders';
import type { CommandApi } from './command.api';
import type { DeviceLifecycleApi } from './device-lifecycle.api';
import type { HistoryApi } from './history.api';
import type { LocationApi } from './location.api';
import { createDeviceDataLoaders, type DeviceDataLoaders } from './device-data.loaders';
import { createAdminLoaders, type AdminApis, type AdminLoaders } from './admin';

export type Loaders = ProductLoaders & DeviceLoaders & DeviceDataLoaders & AdminLoaders;

export interface Apis extends AdminApis {
  products: ProductApi;
  devices: DeviceApi;
  gateways: GatewayApi;
  commands: CommandApi;
  history: HistoryApi;
  locations: LocationApi;
  lifecycle: DeviceLifecycleApi;
}

/** New loaders for every request: nothing cached here may outlive the request that loaded it. */
export function createLoaders(apis: Apis, pageSize: number): Loaders {
  return {
    ...createProductLoaders(apis.products, pageSize),
    ...createDeviceLoaders(apis.devices, apis.gateways, pageSize),
    ...createDeviceDataLoaders(apis.history, apis.locations, pageSize),
    ...createAdminLoaders(apis, pageSize),
  };
}
