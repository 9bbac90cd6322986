import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';
import type { PlatformClient } from './datasources/platform/platform-client';
import { createApis } from './datasources/apis';
import { createLoaders, type Apis, type Loaders } from './datasources/loaders';
import type { InferredPaths } from './config';
import type { PushHub } from './push/push-hub';
import type { Caller } from './auth/callers/caller';

export interface Context {
  requestId: string;
  /** Who sent the request and which scopes it holds, decided once from its headers (auth/callers). */
  caller: Caller;
  /** Logs with the request id; built when first used. */
  readonly logger: Logger;
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

/**
 * Runs once per request: new datasources and new loaders over the one shared client and token provider. Each
 * datasource, loader group and the child logger is built on first use, so a request pays only for what it touches.
 */
export function createContext(deps: ContextDependencies, caller: Caller, requestId: string = randomUUID()): Context {
  const apis = createApis(deps.client, deps.paths, deps.apis);
  let logger: Logger | undefined;
  return {
    requestId,
    caller,
    get logger() {
      logger ??= deps.logger.child({ requestId });
      return logger;
    },
    apis,
    loaders: createLoaders(apis, deps.pageSize),
    pageSize: deps.pageSize,
    push: deps.push,
  };
}
