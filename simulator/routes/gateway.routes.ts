import { BusinessError } from '../http/business-error';
import { done, page, single } from '../http/envelope';
import { optionalInteger, optionalText } from '../http/query-params';
import { readPaging } from '../http/paging';
import type { RouteDefinition, SimRequest } from '../router';
import type { SimulatorStore } from '../store/simulator.store';
import type { Device, Product } from '../store/store.types';
import { deviceOf, productByKey, requireAuthorized } from './access';
import { toGatewayIdentity, toGatewaySubDeviceRow } from './device.view';

// Gateway / sub-device topology (§6.4, §7). Check order for every call: identifiers (50007), product
// exists and is authorized (70130/70089), product kind (70020/70029/70027), device exists (70130),
// then topology state — a documented order does not exist [INFERRED].

/** PK and DK together, else 50007 (the gateway calls use 50007, not 50005, for missing keys). */
function deviceKeys(query: Record<string, string>): { productKey: string; deviceKey: string } {
  const productKey = optionalText(query, 'productKey');
  const deviceKey = optionalText(query, 'deviceKey');
  if (productKey === undefined || deviceKey === undefined) throw new BusinessError(50007);
  return { productKey, deviceKey };
}

function subDevice(store: SimulatorStore, request: SimRequest): { product: Product; device: Device } {
  const { productKey, deviceKey } = deviceKeys(request.query);
  const product = productByKey(store, productKey, 70130);
  return { product, device: deviceOf(store, product, deviceKey) };
}

/** deviceId wins over PK+DK (§6.4). */
function gatewayDevice(store: SimulatorStore, query: Record<string, string>): Device {
  const deviceId = optionalInteger(query, 'deviceId');
  if (deviceId !== undefined) {
    const device = store.deviceById(deviceId);
    if (!device) throw new BusinessError(70130);
    const product = requireAuthorized(store.product(device.productKey), 70130);
    if (product.accessType !== 1) throw new BusinessError(70020);
    return device;
  }
  const { productKey, deviceKey } = deviceKeys(query);
  const product = productByKey(store, productKey, 70130);
  if (product.accessType !== 1) throw new BusinessError(70020);
  return deviceOf(store, product, deviceKey);
}

/** Sub-devices associated with the gateway, connected or not, by ascending id [INFERRED order]. */
const subList: RouteDefinition = {
  endpoint: 'gateway.subList',
  methods: ['GET'],
  path: '/v2/devicemgr/r1/openapi/product/gateway/subList',
  envelope: 'A',
  authenticated: true,
  handle({ query }, { store, options }) {
    const gateway = gatewayDevice(store, query);
    const paging = readPaging(query, options.paging);
    const rows = store.subDevicesOf(gateway.id).map((sub) => toGatewaySubDeviceRow(sub, store.product(sub.productKey) as Product, gateway.id));
    return page(rows, paging);
  },
};

/**
 * Only the gateway the sub-device is connected through right now (§6.4), and only for
 * product-integration sub-devices (gatewayType 2; 70027 otherwise, §7).
 */
const gatewayOfChild: RouteDefinition = {
  endpoint: 'gateway.ofChild',
  methods: ['GET'],
  path: '/v2/devicemgr/r1/openapi/product/gateway/getGatewayProductByChildDevice',
  envelope: 'A',
  authenticated: true,
  handle(request, { store }) {
    const { productKey, deviceKey } = deviceKeys(request.query);
    const product = productByKey(store, productKey, 70130);
    if (product.accessType !== 2) throw new BusinessError(70029);
    if (product.gatewayType !== 2) throw new BusinessError(70027);
    const device = deviceOf(store, product, deviceKey);
    const links = device.gateway;
    if (!links || (links.associatedGatewayIds.length === 0 && links.currentGatewayId === null)) throw new BusinessError(70028);
    const gateway = store.currentGatewayOf(device);
    if (!gateway) throw new BusinessError(70026);
    return single(toGatewayIdentity(gateway, store.product(gateway.productKey) as Product));
  },
};

/** POST whose parameters are query parameters, not a JSON body (§6.4). Not connected -> 70026. */
const unbind: RouteDefinition = {
  endpoint: 'gateway.unbind',
  methods: ['POST'],
  path: '/v2/devicemgr/r1/openapi/product/gateway/unbind',
  envelope: 'A',
  authenticated: true,
  handle(request, { store }) {
    const { device } = subDevice(store, request);
    if (!store.currentGatewayOf(device)) throw new BusinessError(70026);
    store.unbindFromGateway(device);
    return done();
  },
};

export const gatewayRoutes: readonly RouteDefinition[] = [subList, gatewayOfChild, unbind];
