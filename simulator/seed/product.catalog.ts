import type { ProductRole } from '../store/store.types';
import type { DeviceKeyKind } from './device-identity';
import { gatewayTsl } from './tsl/gateway.tsl';
import { meterTsl } from './tsl/meter.tsl';
import { plugTsl } from './tsl/plug.tsl';
import { soilSensorTsl } from './tsl/soil-sensor.tsl';
import { temperatureProbeTsl } from './tsl/temperature-probe.tsl';
import type { TslFeatures } from './tsl/tsl.builders';
import { trackerTsl } from './tsl/tracker.tsl';

export type ModuleKind = 'cellular' | 'nb-iot' | 'wifi' | 'none';

/** What the seed knows about each product before the PRNG fills in keys, ids and times. */
export interface ProductBlueprint {
  role: ProductRole;
  productName: string;
  accessType: 0 | 1 | 2;
  gatewayType: 0 | 1 | 2;
  dataFmt: 0 | 3;
  netWay: string;
  authorized: boolean;
  projectIndex: number;
  keyKind: DeviceKeyKind;
  module: ModuleKind;
  snPrefix: string;
  deviceNames: readonly string[];
  tsl: (() => TslFeatures) | null;
}

export const PROJECT_NAMES = ['Smart Energy', 'Precision Agriculture', 'Fleet Pilot'] as const;

export const PROJECT_DESCRIPTIONS: Record<(typeof PROJECT_NAMES)[number], string> = {
  'Smart Energy': 'Metering and smart plugs for the residential rollout',
  'Precision Agriculture': 'Soil and climate sensing behind field gateways',
  'Fleet Pilot': 'Vehicle tracking trial',
};

/**
 * Sub-device products carry netWay "" because they have no network of their own (§7); the reference
 * lists no value for them [INFERRED].
 */
export const PRODUCT_CATALOG: readonly ProductBlueprint[] = [
  {
    role: 'meter',
    productName: 'Smart Meter M300',
    accessType: 0,
    gatewayType: 0,
    dataFmt: 3,
    netWay: '2',
    authorized: true,
    projectIndex: 0,
    keyKind: 'imei',
    module: 'cellular',
    snPrefix: 'M300',
    deviceNames: ['Riverside Block', 'Harbour Tower', 'Oak Street', 'North Campus', 'Mill Lane'],
    tsl: meterTsl,
  },
  {
    role: 'plug',
    productName: 'Smart Plug P10',
    accessType: 0,
    gatewayType: 0,
    dataFmt: 3,
    netWay: '1',
    authorized: true,
    projectIndex: 0,
    keyKind: 'mac',
    module: 'wifi',
    snPrefix: 'P10W',
    deviceNames: ['Living Room', 'Kitchen', 'Office', 'Server Rack', 'Garage', 'Lab Bench'],
    tsl: plugTsl,
  },
  {
    role: 'water-meter',
    productName: 'NB-IoT Water Meter W200',
    accessType: 0,
    gatewayType: 0,
    dataFmt: 0,
    netWay: '3',
    authorized: true,
    projectIndex: 0,
    keyKind: 'imei',
    module: 'nb-iot',
    snPrefix: 'W200',
    deviceNames: ['Elm Road', 'Station Square', 'Quarry Hill', 'Canal Walk'],
    tsl: null,
  },
  {
    role: 'cellular-gateway',
    productName: 'Edge Gateway G500',
    accessType: 1,
    gatewayType: 0,
    dataFmt: 3,
    netWay: '2',
    authorized: true,
    projectIndex: 1,
    keyKind: 'imei',
    module: 'cellular',
    snPrefix: 'G500',
    deviceNames: ['Greenhouse', 'Orchard', 'Vineyard', 'Pump House', 'Silo'],
    tsl: gatewayTsl,
  },
  {
    role: 'wifi-gateway',
    productName: 'Farm Hub H200',
    accessType: 1,
    gatewayType: 0,
    dataFmt: 3,
    netWay: '1',
    authorized: true,
    projectIndex: 1,
    keyKind: 'mac',
    module: 'wifi',
    snPrefix: 'H200',
    deviceNames: ['Barn', 'Nursery', 'Packing Shed', 'Cold Store'],
    tsl: gatewayTsl,
  },
  {
    role: 'soil-sensor',
    productName: 'LoRa Soil Sensor S30',
    accessType: 2,
    gatewayType: 2,
    dataFmt: 3,
    netWay: '',
    authorized: true,
    projectIndex: 1,
    keyKind: 'dev-eui',
    module: 'none',
    snPrefix: 'S30L',
    deviceNames: ['Field', 'Bed', 'Plot', 'Row'],
    tsl: soilSensorTsl,
  },
  {
    role: 'temperature-probe',
    productName: 'RS485 Temperature Probe T10',
    accessType: 2,
    gatewayType: 1,
    dataFmt: 3,
    netWay: '',
    authorized: true,
    projectIndex: 1,
    keyKind: 'modbus',
    module: 'none',
    snPrefix: 'T10R',
    deviceNames: ['Cold Room', 'Tank', 'Dryer', 'Boiler'],
    tsl: temperatureProbeTsl,
  },
  {
    role: 'tracker',
    productName: 'Asset Tracker X1',
    accessType: 0,
    gatewayType: 0,
    dataFmt: 3,
    netWay: '2',
    authorized: false,
    projectIndex: 2,
    keyKind: 'imei',
    module: 'cellular',
    snPrefix: 'X1TR',
    deviceNames: ['Van', 'Trailer', 'Container', 'Forklift'],
    tsl: trackerTsl,
  },
];
