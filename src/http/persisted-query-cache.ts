import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { PersistedQueriesConfig } from '../config';
import type { RedisScripting } from '../cache';
import { redisPersistedQueryStore } from './redis-persisted-query-store';

/** The store Apollo's automatic persisted queries use (`persistedQueries.cache`); TTLs in seconds. */
export type PersistedQueryCache = KeyValueCache<string>;

/** A clock for expiry, in ms; tests pass a fake one. */
export interface PerfClock {
  now(): number;
}

/**
 * The APQ store, bounded whoever fills it: anyone may register a query, so an anonymous caller must not be able to
 * grow it without limit. In memory it is Apollo's LRU; with a shared Redis (`redis`) it is a store that keeps the same
 * bounds across replicas (redis-persisted-query-store.ts). Either way at most `maxEntries` queries and `maxBytes`
 * bytes, each expiring `ttlSeconds` after it was stored, and a query over `maxQueryBytes` runs but is not stored.
 */
export function persistedQueryCache(limits: PersistedQueriesConfig, redis?: () => Promise<RedisScripting>, perf?: PerfClock): PersistedQueryCache {
  const store: PersistedQueryCache = redis
    ? redisPersistedQueryStore(redis, limits)
    : new InMemoryLRUCache<string>({
        max: limits.maxEntries,
        maxSize: limits.maxBytes,
        // Bytes, not UTF-16 units, and the key too: a hash-sized key on a tiny query still costs memory.
        sizeCalculation: (value, key) => Buffer.byteLength(value, 'utf8') + key.length,
        ttl: limits.ttlSeconds * 1000,
        // Read the clock on every check instead of reusing it for 1 ms: exact expiry, and a fake clock works.
        ttlResolution: 0,
        ...(perf ? { perf } : {}),
      });
  return {
    get: (key) => store.get(key),
    delete: (key) => store.delete(key),
    async set(key, value, options?: KeyValueCacheSetOptions) {
      if (Buffer.byteLength(value, 'utf8') > limits.maxQueryBytes) return;
      // Never longer than configured, and never "keep forever" (Apollo passes no ttl unless told one).
      const ttl = Math.min(options?.ttl || limits.ttlSeconds, limits.ttlSeconds);
      await store.set(key, value, { ttl });
    },
  };
}
