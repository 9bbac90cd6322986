import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';
import type { PlatformClient } from './datasources/platform/platform-client';
import { createApis } from './datasources/apis';
import { createLoaders, type Apis, type Loaders } from './datasources/loaders';
import type { InferredPaths } from './config';
import DataLoader from 'dataloader';
import type { PushHub } from './push/push-hub';
import type { DeviceLiveState, LiveStateStore } from './push/live-state';
import type { TslDocumentDto } from './datasources/catalog/thing-model.dto';
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
  /** Reads of the live state store, batched per request; absent when the service keeps no live state. */
  live?: LiveReads;
  /** Epoch ms now; the age of live values is measured with it. */
  now(): number;
}

/** Per-request loaders over the live state store (docs/push.md). */
export interface LiveReads {
  store: LiveStateStore;
  /** The stored state of a device; undefined when the store knows nothing of it. All keys of a tick: one store read. */
  stateByDevice: DataLoader<{ productKey: string; deviceKey: string }, DeviceLiveState | undefined, string>;
  /**
   * The product's thing model through the shared store (reused across requests for its TTL, dropped when a new
   * model is published), falling back to the per-request loader, which reads the platform.
   */
  thingModelByProduct: DataLoader<string, TslDocumentDto | null>;
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
  clock?: { now(): number };
  /** Send the undocumented `deviceName` list filter to the platform (QUEC_DEVICE_NAME_FILTER). */
  deviceNameFilter?: boolean;
}

/**
 * Runs once per request: new datasources and new loaders over the one shared client and token provider. Each
 * datasource, loader group and the child logger is built on first use, so a request pays only for what it touches.
 */
export function createContext(deps: ContextDependencies, caller: Caller, requestId: string = randomUUID()): Context {
  const apis = createApis(deps.client, deps.paths, deps.apis, { deviceNameFilter: deps.deviceNameFilter });
  let logger: Logger | undefined;
  const loaders = createLoaders(apis, deps.pageSize);
  const clock = deps.clock ?? Date;
  const store = deps.push?.store;
  let live: LiveReads | undefined;
  return {
    requestId,
    caller,
    get logger() {
      logger ??= deps.logger.child({ requestId });
      return logger;
    },
    apis,
    loaders,
    pageSize: deps.pageSize,
    push: deps.push,
    get live() {
      // Built on first use, like the loaders: most requests never read live state.
      if (store) live ??= createLiveReads(store, loaders);
      return live;
    },
    now: () => clock.now(),
  };
}

function createLiveReads(store: LiveStateStore, loaders: Loaders): LiveReads {
  return {
    store,
    stateByDevice: new DataLoader((refs) => store.devices(refs), { cacheKeyFn: (r) => `${r.productKey}/${r.deviceKey}` }),
    thingModelByProduct: new DataLoader(async (productKeys) => {
      const remembered = await store.thingModels<TslDocumentDto | null>(productKeys).catch(() => productKeys.map(() => undefined));
      return Promise.all(
        productKeys.map(async (productKey, i): Promise<TslDocumentDto | null | Error> => {
          const hit = remembered[i];
          if (hit !== undefined) return hit;
          try {
            const document = await loaders.thingModelByProduct.load(productKey);
            await store.rememberThingModel(productKey, document).catch(() => undefined);
            return document;
          } catch (error) {
            // One product's failure fails its own key, not the batch.
            return error instanceof Error ? error : new Error(String(error));
          }
        }),
      );
    }),
  };
}
