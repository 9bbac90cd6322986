import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { RedisScripting } from '../cache';
import type { PersistedQueriesConfig } from '../config';
import { settleWithin } from '../timeout';

/**
 * Every entry is counted in one sorted set scored by its expiry time (ms, Redis's clock), with its size in a hash
 * and the sum in a counter. Storing one entry first forgets the expired ones, then, while the set holds more than
 * `maxEntries` entries or `maxBytes` bytes, drops the entry that expires first (the oldest, since every entry
 * lives the same TTL). One script, so concurrent replicas never see half an update. The keys share a hash tag,
 * so the script also runs on a Redis Cluster. Entries evicted here are deleted, not just unlisted.
 */
const STORE_SCRIPT = `
local index, sizes, total, entry = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local value, ttl, maxEntries, maxBytes = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local function forget(key)
  local size = redis.call('HGET', sizes, key)
  if size then redis.call('DECRBY', total, size); redis.call('HDEL', sizes, key) end
  redis.call('ZREM', index, key)
end
for _, key in ipairs(redis.call('ZRANGEBYSCORE', index, '-inf', now, 'LIMIT', 0, 1000)) do forget(key) end
forget(entry)
local size = string.len(value) + string.len(entry)
redis.call('SET', entry, value, 'PX', ttl)
redis.call('ZADD', index, now + ttl, entry)
redis.call('HSET', sizes, entry, size)
redis.call('INCRBY', total, size)
local evicted = 0
while redis.call('ZCARD', index) > maxEntries or tonumber(redis.call('GET', total)) > maxBytes do
  local oldest = redis.call('ZRANGE', index, 0, 0)[1]
  forget(oldest)
  redis.call('DEL', oldest)
  evicted = evicted + 1
end
for _, key in ipairs({ index, sizes, total }) do redis.call('PEXPIRE', key, ttl) end
return evicted
`;

const DELETE_SCRIPT = `
local size = redis.call('HGET', KEYS[2], KEYS[4])
if size then redis.call('DECRBY', KEYS[3], size); redis.call('HDEL', KEYS[2], KEYS[4]) end
redis.call('ZREM', KEYS[1], KEYS[4])
return redis.call('DEL', KEYS[4])
`;

/**
 * APQ in a shared Redis, bounded like the in-memory store: at most `maxEntries` queries and `maxBytes` bytes across
 * all replicas, each expiring `ttlSeconds` after it was stored. Every call is bounded by `timeoutMs` and a store
 * failure counts as a miss: node-redis queues commands while Redis is away, and a lookup that waits forever would
 * hang the request, where a miss only costs the client one retry with the full query.
 *
 * @param client resolves the connected client (connecting lazily, like the token cache).
 * @param prefix key prefix; `{...}` in it is the Cluster hash tag.
 */
export function redisPersistedQueryStore(
  client: () => Promise<RedisScripting>,
  limits: PersistedQueriesConfig,
  prefix = 'quec-graph:{apq}',
  timeoutMs = 500,
): KeyValueCache<string> {
  const keys = (key: string) => [`${prefix}:index`, `${prefix}:sizes`, `${prefix}:bytes`, `${prefix}:q:${key}`];
  const bounded = <T>(work: () => Promise<T>, fallback: T) => settleWithin(work, timeoutMs, fallback);
  return {
    get: (key) =>
      bounded(async () => {
        const value = await (await client()).get(keys(key)[3]!);
        return typeof value === 'string' ? value : undefined;
      }, undefined),
    set: (key, value, options) =>
      bounded(async () => {
        const ttlMs = Math.round((options?.ttl ?? limits.ttlSeconds) * 1000);
        const limitArgs = [String(limits.maxEntries), String(limits.maxBytes)];
        await (await client()).eval(STORE_SCRIPT, { keys: keys(key), arguments: [value, String(ttlMs), ...limitArgs] });
      }, undefined),
    delete: (key) => bounded(async () => Number(await (await client()).eval(DELETE_SCRIPT, { keys: keys(key), arguments: [] })) > 0, false),
  };
}
