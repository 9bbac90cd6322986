import Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';
import { startSimulator, type SimulatorHandle } from '../../simulator';
import { TokenCipher } from '../../src/auth/token-cipher';
import { TokenProvider } from '../../src/auth/token-provider';
import { CACHE_NAMESPACE, createCache } from '../../src/cache';
import { HttpAuthApi } from '../../src/datasources/platform/auth.api';
import { HttpTransport } from '../../src/datasources/platform/platform-client';
import { createLogger } from '../../src/logger';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis-server';

const describeWithRedis = redisAvailable() ? describe : describe.skip;

describeWithRedis('the upstream token at rest in a real Redis', () => {
  let redis: RedisServer;
  let sim: SimulatorHandle;
  const stores: Keyv[] = [];
  const open = (keyv: Keyv) => {
    stores.push(keyv);
    return keyv;
  };
  const raw = () => open(new Keyv({ store: new KeyvRedis(redis.url), namespace: CACHE_NAMESPACE }));
  const provider = (cipher: TokenCipher) =>
    new TokenProvider(
      open(createCache(redis.url, createLogger('silent'))),
      new HttpAuthApi(new HttpTransport({ baseUrl: sim.baseUrl, timeoutMs: 5000 }), sim.credentials),
      {
        expiryMarginSeconds: 60,
        refreshWindowSeconds: 1800,
        cipher,
      },
    );

  beforeAll(async () => {
    redis = await startRedis();
    sim = await startSimulator();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.disconnect().catch(() => undefined)));
    await sim.close();
    await redis.stop();
  });
  beforeEach(async () => {
    await raw().clear();
    sim.log.clear();
  });

  it('should store a sealed value that contains neither the token nor any part of it', async () => {
    const token = await provider(new TokenCipher(Buffer.alloc(32, 1))).getToken();
    const stored = await raw().get('upstream-token');
    expect(typeof stored).toBe('string');
    const [, payload, signature] = token.replace(/^QJWT /, '').split('.');
    for (const part of [token, payload, signature, 'QJWT']) expect(String(stored)).not.toContain(part);
  });

  it('should share the token between replicas holding the same key', async () => {
    const key = Buffer.alloc(32, 2);
    const first = await provider(new TokenCipher(key)).getToken();
    const second = await provider(new TokenCipher(key)).getToken();
    expect(second).toBe(first);
    expect(sim.log.count('auth.login')).toBe(1);
  });

  it('should treat a tampered value as a miss and log in again, without failing', async () => {
    const key = Buffer.alloc(32, 3);
    const first = await provider(new TokenCipher(key)).getToken();
    const store = raw();
    const sealed = String(await store.get('upstream-token'));
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[20] ^= 0xff;
    await store.set('upstream-token', `v1.${bytes.toString('base64')}`, 60_000);
    const second = await provider(new TokenCipher(key)).getToken();
    expect(sim.log.count('auth.login')).toBe(2);
    expect(second).not.toBe(first);
  });

  it('should treat a value sealed under another key, or a clear-text entry, as a miss', async () => {
    await provider(new TokenCipher(Buffer.alloc(32, 4))).getToken();
    await provider(new TokenCipher(Buffer.alloc(32, 5))).getToken();
    await raw().set('upstream-token', { accessToken: 'QJWT planted', expiresAt: Date.now() + 3_600_000, refreshAt: Date.now() + 3_000_000 }, 60_000);
    const token = await provider(new TokenCipher(Buffer.alloc(32, 5))).getToken();
    expect(token).not.toBe('QJWT planted');
    expect(sim.log.count('auth.login')).toBe(3);
  });
});
