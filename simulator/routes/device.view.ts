import type { Device, Product } from '../store/store.types';

/** "DeviceDetails" (§6.3): times are int64 ms numbers, null where the event never happened. */
export function toDeviceDetails(device: Device): Record<string, unknown> {
  return {
    activedTime: device.activedTime,
    authMode: device.authMode,
    createTime: device.createTime,
    dataFmt: device.dataFmt,
    deviceKey: device.deviceKey,
    deviceName: device.deviceName,
    deviceStatus: device.deviceStatus,
    firstConnTime: device.firstConnTime,
    isActived: device.isActived,
    isVerified: device.isVerified,
    isVirtual: device.isVirtual,
    lastConnTime: device.lastConnTime,
    lastOfflineTime: device.lastOfflineTime,
    productKey: device.productKey,
    sn: device.sn,
    updateTime: device.updateTime,
  };
}

/** "QdDeviceStatus" (§6.3 resource): every documented field present, most of them nullable. */
export function toDeviceResource(device: Device): Record<string, unknown> {
  return { ...device.resource, productKey: device.productKey, deviceKey: device.deviceKey };
}

/**
 * "OpenApiDeviceDO" sub-device row (§6.4). `isCurrent` is in the doc example but not its schema;
 * it says whether the sub-device is connected through this gateway right now.
 */
export function toGatewaySubDeviceRow(device: Device, product: Product, gatewayId: number): Record<string, unknown> {
  return {
    id: device.id,
    productId: product.productId,
    productKey: product.productKey,
    productName: product.productName,
    projectId: product.projectId,
    deviceKey: device.deviceKey,
    deviceName: device.deviceName,
    sn: device.sn,
    deviceStatus: device.deviceStatus,
    isActived: device.isActived,
    isLiveness: device.isLiveness,
    isVerified: device.isVerified,
    isVirtual: device.isVirtual,
    enabled: device.enabled,
    authMode: device.authMode,
    fingerPrint: device.fingerPrint,
    gatewayType: product.gatewayType,
    isCurrent: device.gateway?.currentGatewayId === gatewayId ? 1 : 0,
    locateType: device.locateType,
    moduleType: device.moduleType,
    moduleVersion: device.moduleVersion,
    protocol: device.protocol,
    oldDeviceName: device.oldDeviceName,
    activedTime: device.activedTime,
    createTime: device.createTime,
    updateTime: device.updateTime,
    firstConnTime: device.firstConnTime,
    lastConnTime: device.lastConnTime,
    lastOfflineTime: device.lastOfflineTime,
  };
}

/** getGatewayProductByChildDevice payload (§6.4). */
export function toGatewayIdentity(gateway: Device, product: Product): Record<string, unknown> {
  return {
    productKey: product.productKey,
    productName: product.productName,
    deviceKey: gateway.deviceKey,
    deviceName: gateway.deviceName,
  };
}
