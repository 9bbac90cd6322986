/** "DeviceDetails": rows of `device/overview` and `device/detail` (reference §6.3). Times are epoch-ms numbers. */
export interface DeviceDto {
  productKey: string;
  deviceKey: string;
  deviceName?: string | null;
  sn?: string | null;
  /** 1 online, 0 offline */
  deviceStatus?: number | null;
  isActived?: number | null;
  isVerified?: number | null;
  isVirtual?: number | null;
  authMode?: number | null;
  dataFmt?: number | null;
  activedTime?: number | string | null;
  createTime?: number | string | null;
  updateTime?: number | string | null;
  firstConnTime?: number | string | null;
  lastConnTime?: number | string | null;
  lastOfflineTime?: number | string | null;
}

/** "OpenApiDeviceDO": rows of `gateway/subList` (reference §6.4). */
export interface SubDeviceDto extends DeviceDto {
  id?: number | null;
  productId?: number | null;
  productName?: string | null;
  projectId?: number | null;
  /** 0 none, 1 proxy internet access only, 2 product integration (reference §7) */
  gatewayType?: number | null;
  /** 1 when the sub-device is attached to this gateway right now */
  isCurrent?: number | null;
  enabled?: number | null;
}

/** `getGatewayProductByChildDevice` answer: the gateway a sub-device is connected through now. */
export interface GatewayRefDto {
  productKey: string;
  productName?: string | null;
  deviceKey: string;
  deviceName?: string | null;
}

/** "QdDeviceStatus" of `device/resource` (reference §6.3); every field may be null. */
export interface DeviceResourceDto {
  productKey?: string | null;
  deviceKey?: string | null;
  battery?: number | null;
  voltage?: number | null;
  signalStrength?: number | null;
  memoryFree?: number | null;
  rsrp?: number | null;
  rsrq?: number | null;
  snr?: number | null;
  type?: string | null;
  cellId?: number | null;
  iccId?: string | null;
  mcc?: number | null;
  mnc?: number | null;
  lac?: number | null;
  phoneNum?: string | null;
  simNum?: string | null;
  locator?: string | null;
  comProtocolVer?: string | null;
  dataProtocolVer?: string | null;
  sdkVer?: string | null;
  version?: string | null;
  mcuVersion?: string | null;
  capabilitiesBitmask?: number | null;
  logEnable?: number | null;
  logLevel?: string | null;
  /** Serial number the module reports, which may differ from the registered one */
  sn?: string | null;
  createTime?: number | string | null;
  updateTime?: number | string | null;
}
