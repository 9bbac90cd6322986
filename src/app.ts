import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type Keyv from 'keyv';
import type { Config } from './config';
import { createContext, type Context } from './context';
import { formatError } from './errors';
import { createLogger, type Logger } from './logger';
import { createCache } from './cache';
import { TokenProvider, type Clock } from './auth/token-provider';
import { HttpAuthApi } from './datasources/auth.api';
import { HttpTransport, PlatformClient, type UpstreamObserver } from './datasources/platform-client';
import type { Apis } from './datasources/loaders';
import { buildFederatedSchema } from './schema/build-schema';
import { withTimeout } from './timeout';

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
}

export interface App {
  config: Config;
  server: ApolloServer<Context>;
  schema: GraphQLSchema;
  tokens: TokenProvider;
  client: PlatformClient;
  cache: Keyv;
  logger: Logger;
  /** Builds a per-request context; the HTTP layer and `executeOperation` tests both use it. */
  createContext(requestId?: string): Context;
  /** Stops Apollo Server and closes the shared store. */
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
  });
  const client = new PlatformClient({ transport, tokens, logger, observe: overrides.observeUpstream });

  const schema = await buildFederatedSchema();
  const production = config.nodeEnv === 'production';
  const server = new ApolloServer<Context>({
    schema,
    formatError,
    logger,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // The process entry owns shutdown (drain HTTP, then stop); Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    plugins: production ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await server.start();

  const contextDeps = { client, logger, pageSize: config.upstreamPageSize, apis: overrides.apis };
  return {
    config,
    server,
    schema,
    tokens,
    client,
    cache,
    logger,
    createContext: (requestId?: string) => createContext(contextDeps, requestId),
    async stop() {
      await server.stop();
      // A Redis that is already gone must not hold shutdown hostage.
      await withTimeout(cache.disconnect().catch(() => undefined), 2000, undefined);
    },
  };
}
