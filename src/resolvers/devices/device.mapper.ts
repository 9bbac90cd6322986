import { DeviceAuthMode } from '../../schema/devices/device-auth-mode.enum';
import { DeviceStatus } from '../../schema/devices/device-status.enum';
import type { Device, DeviceSource } from '../../schema/devices/device.type';
import type { DeviceResources } from '../../schema/devices/device-resources.type';
import type { DeviceDto, DeviceResourceDto, GatewayRefDto } from '../../datasources/devices/device.dto';
import { toDate } from '../../datasources/platform/time';

const authModes: Record<number, DeviceAuthMode> = { 0: DeviceAuthMode.DYNAMIC, 1: DeviceAuthMode.STATIC, 2: DeviceAuthMode.X509 };

/** Every detail field is set (null when unknown) so the detail middleware knows nothing is missing. */
export function toDevice(dto: DeviceDto): Device {
  return {
    productKey: dto.productKey,
    deviceKey: dto.deviceKey,
    name: dto.deviceName ?? null,
    sn: dto.sn || null,
    status: dto.deviceStatus === 1 ? DeviceStatus.ONLINE : DeviceStatus.OFFLINE,
    activated: dto.isActived === 1,
    verified: dto.isVerified === 1,
    virtual: dto.isVirtual === 1,
    authMode: dto.authMode === null || dto.authMode === undefined ? null : (authModes[dto.authMode] ?? null),
    createdAt: toDate(dto.createTime),
    updatedAt: toDate(dto.updateTime),
    activatedAt: toDate(dto.activedTime),
    firstConnectedAt: toDate(dto.firstConnTime),
    lastConnectedAt: toDate(dto.lastConnTime),
    lastOfflineAt: toDate(dto.lastOfflineTime),
  };
}

/** A gateway known only by the reference upstream gives for a sub-device: key and name, detail loaded on demand. */
export function toGatewayDevice(dto: GatewayRefDto): DeviceSource {
  return { productKey: dto.productKey, deviceKey: dto.deviceKey, name: dto.deviceName ?? null };
}

export function toDeviceResources(dto: DeviceResourceDto): DeviceResources {
  return {
    battery: dto.battery ?? null,
    voltage: dto.voltage ?? null,
    signalStrength: dto.signalStrength ?? null,
    memoryFree: dto.memoryFree ?? null,
    rsrp: dto.rsrp ?? null,
    rsrq: dto.rsrq ?? null,
    snr: dto.snr ?? null,
    moduleType: dto.type ?? null,
    cellId: dto.cellId ?? null,
    iccid: dto.iccId ?? null,
    mcc: dto.mcc ?? null,
    mnc: dto.mnc ?? null,
    lac: dto.lac ?? null,
    phoneNumber: dto.phoneNum ?? null,
    simNumber: dto.simNum ?? null,
    // `locator` is a ";"-separated list with a trailing separator (reference §6.3).
    locators: (dto.locator ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean),
    communicationProtocolVersion: dto.comProtocolVer ?? null,
    dataProtocolVersion: dto.dataProtocolVer ?? null,
    sdkVersion: dto.sdkVer ?? null,
    firmwareVersion: dto.version ?? null,
    mcuVersion: dto.mcuVersion ?? null,
    capabilitiesBitmask: dto.capabilitiesBitmask ?? null,
    logEnabled: dto.logEnable === null || dto.logEnable === undefined ? null : dto.logEnable === 1,
    logLevel: dto.logLevel ?? null,
    serialNumber: dto.sn || null,
    firstReportedAt: toDate(dto.createTime),
    updatedAt: toDate(dto.updateTime),
  };
}
