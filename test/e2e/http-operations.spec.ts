import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { freePort } from '../helpers/free-port';
import { captureLogs } from '../helpers/log-capture';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis-server';
import { startHttpService, type HttpService } from '../helpers/http-service';

const PRODUCTS = 'query Catalogue { products(first: 100) { totalCount edges { node { productKey name accessType } } } }';
/** Large enough (several KB) to be worth compressing. */
const CATALOGUE_WITH_DEVICES =
  'query CatalogueWithDevices { products(first: 100) { edges { node { productKey name devices(first: 20) { edges { node { deviceKey name status createdAt } } } } } } }';

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { response, body: (await response.json()) as { data?: any; errors?: any[] } };
}

describe('operational endpoints and HTTP features', () => {
  let service: HttpService;
  const log = captureLogs('info');
  beforeAll(async () => {
    service = await startHttpService({ logger: log.logger });
  });
  afterAll(() => service.close());

  describe('GET /ready', () => {
    it('should be ready when an upstream token is obtainable and no Redis is configured', async () => {
      const response = await fetch(`${service.url}/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready', checks: { upstreamToken: 'ok', redis: 'not configured' } });
    });

    it('should answer 503 with a reason, and no secret, when the platform refuses our login', async () => {
      const broken = await startHttpService();
      try {
        broken.sim.faults.inject('auth.login', { code: 10009, times: 10 });
        const response = await fetch(`${broken.url}/ready`);
        const text = await response.text();
        expect(response.status).toBe(503);
        expect(JSON.parse(text)).toMatchObject({
          status: 'not ready',
          checks: { upstreamToken: expect.stringMatching(/^failed: /), redis: 'not configured' },
        });
        expect(text).not.toContain(broken.sim.credentials.accessSecret);
        expect(text).not.toContain(broken.sim.credentials.accessKey);
      } finally {
        await broken.close();
      }
    });

    it('should answer 503 when the configured Redis does not answer', async () => {
      const port = await freePort();
      const noRedis = await startHttpService({ env: { REDIS_URL: `redis://127.0.0.1:${port}`, READINESS_TIMEOUT_MS: '500' } });
      try {
        const response = await fetch(`${noRedis.url}/ready`);
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({ status: 'not ready', checks: { redis: expect.stringMatching(/^failed: /) } });
      } finally {
        await noRedis.close();
      }
    });
  });

  describe('GET /metrics', () => {
    it('should expose operation latency, upstream calls, token renewals and token cache lookups', async () => {
      await post(service.url, { query: PRODUCTS });
      await post(service.url, { query: PRODUCTS });
      const response = await fetch(`${service.url}/metrics`);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toMatch(/quec_graph_operation_duration_seconds_count\{[^}]*operation="Catalogue"[^}]*type="query"[^}]*outcome="ok"[^}]*\} 2/);
      expect(text).toMatch(/quec_graph_upstream_requests_total\{[^}]*endpoint="product.list"[^}]*outcome="ok"[^}]*\} [1-9]/);
      expect(text).toMatch(/quec_graph_upstream_request_duration_seconds_bucket\{[^}]*endpoint="product.list"/);
      expect(text).toMatch(/quec_graph_token_renewals_total\{[^}]*kind="login"[^}]*\} 1\b/);
      expect(text).toMatch(/quec_graph_token_cache_lookups_total\{[^}]*result="hit"[^}]*\} [1-9]/);
      expect(text).toMatch(/quec_graph_process_cpu_seconds_total/);
    });

    it('should count upstream failures by outcome', async () => {
      service.sim.faults.inject('product.list', { code: 50000 });
      const { body } = await post(service.url, { query: '{ products(first: 1) { totalCount } }' });
      expect(body.errors).toBeDefined();
      const text = await (await fetch(`${service.url}/metrics`)).text();
      expect(text).toMatch(/quec_graph_upstream_requests_total\{[^}]*endpoint="product.list"[^}]*outcome="code_50000"[^}]*\} 1/);
      expect(text).toMatch(/quec_graph_operation_duration_seconds_count\{[^}]*operation="anonymous"[^}]*outcome="error"[^}]*\} 1/);
    });
  });

  describe('request logging', () => {
    it('should write one JSON line per GraphQL request with request id, operation, duration and error codes, and no query text', async () => {
      log.clear();
      await post(service.url, { query: PRODUCTS }, { 'x-request-id': 'req-log-1' });
      await post(service.url, { query: '{ devices(productKey: "pX1", first: 500) { totalCount } }' }, { 'x-request-id': 'req-log-2' });
      const requests = log.lines().filter((line) => line.msg === 'graphql request');
      expect(requests).toHaveLength(2);
      expect(requests[0]).toMatchObject({
        requestId: 'req-log-1',
        operationName: 'Catalogue',
        operationType: 'query',
        status: 200,
        durationMs: expect.any(Number),
      });
      expect(requests[0].errorCodes).toBeUndefined();
      expect(requests[1]).toMatchObject({ requestId: 'req-log-2', errorCodes: ['BAD_USER_INPUT'] });
      const all = JSON.stringify(log.lines());
      expect(all).not.toContain('products(first');
      expect(all).not.toMatch(/QJWT|accessSecret/);
    });
  });

  describe('compression', () => {
    it('should compress a large response with brotli or gzip as accept-encoding allows', async () => {
      for (const [accept, expected] of [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0, gzip;q=0.5', 'gzip'],
      ] as const) {
        const { response, body } = await post(service.url, { query: CATALOGUE_WITH_DEVICES }, { 'accept-encoding': accept });
        expect(response.headers.get('content-encoding')).toBe(expected);
        expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
        expect(body.data.products.edges.length).toBeGreaterThan(0);
      }
    });

    it('should send identity when the client does not accept compression or the body is small', async () => {
      const plain = await post(service.url, { query: CATALOGUE_WITH_DEVICES }, { 'accept-encoding': 'identity' });
      expect(plain.body.data.products.edges.length).toBeGreaterThan(0);
      expect(plain.response.headers.get('content-encoding')).toBeNull();
      const small = await post(service.url, { query: '{ products(first: 1) { totalCount } }' }, { 'accept-encoding': 'gzip' });
      expect(small.response.headers.get('content-encoding')).toBeNull();
    });
  });

  describe('automatic persisted queries', () => {
    const hash = createHash('sha256').update(PRODUCTS).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const getByHash = (url: string) =>
      fetch(`${url}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, { headers: { 'apollo-require-preflight': 'true' } }).then(
        async (response) => ({ status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } }),
      );

    it('should ask for the full query, register it, then serve GET by hash alone', async () => {
      const first = await getByHash(service.url);
      expect(first.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const registered = await post(service.url, { query: PRODUCTS, extensions });
      expect(registered.body.errors).toBeUndefined();
      const again = await getByHash(service.url);
      expect(again.status).toBe(200);
      expect(again.body.data.products.totalCount).toBe(registered.body.data.products.totalCount);
    });

    const withRedis = redisAvailable() ? it : it.skip;
    withRedis('should share registered queries between replicas through Redis', async () => {
      const redis: RedisServer = await startRedis();
      const replicas: HttpService[] = [];
      try {
        replicas.push(await startHttpService({ env: { REDIS_URL: redis.url } }));
        replicas.push(await startHttpService({ env: { REDIS_URL: redis.url } }));
        expect((await getByHash(replicas[1].url)).body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
        expect((await post(replicas[0].url, { query: PRODUCTS, extensions })).body.errors).toBeUndefined();
        const served = await getByHash(replicas[1].url);
        expect(served.body.errors).toBeUndefined();
        expect(served.body.data.products.totalCount).toBeGreaterThan(0);
        expect((await fetch(`${replicas[1].url}/ready`)).status).toBe(200);
      } finally {
        await Promise.all(replicas.map((r) => r.close()));
        await redis.stop();
      }
    });

    withRedis('should store registered queries in Redis with the APQ_TTL_SECONDS expiry', async () => {
      const redis: RedisServer = await startRedis();
      let replica: HttpService | undefined;
      try {
        replica = await startHttpService({ env: { REDIS_URL: redis.url, APQ_TTL_SECONDS: '120' } });
        expect((await post(replica.url, { query: PRODUCTS, extensions })).body.errors).toBeUndefined();
        const cli = (...args: string[]) => spawnSync('redis-cli', ['-u', redis.url, ...args], { encoding: 'utf8' }).stdout.trim();
        const [key] = cli('--scan', '--pattern', `*${hash}*`).split('\n').filter(Boolean);
        expect(key).toBeDefined();
        const ttlMs = Number(cli('PTTL', key));
        expect(ttlMs).toBeGreaterThan(0);
        expect(ttlMs).toBeLessThanOrEqual(120_000);
      } finally {
        await replica?.close();
        await redis.stop();
      }
    });
  });

  describe('graceful shutdown', () => {
    it('should finish an in-flight request, refuse new connections, and stop once it is done', async () => {
      let arrived!: () => void;
      const upstreamReached = new Promise<void>((resolve) => (arrived = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const gatedFetch: typeof fetch = async (input, init) => {
        if (String(input).includes('/products')) {
          arrived();
          await gate;
        }
        return fetch(input, init);
      };
      // A grace period far beyond the test timeout: were the idle keep-alive connection not ended once its response
      // was sent, stopping would wait for the grace period and this test would time out.
      const draining = await startHttpService({ env: { SHUTDOWN_GRACE_MS: '600000' }, overrides: { fetch: gatedFetch } });
      const closeListener = draining.http.close.bind(draining.http);
      const listenerClosed = new Promise<void>((resolve) => {
        jest.spyOn(draining.http, 'close').mockImplementation((callback) => {
          closeListener(callback);
          resolve();
          return draining.http;
        });
      });
      const inFlight = post(draining.url, { query: '{ products(first: 1) { totalCount } }' });
      await upstreamReached;
      const stopped = draining.close();
      await listenerClosed;
      await expect(fetch(`${draining.url}/health`)).rejects.toThrow();
      release();
      const { response, body } = await inFlight;
      expect(response.status).toBe(200);
      expect(body.data.products.totalCount).toBeGreaterThan(0);
      await stopped;
    });
  });
});
