import { page, single } from '../http/envelope';
import { readPaging } from '../http/paging';
import { optionalFlag, optionalText, requiredText } from '../http/query-params';
import type { RouteDefinition } from '../router';
import { deviceByKeys, productByKey } from './access';
import { toDeviceDetails, toDeviceResource } from './device.view';

/**
 * §6.3 overview. An unknown productKey answers 70017 (the reference lists only 70089/70130 here; a
 * product-level miss reads best as "Product does not exist" [INFERRED]). `deviceKey` is an exact
 * match; `deviceName`, sent by a third-party client but undocumented (§12 q8), is a case-insensitive
 * substring match, or ignored with the option `deviceNameFilter: false`. Newest devices first [INFERRED order].
 */
const deviceOverview: RouteDefinition = {
  endpoint: 'device.overview',
  methods: ['GET'],
  path: '/v2/devicemgr/r3/openapi/product/device/overview',
  envelope: 'A',
  authenticated: true,
  handle({ query }, { store, options }) {
    const product = productByKey(store, requiredText(query, 'productKey'), 70017);
    const paging = readPaging(query, options.paging);
    const deviceKey = optionalText(query, 'deviceKey');
    const deviceName = options.deviceNameFilter ? optionalText(query, 'deviceName')?.toLowerCase() : undefined;
    const deviceStatus = optionalFlag(query, 'deviceStatus');
    const activeStatus = optionalFlag(query, 'activeStatus');
    const rows = store
      .devices(product.productKey)
      .filter(
        (d) =>
          (deviceKey === undefined || d.deviceKey === deviceKey) &&
          (deviceName === undefined || d.deviceName.toLowerCase().includes(deviceName)) &&
          (deviceStatus === undefined || d.deviceStatus === deviceStatus) &&
          (activeStatus === undefined || d.isActived === activeStatus),
      )
      .sort((a, b) => b.createTime - a.createTime || b.id - a.id)
      .map(toDeviceDetails);
    return page(rows, paging);
  },
};

const deviceDetail: RouteDefinition = {
  endpoint: 'device.detail',
  methods: ['GET'],
  path: '/v2/devicemgr/r3/openapi/device/detail',
  envelope: 'A',
  authenticated: true,
  handle({ query }, { store }) {
    const { device } = deviceByKeys(store, requiredText(query, 'productKey'), requiredText(query, 'deviceKey'));
    return single(toDeviceDetails(device));
  },
};

const deviceResource: RouteDefinition = {
  endpoint: 'device.resource',
  methods: ['GET'],
  path: '/v2/deviceshadow/r2/openapi/device/resource',
  envelope: 'A',
  authenticated: true,
  handle({ query }, { store }) {
    const { device } = deviceByKeys(store, requiredText(query, 'productKey'), requiredText(query, 'deviceKey'));
    return single(toDeviceResource(device));
  },
};

export const deviceRoutes: readonly RouteDefinition[] = [deviceOverview, deviceDetail, deviceResource];
