import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type Keyv from 'keyv';
import type { Config } from './config';
import { createContext, type Context } from './context';
import { formatError } from './errors';
import { createLogger, type Logger } from './logger';
import { createCache, redisClientOf } from './cache';
import { redisLoginLock } from './auth/login-lock';
import { HedgeBudget } from './datasources/platform/hedge-budget';
import { SharedReadCache } from './datasources/platform/shared-read-cache';
import type { PushMessage } from './push/push-message';
import { PushMessageType } from './schema/messaging/push-message-type.enum';
import { TokenProvider, type Clock } from './auth/token-provider';
import { HttpAuthApi } from './datasources/platform/auth.api';
import { HttpTransport, PlatformClient, type UpstreamObserver } from './datasources/platform/platform-client';
import { UpstreamResilience } from './datasources/platform/resilience';
import { TokenCipher } from './auth/token-cipher';
import { UpstreamLimiter } from './datasources/platform/upstream-limiter';
import type { Apis } from './datasources/loaders';
import { buildFederatedSchema } from './schema/build-schema';
import { graphResolvers } from './resolvers';
import { withTimeout } from './timeout';
import { Metrics } from './observability/metrics';
import { metricsPlugin } from './observability/metrics.plugin';
import { requestLogPlugin } from './observability/request-log.plugin';
import { routerTracesPlugins } from './observability/router-traces.plugin';
import { persistedQueryCache } from './http/persisted-query-cache';
import { cachePolicyPlugin } from './http/cache-policy.plugin';
import { cacheControlForGetPlugins } from './http/cache-control.plugin';
import { PushHub } from './push/push-hub';
import { QueryCostGuard } from './cost/query-cost-guard';
import { queryCostPlugin } from './cost/query-cost.plugin';
import { AmqpConsumer } from './push/amqp-consumer';
import type { PushObserver, PushSource, Timers } from './push/push-source';
import { LiveStateStore } from './push/live-state';
import { KeyvParkingLot, type ParkingLot } from './push/parking-lot';
import { RedisFanOut } from './push/redis-fan-out';
import { Authenticator, type CredentialHeaders } from './auth/callers/authenticate';
import type { Caller } from './auth/callers/caller';
import { authorizationPlugin } from './auth/callers/authorization.plugin';
import { unauthenticated } from './auth/callers/denials';
import { FIRST_QUERY, FIRST_QUERY_VARIABLES } from './http/explorer';

/** Events buffered per GraphQL subscriber before its oldest are dropped (see `PushedDeviceMessage.droppedBefore`). */
export const PUSH_BUFFER_SIZE = 100;
/** How long the broker connection outlives the last subscriber, so a reconnecting client (page reload) reuses it. */
const PUSH_IDLE_DISCONNECT_MS = 5_000;

/** Resolved upstream: where to send calls and with which credentials. The simulator supplies its own. */
export interface UpstreamTarget {
  baseUrl: string;
  accessKey: string;
  accessSecret: string;
}

export interface AppOverrides {
  logger?: Logger;
  cache?: Keyv;
  clock?: Clock;
  fetch?: typeof fetch;
  apis?: Partial<Apis>;
  observeUpstream?: UpstreamObserver;
  metrics?: Metrics;
  /**
   * Replaces the AMQP consumer (tests, or the embedded simulator's in-process feed); enables push even without
   * QUEC_AMQP_URL. A function receives the parking lot and observer the source should report to.
   */
  pushSource?: PushSource | ((deps: { parking: ParkingLot; observer: PushObserver; logger: Logger }) => PushSource);
  /** Timers of the push hub and consumer (grace period, reconnect backoff). */
  timers?: Timers;
  /** More Apollo plugins; the HTTP layer passes its drain plugins here (`createHttpService`). */
  plugins?: ApolloServerPlugin<Context>[];
}

export interface App {
  config: Config;
  server: ApolloServer<Context>;
  schema: GraphQLSchema;
  tokens: TokenProvider;
  client: PlatformClient;
  cache: Keyv;
  logger: Logger;
  /** Prometheus series of this instance, served at `/metrics`. */
  metrics: Metrics;
  /** The push fan-out behind `Subscription.deviceMessages`; undefined when push is not configured. */
  push?: PushHub;
  /** Decides who a request comes from (API key, JWT, router secret); see docs/security.md. */
  authenticator: Authenticator;
  /**
   * Builds a per-request context for `caller`; without one, the caller of a request that presented nothing (the
   * all-scopes local caller when no auth is configured, anonymous otherwise). `executeOperation` tests use it.
   */
  createContext(requestId?: string, caller?: Caller): Context;
  /**
   * The context of a request from its headers or graphql-ws `connectionParams`: authenticates once and refuses
   * anonymous callers when auth is required, before anything is parsed or called upstream.
   *
   * @throws AppError UNAUTHENTICATED.
   */
  contextFor(requestId: string, headers: CredentialHeaders): Promise<Context>;
  /** The pre-execution cost check (docs/limits.md), shared by HTTP and WebSocket operations. */
  queryCost: QueryCostGuard;
  /** Stops Apollo Server (draining HTTP and WebSockets first when drain plugins are given), ends push subscriptions and
   * the broker connection, and closes the shared store. */
  stop(): Promise<void>;
}

/**
 * Wires the process-wide pieces (cache, token provider, upstream client, schema, Apollo Server) without
 * listening anywhere. Starts Apollo Server so `executeOperation` works straight away.
 */
export async function createApp(config: Config, upstream: UpstreamTarget, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const cache = overrides.cache ?? createCache(config.redisUrl, logger);
  const clock = overrides.clock ?? Date;

  const transport = new HttpTransport({ baseUrl: upstream.baseUrl, timeoutMs: config.upstreamTimeoutMs, fetch: overrides.fetch });
  const tokens = new TokenProvider(cache, new HttpAuthApi(transport, upstream, clock), {
    expiryMarginSeconds: config.tokenExpiryMarginSeconds,
    refreshWindowSeconds: config.tokenRefreshWindowSeconds,
    clock,
    logger,
    // Only a shared store needs sealing: the in-process one is as safe as the process's own memory.
    cipher: config.redisUrl ? tokenCipher(config, upstream) : undefined,
    // Replicas sharing Redis take turns: one logs in, the others wait for its token.
    loginLock: loginLockFor(cache, config.upstreamTimeoutMs),
  });
  const metrics = overrides.metrics ?? new Metrics();
  metrics.trackTokens(() => tokens.stats);
  const observeUpstream: UpstreamObserver = (event) => {
    metrics.observeUpstream(event);
    overrides.observeUpstream?.(event);
  };
  const resilience = new UpstreamResilience({ ...config.upstreamResilience, observer: metrics });
  metrics.trackCircuits(() => resilience.circuitStates());
  const limiter = new UpstreamLimiter(config.upstreamConcurrency);
  const sharedReads = new SharedReadCache({ store: cache, ttls: config.sharedReadTtls, observe: (e) => metrics.observeSharedRead(e) });
  const client = new PlatformClient({
    transport,
    tokens,
    logger,
    observe: observeUpstream,
    resilience,
    limiter,
    sharedReads: sharedReads.enabled ? sharedReads : undefined,
    hedge: {
      afterMs: config.upstreamResilience.hedgeAfterMs,
      budget: new HedgeBudget(config.upstreamResilience.hedgeBudgetPercent),
      onHedge: (endpoint) => metrics.retry({ endpoint, reason: 'hedge' }),
    },
    tokenErrorCodes: new Set(config.tokenErrorCodes),
  });

  const authenticator = new Authenticator(config.auth, logger);
  const schema = await buildFederatedSchema(graphResolvers);
  const { exposure } = config;
  const queryCost = new QueryCostGuard(schema, graphResolvers.costs, config.upstreamPageSize, config.queryLimits);
  const server = new ApolloServer<Context>({
    schema,
    formatError,
    logger,
    // From config, not Apollo's own read of process.env: src/config.ts is the only reader of the environment.
    nodeEnv: config.nodeEnv,
    includeStacktraceInErrorResponses: false,
    introspection: exposure.introspection,
    // Drops "Did you mean ...?" from validation errors, which would spell out field names to a caller who may
    // not introspect.
    hideSchemaDetailsFromClientErrors: !exposure.fieldSuggestions,
    // The process entry owns shutdown (drain HTTP, then stop); Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    // APQ in the shared store when Redis is configured (replicas behind a router share registered queries), else
    // a bounded in-memory LRU; expiring and size-capped either way (docs/production.md).
    persistedQueries: {
      cache: persistedQueryCache(config.persistedQueries, config.redisUrl !== undefined ? redisClientOf(cache) : undefined),
      ttl: config.persistedQueries.ttlSeconds,
    },
    plugins: [
      ...(overrides.plugins ?? []),
      authorizationPlugin({ authRequired: authenticator.required, routerSecretConfigured: config.auth.routerSecret !== undefined }),
      // After the caller check, so an anonymous caller learns nothing about costs; before any resolver runs.
      queryCostPlugin(queryCost),
      requestLogPlugin(logger),
      metricsPlugin(metrics),
      exposure.landingPage ? sandboxLandingPage() : ApolloServerPluginLandingPageDisabled(),
      ...routerTracesPlugins({ forAnyone: exposure.tracesForAnyone }),
      // Listed before Apollo's plugin: Apollo runs `willResolveField` hooks in reverse order, and its plugin must give
      // each field the `info.cacheControl` the policy sets hints on. Both act on GET requests only (POSTs cannot be
      // kept by an HTTP cache, and skipping the per-field hooks is most of a request's CPU saved).
      cachePolicyPlugin({ catalogMaxAgeSeconds: config.catalogCacheMaxAgeSeconds }),
      ...cacheControlForGetPlugins<Context>(),
    ],
  });
  await server.start();

  const push = createPushHub(config, upstream, overrides, { logger, metrics, clock, cache, sharedReads });
  push?.start();
  const contextDeps = {
    client,
    logger,
    pageSize: config.upstreamPageSize,
    apis: overrides.apis,
    paths: config.inferredPaths,
    push,
    clock,
    deviceNameFilter: config.deviceNameFilter,
  };
  return {
    config,
    server,
    schema,
    tokens,
    client,
    cache,
    logger,
    metrics,
    push,
    queryCost,
    authenticator,
    createContext: (requestId?: string, caller?: Caller) => createContext(contextDeps, caller ?? authenticator.unauthenticatedCaller, requestId),
    async contextFor(requestId: string, headers: CredentialHeaders) {
      const caller = await authenticator.authenticate(headers);
      if (authenticator.required && caller.kind === 'anonymous')
        throw unauthenticated('Authentication required: send x-api-key or Authorization: Bearer');
      return createContext(contextDeps, caller, requestId);
    },
    async stop() {
      // Drain first: open WebSockets are closed with 1001 while their subscriptions still run; ending the push hub
      // first would complete every subscription instead.
      await server.stop();
      await push?.close();
      await transport.close();
      // A Redis that is already gone must not hold shutdown hostage: when the polite QUIT does not finish, cut the
      // connection, or node-redis keeps reconnecting and its timers keep the process alive after shutdown.
      const quit = await withTimeout(
        cache.disconnect().then(
          () => true,
          () => true,
        ),
        2000,
        false,
      );
      if (!quit) {
        const store = cache.store as { disconnect?: (force?: boolean) => Promise<void> };
        await withTimeout(
          Promise.resolve(store.disconnect?.(true)).catch(() => undefined),
          1000,
          undefined,
        );
      }
    },
  };
}

/** The configured TOKEN_ENCRYPTION_KEY, else a key derived from the access secret (docs/resilience.md). */
function tokenCipher(config: Config, upstream: UpstreamTarget): TokenCipher {
  return config.tokenEncryptionKey ? new TokenCipher(config.tokenEncryptionKey) : TokenCipher.fromAccessSecret(upstream.accessSecret);
}

/**
 * The push hub over the AMQP consumer when QUEC_AMQP_URL/QUEUE are set (or over a given source); else none. With
 * live state on (the default) it keeps a `LiveStateStore` in the shared keyv and consumes from start-up on.
 */
function createPushHub(
  config: Config,
  upstream: UpstreamTarget,
  overrides: AppOverrides,
  deps: { logger: Logger; metrics: Metrics; clock: Clock; cache: Keyv; sharedReads: SharedReadCache },
): PushHub | undefined {
  const { logger, metrics, clock, cache, sharedReads } = deps;
  const parking = new KeyvParkingLot(cache, logger);
  const given = overrides.pushSource;
  const source =
    (typeof given === 'function' ? given({ parking, observer: metrics, logger }) : given) ??
    (config.push &&
      new AmqpConsumer({
        url: config.push.url,
        queue: config.push.queue,
        // The same AccessKey pair as the OpenAPI login (reference §9.1); the simulator's when it is embedded.
        credentials: { accessKey: upstream.accessKey, accessSecret: upstream.accessSecret },
        logger,
        clock,
        timers: overrides.timers,
        observer: metrics,
        parking,
      }));
  if (!source) return undefined;
  // Only a shared broker queue is split between replicas; an in-process source (embedded simulator) is per process.
  const fanOut =
    config.push?.fanOut && config.redisUrl
      ? new RedisFanOut({
          url: config.redisUrl,
          queue: config.push.queue,
          ...config.push.fanOut,
          logger,
          observer: metrics,
          timers: overrides.timers,
        })
      : undefined;
  return new PushHub(source, {
    bufferSize: PUSH_BUFFER_SIZE,
    idleDisconnectMs: PUSH_IDLE_DISCONNECT_MS,
    store: config.liveState ? new LiveStateStore(cache) : undefined,
    timers: overrides.timers,
    logger,
    observer: metrics,
    onMessage: sharedReads.enabled ? (message) => void dropWhatPushChanged(sharedReads, message) : undefined,
    fanOut,
    clock,
  });
}

/** Pushed kinds that change what the shared read cache holds: a device's detail, or a product and its thing model. */
const DEVICE_CHANGES: ReadonlySet<PushMessageType> = new Set([
  PushMessageType.ONLINE,
  PushMessageType.STATUS,
  PushMessageType.DEVICE_LIFECYCLE,
  PushMessageType.END_USER_BINDING,
  PushMessageType.LOCATION_PARSED,
]);
const PRODUCT_CHANGES: ReadonlySet<PushMessageType> = new Set([PushMessageType.PRODUCT_CHANGE, PushMessageType.THING_MODEL_RELEASE]);

/** Drops the cached reads a pushed change makes stale (docs/operations.md, shared reads); never throws. */
async function dropWhatPushChanged(sharedReads: SharedReadCache, message: PushMessage): Promise<void> {
  const { productKey, deviceKey } = message;
  if (!productKey) return;
  if (deviceKey && DEVICE_CHANGES.has(message.type)) await sharedReads.invalidateDevice(productKey, deviceKey);
  if (PRODUCT_CHANGES.has(message.type)) await sharedReads.invalidateProduct(productKey);
}

/** The fleet's login lock when the cache is a shared Redis; held at most as long as one login may take. */
function loginLockFor(cache: Keyv, loginTimeoutMs: number) {
  const client = redisClientOf(cache);
  return client ? redisLoginLock(client, { ttlMs: loginTimeoutMs + 1000, timeoutMs: 500 }) : undefined;
}

/**
 * Apollo Sandbox on GET /graphql, opened on the README's first query with telemetry off. The Sandbox itself loads
 * from Apollo's CDN; `/graphiql` is the explorer that works offline. Cookies are not sent: callers authenticate
 * with headers (docs/security.md), which the Sandbox's header panel sets.
 */
function sandboxLandingPage(): ApolloServerPlugin<Context> {
  return ApolloServerPluginLandingPageLocalDefault({
    footer: false,
    includeCookies: false,
    document: FIRST_QUERY,
    variables: { ...FIRST_QUERY_VARIABLES },
    embed: { runTelemetry: false, endpointIsEditable: false },
  });
}
