import type { Device, DeviceResource } from '../store/store.types';
import type { ModuleKind } from './product.catalog';
import type { Random } from './random';

/** Module identity per networking kind: model, firmware prefix, positioning methods, capability bit. */
const MODULES: Record<Exclude<ModuleKind, 'none'>, { types: string[]; locator: string; capabilities: number }> = {
  cellular: { types: ['EC200U-CN', 'EG915U-EU', 'EC600N-CN'], locator: 'NONE;LBS;AUTO;GGA;RMC;GSV;GSA;VTG;', capabilities: 1 },
  'nb-iot': { types: ['BC660K-GL', 'BC95-G'], locator: 'NONE;LBS;', capabilities: 4 },
  wifi: { types: ['FC41D', 'FCM100D'], locator: 'NONE;WIFI;', capabilities: 2 },
};

const SDK_VERSIONS = ['2.9.2', '2.10.0', '2.10.3'];
const LOG_LEVELS = ['INFO', 'WARN', 'ERROR', 'DEBUG'];

export function emptyResource(): DeviceResource {
  return {
    id: null,
    battery: null,
    voltage: null,
    signalStrength: null,
    memoryFree: null,
    rsrp: null,
    rsrq: null,
    snr: null,
    type: null,
    cellId: null,
    iccId: null,
    mcc: null,
    mnc: null,
    lac: null,
    phoneNum: null,
    simNum: null,
    locator: null,
    comProtocolVer: null,
    dataProtocolVer: null,
    sdkVer: null,
    version: null,
    mcuVersion: null,
    deviceId: null,
    capabilitiesBitmask: null,
    sn: null,
    logEnable: null,
    logLevel: null,
    createTime: null,
    updateTime: null,
  };
}

/** Module firmware string in Quectel's usual `<MODEL><REGION>AAR0xA0xM08` shape. */
export function moduleFirmware(type: string, random: Random): string {
  return `${type.replace(/-/g, '')}AAR0${random.int(1, 3)}A${String(random.int(1, 12)).padStart(2, '0')}M08`;
}

export function moduleType(kind: ModuleKind, random: Random): string | null {
  return kind === 'none' ? null : random.pick(MODULES[kind].types);
}

/**
 * What the module last reported (§6.3 resource, mirroring the AMQP STATUS kv of §9). Devices that
 * never connected and sub-devices without a module report nothing but their keys.
 */
export function deviceResource(device: Device, kind: ModuleKind, battery: boolean, random: Random): DeviceResource {
  const resource = emptyResource();
  if (device.isActived === 0) return resource;
  resource.id = 1_000_000 + device.id;
  resource.createTime = device.activedTime;
  resource.updateTime = device.lastConnTime;
  if (kind === 'none') return resource;

  const module = MODULES[kind];
  resource.type = device.moduleType;
  resource.version = device.moduleVersion;
  resource.locator = module.locator;
  resource.capabilitiesBitmask = module.capabilities;
  resource.sn = device.sn;
  resource.dataProtocolVer = '1.3.0';
  resource.comProtocolVer = 'V1.0';
  resource.sdkVer = random.pick(SDK_VERSIONS);
  resource.mcuVersion = random.chance(0.6) ? `V${random.int(1, 3)}.${random.int(0, 9)}.${random.int(0, 20)}` : null;
  resource.memoryFree = random.int(20_000, 600_000);
  resource.logEnable = random.chance(0.2) ? 1 : 0;
  resource.logLevel = random.pick(LOG_LEVELS);
  if (battery) resource.battery = random.decimal(5, 100, 1);

  if (kind === 'wifi') {
    resource.signalStrength = random.int(-85, -35);
    return resource;
  }
  resource.voltage = random.decimal(3.3, 4.2, 2);
  resource.signalStrength = random.int(5, 31);
  resource.rsrp = random.int(-125, -75);
  resource.rsrq = random.int(-18, -5);
  resource.snr = random.int(-5, 25);
  resource.mcc = 460;
  resource.mnc = random.pick([0, 1, 11]);
  resource.lac = random.int(4096, 65000);
  resource.cellId = random.int(10_000_000, 268_435_455);
  resource.iccId = `8986${random.digits(16)}`;
  resource.simNum = `460${String(resource.mnc).padStart(2, '0')}${random.digits(10)}`;
  resource.phoneNum = random.chance(0.7) ? `1064${random.digits(9)}` : null;
  return resource;
}
