import { createCache, redisClientOf, type RedisScripting } from '../../src/cache';
import type { PersistedQueriesConfig } from '../../src/config';
import { persistedQueryCache } from '../../src/http/persisted-query-cache';
import { createLogger } from '../../src/logger';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis-server';

const describeWithRedis = redisAvailable() ? describe : describe.skip;

const limits = (over: Partial<PersistedQueriesConfig> = {}): PersistedQueriesConfig => ({
  ttlSeconds: 60,
  maxEntries: 3,
  maxBytes: 100_000,
  maxQueryBytes: 1_000,
  ...over,
});
const key = (n: number) => `apq:${String(n).padStart(64, '0')}`;

describeWithRedis('persisted-query store in a real Redis', () => {
  let redis: RedisServer;
  const caches: Array<ReturnType<typeof createCache>> = [];
  const cache = () => {
    const created = createCache(redis.url, createLogger('silent'));
    caches.push(created);
    return created;
  };
  let shared: ReturnType<typeof cache>;
  let client: () => Promise<RedisScripting & { sendCommand(args: string[]): Promise<unknown> }>;

  beforeAll(async () => {
    redis = await startRedis();
    shared = cache();
    client = redisClientOf(shared) as typeof client;
  });
  afterAll(async () => {
    await Promise.all(caches.map((c) => c.disconnect().catch(() => undefined)));
    await redis.stop();
  });
  beforeEach(async () => {
    await (await client()).sendCommand(['FLUSHALL']);
  });

  const held = async (store: ReturnType<typeof persistedQueryCache>, ns: number[]) =>
    Promise.all(ns.map(async (n) => (await store.get(key(n))) !== undefined));
  const redisKeys = async () => ((await (await client()).sendCommand(['KEYS', '*'])) as string[]).sort();

  it('should hold at most maxEntries queries across replicas, dropping the oldest', async () => {
    const replicaA = persistedQueryCache(limits({ maxEntries: 3 }), client);
    const replicaB = persistedQueryCache(limits({ maxEntries: 3 }), redisClientOf(cache()));
    for (let n = 1; n <= 5; n++) await (n % 2 ? replicaA : replicaB).set(key(n), `{ q${n} }`);
    expect(await held(replicaA, [1, 2, 3, 4, 5])).toEqual([false, false, true, true, true]);
    // Evicted entries are deleted, not just unlisted: 3 queries plus the index, sizes and byte counter.
    expect(await redisKeys()).toHaveLength(6);
  });

  it('should hold at most maxBytes bytes, counting the key', async () => {
    const entryBytes = 100 + `quec-graph:{apq}:q:${key(1)}`.length;
    const store = persistedQueryCache(limits({ maxEntries: 100, maxBytes: 2 * entryBytes, maxQueryBytes: 200 }), client);
    for (let n = 1; n <= 4; n++) await store.set(key(n), 'x'.repeat(100));
    expect(await held(store, [1, 2, 3, 4])).toEqual([false, false, true, true]);
    expect(Number(await (await client()).get('quec-graph:{apq}:bytes'))).toBe(2 * entryBytes);
  });

  it('should count a query stored twice once', async () => {
    const store = persistedQueryCache(limits({ maxEntries: 2 }), client);
    await store.set(key(1), '{ a }');
    await store.set(key(1), '{ a }');
    await store.set(key(2), '{ b }');
    expect(await held(store, [1, 2])).toEqual([true, true]);
  });

  it('should let each query expire after the ttl and forget it in the count', async () => {
    const store = persistedQueryCache(limits({ ttlSeconds: 60, maxEntries: 2 }), client);
    await store.set(key(1), '{ a }', { ttl: 0.001 });
    const entry = `quec-graph:{apq}:q:${key(1)}`;
    // Redis expires the 1 ms entry on its own clock; wait for that (bounded), not for a fixed time.
    for (let i = 0; i < 1_000 && (await (await client()).sendCommand(['EXISTS', entry])) !== 0; i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    await store.set(key(2), '{ b }');
    await store.set(key(3), '{ c }');
    expect(await held(store, [1, 2, 3])).toEqual([false, true, true]);
    const ttl = Number(await (await client()).sendCommand(['PTTL', `quec-graph:{apq}:q:${key(2)}`]));
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('should delete a query and its share of the count', async () => {
    const store = persistedQueryCache(limits({ maxEntries: 2 }), client);
    await store.set(key(1), '{ a }');
    await expect(store.delete(key(1))).resolves.toBe(true);
    expect(Number(await (await client()).get('quec-graph:{apq}:bytes'))).toBe(0);
    expect(await store.get(key(1))).toBeUndefined();
  });
});
