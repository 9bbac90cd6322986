import { emptyResource } from '../seed/device-resource.seed';
import type { Device, Product } from '../store/store.types';
import type { NewDeviceInput } from './device-input';

/**
 * A device as §6.3 create leaves it: never activated, offline, no connection times. deviceName defaults to
 * the deviceKey and sn to "" [INFERRED]. A sub-device starts with no gateway association (70028 until one
 * exists, §7).
 */
export function newDevice(id: number, product: Product, input: NewDeviceInput, now: number): Device {
  return {
    id,
    productKey: product.productKey,
    deviceKey: input.deviceKey,
    deviceName: input.deviceName ?? input.deviceKey,
    sn: input.sn ?? '',
    deviceStatus: 0,
    isActived: 0,
    isVerified: 0,
    isVirtual: 0,
    authMode: input.authMode,
    dataFmt: product.dataFmt,
    fingerPrint: input.fingerPrint ?? null,
    createTime: now,
    updateTime: now,
    activedTime: null,
    firstConnTime: null,
    lastConnTime: null,
    lastOfflineTime: null,
    enabled: null,
    isLiveness: null,
    protocol: null,
    moduleType: null,
    moduleVersion: null,
    locateType: null,
    oldDeviceName: null,
    resource: emptyResource(),
    gateway: product.accessType === 2 ? { associatedGatewayIds: [], currentGatewayId: null } : null,
    latestProperties: new Map(),
    messages: [],
    events: [],
    location: null,
    commandsReceived: 0,
    groupIds: [],
  };
}
