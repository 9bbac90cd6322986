import type Keyv from 'keyv';
import { withTimeout } from '../timeout';

/** The subset of Apollo's `KeyValueCache` that automatic persisted queries use; TTLs in seconds. */
export interface PersistedQueryCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/**
 * Apollo's APQ store over the shared keyv, so replicas behind a router share registered queries through Redis.
 * Every store call is bounded by `timeoutMs`: node-redis queues commands while Redis is away, and a lookup that
 * waits forever would hang the request, where a miss only costs the client one retry with the full query.
 */
export function persistedQueryCache(store: Keyv, timeoutMs = 500): PersistedQueryCache {
  return {
    async get(key) {
      const value = await withTimeout(store.get<string>(key), timeoutMs, undefined).catch(() => undefined);
      return typeof value === 'string' ? value : undefined;
    },
    async set(key, value, options) {
      // Apollo speaks seconds, keyv milliseconds; no ttl means keep.
      const ttlMs = typeof options?.ttl === 'number' ? options.ttl * 1000 : undefined;
      await withTimeout(store.set(key, value, ttlMs), timeoutMs, false).catch(() => false);
    },
    async delete(key) {
      return withTimeout(store.delete(key), timeoutMs, false).catch(() => false);
    },
  };
}
