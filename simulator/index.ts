export { startSimulator } from './simulator';
export type { FaultSpec, RandomFaultRule, RequestLogEntry, SimulatorHandle, SimulatorOptions } from './simulator.types';
export type { Clock } from './clock';
export type { PushMessage } from './push/push-message';
export { DEFAULT_CREDENTIALS } from './options';
export { ENDPOINTS } from './routes/route-registry';
export { SimulatorStore } from './store/simulator.store';
export type {
  Device,
  DeviceEventRecord,
  DeviceMessage,
  DeviceResource,
  LocationFix,
  GatewayLinks,
  Product,
  ProductRole,
  Project,
} from './store/store.types';
export type { TslDocument, TslEvent, TslParam, TslProperty, TslService } from './store/tsl.types';
