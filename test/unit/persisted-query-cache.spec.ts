import type { RedisScripting } from '../../src/cache';
import { persistedQueryCache } from '../../src/http/persisted-query-cache';
import type { PersistedQueriesConfig } from '../../src/config';

const limits = (over: Partial<PersistedQueriesConfig> = {}): PersistedQueriesConfig => ({
  ttlSeconds: 60,
  maxEntries: 3,
  maxBytes: 10_000,
  maxQueryBytes: 1_000,
  ...over,
});

/** A clock the LRU reads for expiry; only the test moves it. */
function fakePerf() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const key = (n: number) => `apq:${String(n).padStart(64, '0')}`;

describe('persisted-query store in memory', () => {
  it('should evict the least recently used query beyond maxEntries', async () => {
    const store = persistedQueryCache(limits({ maxEntries: 2 }));
    await store.set(key(1), '{ a }');
    await store.set(key(2), '{ b }');
    await store.get(key(1));
    await store.set(key(3), '{ c }');
    expect([await store.get(key(1)), await store.get(key(2)), await store.get(key(3))]).toEqual(['{ a }', undefined, '{ c }']);
  });

  it('should evict beyond maxBytes, counting key and UTF-8 bytes', async () => {
    const store = persistedQueryCache(limits({ maxEntries: 100, maxBytes: 3 * (68 + 100), maxQueryBytes: 200 }));
    for (let n = 1; n <= 4; n++) await store.set(key(n), 'x'.repeat(100));
    const held = await Promise.all([1, 2, 3, 4].map(async (n) => (await store.get(key(n))) !== undefined));
    expect(held).toEqual([false, true, true, true]);
  });

  it('should expire a query after ttlSeconds', async () => {
    const perf = fakePerf();
    const store = persistedQueryCache(limits({ ttlSeconds: 60 }), undefined, perf);
    await store.set(key(1), '{ a }');
    perf.advance(59_000);
    expect(await store.get(key(1))).toBe('{ a }');
    perf.advance(2_000);
    expect(await store.get(key(1))).toBeUndefined();
  });

  it('should not let a caller ask for a longer or endless ttl', async () => {
    const perf = fakePerf();
    const store = persistedQueryCache(limits({ ttlSeconds: 60 }), undefined, perf);
    await store.set(key(1), '{ a }', { ttl: 86_400 });
    await store.set(key(2), '{ b }', { ttl: null });
    perf.advance(61_000);
    expect([await store.get(key(1)), await store.get(key(2))]).toEqual([undefined, undefined]);
  });

  it('should not store a query over maxQueryBytes', async () => {
    const store = persistedQueryCache(limits({ maxQueryBytes: 10 }));
    await store.set(key(1), 'é'.repeat(6));
    await store.set(key(2), 'e'.repeat(10));
    expect([await store.get(key(1)), await store.get(key(2))]).toEqual([undefined, 'e'.repeat(10)]);
  });
});

describe('persisted-query store over a shared Redis (store calls only; bounds in test/e2e/redis-persisted-queries)', () => {
  /** Records the scripts the store would run, as Redis would receive them. */
  function recordingRedis() {
    const evals: Array<{ keys: string[]; arguments: string[] }> = [];
    const client: RedisScripting = {
      get: async () => null,
      eval: async (_script, options) => {
        evals.push(options);
        return 0;
      },
    };
    return { redis: async () => client, evals };
  }

  it('should store every entry with the configured ttl in ms and the configured bounds', async () => {
    const { redis, evals } = recordingRedis();
    const store = persistedQueryCache(limits({ ttlSeconds: 120, maxEntries: 7, maxBytes: 9_000 }), redis);
    await store.set(key(1), '{ a }', { ttl: null });
    await store.set(key(2), '{ b }', { ttl: 30 });
    expect(evals.map((e) => e.arguments)).toEqual([
      ['{ a }', '120000', '7', '9000'],
      ['{ b }', '30000', '7', '9000'],
    ]);
  });

  it('should not store a query over maxQueryBytes', async () => {
    const { redis, evals } = recordingRedis();
    const store = persistedQueryCache(limits({ maxQueryBytes: 10 }), redis);
    await store.set(key(1), 'x'.repeat(11));
    expect(evals).toHaveLength(0);
  });

  it('should answer a miss instead of waiting when the store does not answer', async () => {
    const never: RedisScripting = { get: () => new Promise(() => undefined), eval: () => new Promise(() => undefined) };
    const store = persistedQueryCache(limits(), async () => never);
    jest.useFakeTimers();
    try {
      const pending = store.get(key(1));
      await jest.advanceTimersByTimeAsync(500);
      await expect(pending).resolves.toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });

  it('should answer a miss when connecting fails', async () => {
    const store = persistedQueryCache(limits(), () => Promise.reject(new Error('ECONNREFUSED')));
    await expect(store.get(key(1))).resolves.toBeUndefined();
    await expect(store.set(key(1), '{ a }')).resolves.toBeUndefined();
  });
});
