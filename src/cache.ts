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
