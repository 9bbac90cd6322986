import type { TslDocument } from './tsl.types';
import type { AdminSeed } from './admin.types';

// Internal records. Field names follow upstream where the record is echoed verbatim (§6.1, §6.3, §6.4);
// everything else is simulator bookkeeping that never leaves the process unmapped.

export interface Project {
  id: number;
  name: string;
  /** Free text, changed through project/{id}/edit (§11.1) [INFERRED]. */
  description: string;
}

/** Which seed blueprint produced a product; lets tests and the CLI find "the transparent product" etc. */
export type ProductRole = 'meter' | 'plug' | 'water-meter' | 'cellular-gateway' | 'wifi-gateway' | 'soil-sensor' | 'temperature-probe' | 'tracker';

export interface Product {
  productId: number;
  productKey: string;
  productName: string;
  projectId: number;
  role: ProductRole;
  /** 0 direct, 1 gateway, 2 gateway sub-device (§5). */
  accessType: 0 | 1 | 2;
  connectPlatform: 0 | 1;
  /** 0 transparent, 3 thing model (§5). */
  dataFmt: 0 | 3;
  netWay: string;
  logoPath: string | null;
  createTime: number;
  /** null = never updated; upstream renders that as "" (§6.1). */
  updateTime: number | null;
  aiCapabilityStatus: boolean;
  /** Sub-device products only: 1 proxy internet access, 2 product integration; 0 otherwise (§7). */
  gatewayType: 0 | 1 | 2;
  /** Authorized to the simulated SaaS app; others answer 70089 (§1). */
  authorized: boolean;
  tsl: TslDocument | null;
}

/** Module/SIM status as reported by the device ("QdDeviceStatus", §6.3 resource). All nullable upstream. */
export interface DeviceResource {
  id: number | null;
  battery: number | null;
  voltage: number | null;
  signalStrength: number | null;
  memoryFree: number | null;
  rsrp: number | null;
  rsrq: number | null;
  snr: number | null;
  type: string | null;
  cellId: number | null;
  iccId: string | null;
  mcc: number | null;
  mnc: number | null;
  lac: number | null;
  phoneNum: string | null;
  simNum: string | null;
  locator: string | null;
  comProtocolVer: string | null;
  dataProtocolVer: string | null;
  sdkVer: string | null;
  version: string | null;
  mcuVersion: string | null;
  deviceId: string | null;
  capabilitiesBitmask: number | null;
  sn: string | null;
  logEnable: number | null;
  logLevel: string | null;
  createTime: number | null;
  updateTime: number | null;
}

/**
 * Gateway links of a sub-device (§7): the gateways it is associated with, and the one it is
 * currently connected through (null = associated but not connected).
 */
export interface GatewayLinks {
  associatedGatewayIds: number[];
  currentGatewayId: number | null;
}

/**
 * One entry of the message log served by data/history (§6.5 "DeviceData"). `raw` is the base64 packet,
 * `dmData` the JSON text of the decoded TSL payload (null for transparent traffic).
 */
export interface DeviceMessage {
  ticket: string;
  /** 1 up, 2 down (§5). */
  direction: 1 | 2;
  /** 4-hex-digit packet command; null for transparent (raw) packets [INFERRED]. */
  cmd: string | null;
  /** 0 not sent, 1 sent, -1 send failed (§5). */
  sendStatus: 0 | 1 | -1;
  at: number;
  raw: string;
  dmData: string | null;
}

/** Latest value of one TSL property, in the simulator's normalised form (see thing-model/tsl-value.ts). */
export interface PropertySample {
  value: unknown;
  time: number;
}

/** One entry of the event log served by eventdata/history (§6.5 "DeviceEventVO"). */
export interface DeviceEventRecord {
  ticket: string;
  /** "0" offline, "1" online, "2" reconnect, "3" info, "4" warn, "5" error, "6" reset (§5). */
  eventType: string;
  eventCode: string;
  eventName: string | null;
  /** JSON text keyed by output param codes; null for connectivity events. */
  outputData: string | null;
  abId: number | null;
  at: number;
}

/** Latest position fix ("QdLocationLatest", §6.5); coordinates in degrees. */
export interface LocationFix {
  ticket: string;
  /** e.g. "LBS " (sic, trailing space as in the reference example) or "GN". */
  locateType: string;
  locateStatus: string;
  locateTime: number;
  createTime: number;
  wgs: { lat: number; lng: number };
  /** Base64 of the raw report ($LBS or NMEA GGA sentence). */
  locateRaw: string;
  accuracy: string | null;
  hdop: string | null;
  height: string | null;
  satellites: string | null;
  speed: string | null;
  ggaStatus: string | null;
}

export interface Device {
  id: number;
  productKey: string;
  deviceKey: string;
  deviceName: string;
  sn: string;
  deviceStatus: 0 | 1;
  isActived: 0 | 1;
  isVerified: 0 | 1;
  isVirtual: 0 | 1;
  authMode: 0 | 1 | 2;
  dataFmt: 0 | 3;
  fingerPrint: string | null;
  createTime: number;
  updateTime: number;
  activedTime: number | null;
  firstConnTime: number | null;
  lastConnTime: number | null;
  lastOfflineTime: number | null;
  // OpenApiDeviceDO extras (§6.4); null where the platform has nothing to say.
  enabled: 0 | 1 | null;
  isLiveness: 0 | 1 | null;
  protocol: number | null;
  moduleType: string | null;
  moduleVersion: string | null;
  locateType: string | null;
  oldDeviceName: string | null;
  resource: DeviceResource;
  /** Sub-devices only; null for direct devices and gateways. */
  gateway: GatewayLinks | null;
  /** Keyed by TSL property code; seeded from the newest uplink report, updated by writes to online devices. */
  latestProperties: Map<string, PropertySample>;
  /** Oldest first. */
  messages: DeviceMessage[];
  /** Oldest first. */
  events: DeviceEventRecord[];
  /** null = the device never reported a fix. */
  location: LocationFix | null;
  /** Downlink commands accepted for this device (readData/writeData/sendServiceData/raw), cached ones included. */
  commandsReceived: number;
  /** Empty until device groups exist. */
  groupIds: number[];
}

export interface SeedData {
  projects: Project[];
  products: Product[];
  devices: Device[];
  /** Queues, end users, bindings, device groups (admin.seed.ts). */
  admin: AdminSeed;
}
