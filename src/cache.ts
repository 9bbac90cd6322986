import Keyv from 'keyv';
import type { Logger } from './logger';

export const CACHE_NAMESPACE = 'quec-graph';

/**
 * The process-wide shared store: Redis when `redisUrl` is set (so replicas share the upstream token), memory
 * otherwise. Store errors are reported through keyv's `error` event and logged, never thrown into requests.
 */
export function createCache(redisUrl: string | undefined, logger: Logger): Keyv {
  const cache = redisUrl
    ? new Keyv({ store: redisStore(redisUrl), namespace: CACHE_NAMESPACE, throwOnErrors: false })
    : new Keyv({ namespace: CACHE_NAMESPACE });
  cache.on('error', (error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'cache store error');
  });
  return cache;
}

/**
 * Loaded only when Redis is configured: the Redis client takes a few hundred milliseconds to load, and a process
 * without REDIS_URL (a single replica, every test file that creates an app) never needs it.
 */
function redisStore(redisUrl: string) {
  const { default: KeyvRedis } = require('@keyv/redis') as typeof import('@keyv/redis');
  return new KeyvRedis(redisUrl, { throwOnConnectError: false });
}

/** The few Redis commands the bounded APQ store needs; node-redis's client (what `@keyv/redis` holds) has them. */
export interface RedisScripting {
  get(key: string): Promise<string | null | unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * The connected Redis client behind `cache`, for the few jobs keyv cannot express (the bounded APQ store's scripts);
 * undefined when the cache is not Redis. Connects lazily, the way keyv itself does on first use.
 */
export function redisClientOf(cache: Keyv): (() => Promise<RedisScripting>) | undefined {
  const store = cache.store as { getClient?: () => Promise<RedisScripting> } | undefined;
  return typeof store?.getClient === 'function' ? () => store.getClient!() : undefined;
}
