export { startSimulator } from './simulator';
export type { FaultSpec, RandomFaultRule, RequestLogEntry, SimulatorHandle, SimulatorOptions } from './simulator.types';
export type { Clock } from './clock';
export type { PushMessage } from './push/push-message';
export { DEFAULT_CREDENTIALS } from './options';
export { CATALOGUE_KINDS, TICKETLESS_KINDS, type CatalogueKind } from './push/message-catalogue';
export { ALL_STRICT_RULES, NO_STRICT_RULES, SIMULATOR_DEFAULTS, type StrictOption, type StrictRules } from './strict/strict-rules';
export { requestContract, type ContractEndpoint, type ContractField, type ContractParam, type RequestContract } from './strict/request-contract';
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
