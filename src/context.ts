import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';
import type { PlatformClient } from './datasources/platform-client';
import { HttpDeviceApi } from './datasources/device.api';
import { HttpGatewayApi } from './datasources/gateway.api';
import { HttpProductApi } from './datasources/product.api';
import { HttpCommandApi } from './datasources/command.api';
import { HttpDeviceLifecycleApi } from './datasources/device-lifecycle.api';
import { HttpHistoryApi } from './datasources/history.api';
import { HttpLocationApi } from './datasources/location.api';
import { createLoaders, type Apis, type Loaders } from './datasources/loaders';
import { createAdminApis } from './datasources/admin';
import type { InferredPaths } from './config';
import type { PushHub } from './push/push-hub';

export interface Context {
  requestId: string;
  logger: Logger;
  apis: Apis;
  loaders: Loaders;
  /** Rows per upstream list page; connections translate offsets into page numbers with it. */
  pageSize: number;
  /** The process-wide push fan-out (reference §9); absent when the push channel is not configured. */
  push?: PushHub;
}

export interface ContextDependencies {
  client: PlatformClient;
  logger: Logger;
  pageSize: number;
  /** Replaces the HTTP datasources, e.g. with fakes in tests. */
  apis?: Partial<Apis>;
  /** Where the inferred (§11) endpoints live; defaults to the reference's inference. */
  paths?: InferredPaths;
  push?: PushHub;
}

/** Runs once per request: new datasources and new loaders over the one shared client and token provider. */
export function createContext(deps: ContextDependencies, requestId: string = randomUUID()): Context {
  const apis: Apis = {
    products: deps.apis?.products ?? new HttpProductApi(deps.client),
    devices: deps.apis?.devices ?? new HttpDeviceApi(deps.client),
    gateways: deps.apis?.gateways ?? new HttpGatewayApi(deps.client),
    commands: deps.apis?.commands ?? new HttpCommandApi(deps.client),
    history: deps.apis?.history ?? new HttpHistoryApi(deps.client),
    locations: deps.apis?.locations ?? new HttpLocationApi(deps.client),
    lifecycle: deps.apis?.lifecycle ?? new HttpDeviceLifecycleApi(deps.client),
    ...createAdminApis(deps.client, deps.paths, deps.apis),
  };
  return {
    requestId,
    logger: deps.logger.child({ requestId }),
    apis,
    loaders: createLoaders(apis, deps.pageSize),
    pageSize: deps.pageSize,
    push: deps.push,
  };
}
