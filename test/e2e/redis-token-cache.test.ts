import Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';
import { startSimulator, type SimulatorHandle } from '../../simulator';
import { redisLoginLock } from '../../src/auth/login-lock';
import { CACHE_NAMESPACE, createCache, redisClientOf } from '../../src/cache';
import { createLogger } from '../../src/logger';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis-server';
import { upstreamStack } from '../helpers/upstream';
import { postGraphQL, startService } from '../helpers/process';

const describeWithRedis = redisAvailable() ? describe : describe.skip;

describeWithRedis('token cache in a real Redis', () => {
  let redis: RedisServer;
  let sim: SimulatorHandle;
  const caches: Keyv[] = [];
  const cache = () => {
    const created = createCache(redis.url, createLogger('silent'));
    caches.push(created);
    return created;
  };

  beforeAll(async () => {
    redis = await startRedis();
    sim = await startSimulator();
  });
  afterAll(async () => {
    await Promise.all(caches.map((c) => c.disconnect().catch(() => undefined)));
    await sim.close();
    await redis.stop();
  });
  beforeEach(async () => {
    await cache().clear();
    sim.log.clear();
  });

  it('should let two replicas share one login through Redis', async () => {
    const replicaA = upstreamStack(sim, { store: cache() });
    const replicaB = upstreamStack(sim, { store: cache() });
    const tokenA = await replicaA.tokens.getToken();
    const tokenB = await replicaB.tokens.getToken();
    expect(tokenB).toBe(tokenA);
    expect(sim.log.count('auth.login')).toBe(1);
  });

  it('should let three cold replicas make one login between them under the login lock', async () => {
    const replicas = Array.from({ length: 3 }, () => {
      const store = cache();
      const client = redisClientOf(store)!;
      return upstreamStack(sim, { store, loginLock: redisLoginLock(client, { ttlMs: 6000, timeoutMs: 500 }) });
    });
    const tokens = await Promise.all(replicas.flatMap(({ tokens: t }) => Array.from({ length: 100 }, () => t.getToken())));
    expect(new Set(tokens).size).toBe(1);
    expect(sim.log.count('auth.login')).toBe(1);
  });

  it('should still log in when the login lock cannot be reached', async () => {
    const unreachable = redisLoginLock(() => Promise.reject(new Error('ECONNREFUSED')), { ttlMs: 6000, timeoutMs: 500 });
    const { tokens } = upstreamStack(sim, { store: cache(), loginLock: unreachable });
    await expect(tokens.getToken()).resolves.toMatch(/^QJWT /);
    expect(sim.log.count('auth.login')).toBe(1);
  });

  it('should store the token under our namespace with a TTL below expires_in', async () => {
    const { tokens } = upstreamStack(sim, { store: cache() });
    await tokens.getToken();
    const raw = new Keyv({ store: new KeyvRedis(redis.url), namespace: CACHE_NAMESPACE });
    caches.push(raw);
    const entry = (await raw.get('upstream-token')) as { accessToken: string; expiresAt: number } | undefined;
    expect(entry?.accessToken).toMatch(/^QJWT /);
    expect(entry!.expiresAt).toBeGreaterThan(Date.now());
  });

  it('should keep serving when Redis goes away (a store error is a cache miss)', async () => {
    const own = await startRedis();
    const store = createCache(own.url, createLogger('silent'));
    const { client } = upstreamStack(sim, { store });
    const list = () =>
      client.request({ endpoint: 'product.list', method: 'GET', path: '/v2/quecproductmgr/r3/openapi/products', query: { pageNum: 1, pageSize: 1 } });
    await list();
    await own.stop();
    await expect(list()).resolves.toMatchObject({ data: expect.any(Array) });
    await (store.store as KeyvRedis<unknown>).disconnect(true).catch(() => undefined);
  });

  it('should run the service process with REDIS_URL and put its token in Redis sealed, never in clear', async () => {
    const service = await startService({ REDIS_URL: redis.url });
    try {
      const { body } = await postGraphQL(`${service.url}/graphql`, '{ products(first: 1) { totalCount } }');
      expect(body.errors).toBeUndefined();
      const raw = new Keyv({ store: new KeyvRedis(redis.url), namespace: CACHE_NAMESPACE });
      caches.push(raw);
      const stored = await raw.get('upstream-token');
      expect(stored).toEqual(expect.stringMatching(/^v1\./));
      expect(String(stored)).not.toContain('QJWT');
    } finally {
      await service.stop();
    }
  });
});
