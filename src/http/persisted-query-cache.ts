import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type Keyv from 'keyv';
import type { PersistedQueriesConfig } from '../config';
import { withTimeout } from '../timeout';

/** The store Apollo's automatic persisted queries use (`persistedQueries.cache`); TTLs in seconds. */
export type PersistedQueryCache = KeyValueCache<string>;

/** A clock for expiry, in ms; tests pass a fake one. */
export interface PerfClock {
  now(): number;
}

/**
 * The APQ store, bounded whoever fills it: anyone may register a query, so an anonymous caller must not be able to
 * grow it without limit. In memory it is Apollo's LRU (at most `maxEntries` queries and `maxBytes` bytes, expiring
 * after `ttlSeconds`); with a shared Redis (`shared`) every entry expires after `ttlSeconds` there, so the keys an
 * anonymous caller can hold are bounded by what it can send in one TTL. In both, a query over `maxQueryBytes` runs
 * but is not stored.
 */
export function persistedQueryCache(limits: PersistedQueriesConfig, shared?: Keyv, perf?: PerfClock): PersistedQueryCache {
  const store: PersistedQueryCache = shared
    ? keyvStore(shared)
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

/**
 * APQ over the shared keyv, so replicas behind a router share registered queries through Redis. Every store call is
 * bounded by `timeoutMs`: node-redis queues commands while Redis is away, and a lookup that waits forever would hang
 * the request, where a miss only costs the client one retry with the full query.
 */
function keyvStore(store: Keyv, timeoutMs = 500): PersistedQueryCache {
  return {
    async get(key) {
      const value = await withTimeout(store.get<string>(key), timeoutMs, undefined).catch(() => undefined);
      return typeof value === 'string' ? value : undefined;
    },
    async set(key, value, options) {
      // Apollo speaks seconds, keyv milliseconds.
      const ttlMs = typeof options?.ttl === 'number' ? options.ttl * 1000 : undefined;
      await withTimeout(store.set(key, value, ttlMs), timeoutMs, false).catch(() => false);
    },
    async delete(key) {
      return withTimeout(store.delete(key), timeoutMs, false).catch(() => false);
    },
  };
}
