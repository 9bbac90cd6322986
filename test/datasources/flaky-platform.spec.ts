import { startSimulator, type SimulatorHandle } from '../../simulator';
import { ErrorCode } from '../../src/errors';
import { UpstreamResilience } from '../../src/datasources/platform/resilience';
import { PlatformClient } from '../../src/datasources/platform/platform-client';
import { upstreamStack } from '../helpers/upstream';

/** The real transport and client against the simulator's injected faults (real sockets, so real short delays). */
describe('reads and commands against a flaky simulator', () => {
  let sim: SimulatorHandle;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.faults.clear();
    sim.log.clear();
  });

  function client(retryBudgetMs = 3000) {
    const { transport, tokens } = upstreamStack(sim, { timeoutMs: 2000 });
    const resilience = new UpstreamResilience({
      retryBudgetMs,
      maxRetries: 3,
      breakerThreshold: 50,
      breakerHalfOpenAfterMs: 5000,
      initialDelayMs: 5,
      maxDelayMs: 20,
    });
    return new PlatformClient({ transport, tokens, resilience });
  }
  const listProducts = (c: PlatformClient) =>
    c.request<unknown[]>({
      endpoint: 'product.list',
      method: 'GET',
      path: '/v2/quecproductmgr/r3/openapi/products',
      query: { pageNum: 1, pageSize: 2 },
    });

  it('should answer a read after a connection reset and a 503', async () => {
    const c = client();
    sim.faults.inject('product.list', { reset: true });
    sim.faults.inject('product.list', { httpStatus: 503, body: '<html>busy</html>' });
    await expect(listProducts(c)).resolves.toMatchObject({ data: expect.any(Array) });
    expect(
      sim.log
        .entries()
        .filter((e) => e.endpoint === 'product.list')
        .map((e) => e.httpStatus),
    ).toEqual([0, 503, 200]);
  });

  it('should come back no sooner than the Retry-After the simulator sent with a 429', async () => {
    const c = client();
    sim.faults.inject('product.list', { httpStatus: 429, headers: { 'Retry-After': '1' }, body: '{"status":429}' });
    await expect(listProducts(c)).resolves.toMatchObject({ data: expect.any(Array) });
    const [limited, answered] = sim.log.entries().filter((e) => e.endpoint === 'product.list');
    expect(limited.httpStatus).toBe(429);
    expect(answered.at - limited.at).toBeGreaterThanOrEqual(1000);
  });

  it('should send a command exactly once when the connection is reset', async () => {
    const c = client();
    const device = sim.store.devices(sim.store.authorizedProducts()[0].productKey)[0];
    sim.faults.inject('dm.writeData', { reset: true });
    await expect(
      c.request({
        endpoint: 'dm.writeData',
        method: 'POST',
        path: '/v2/deviceshadow/r3/openapi/dm/writeData',
        body: { productKey: device.productKey, devices: [device.deviceKey], data: '[]' },
      }),
    ).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    expect(sim.log.count('dm.writeData')).toBe(1);
  });

  it('should let random faults strike at the configured rate, the same way for the same seed', async () => {
    const outcomes = async () => {
      sim.faults.random([{ probability: 0.3, fault: { httpStatus: 503 }, endpoints: ['product.list'] }], 7);
      sim.log.clear();
      const { client: plain } = upstreamStack(sim);
      for (let i = 0; i < 40; i += 1) await listProducts(plain).catch(() => undefined);
      return sim.log
        .entries()
        .filter((e) => e.endpoint === 'product.list')
        .map((e) => e.httpStatus);
    };
    const first = await outcomes();
    const failures = first.filter((status) => status === 503).length;
    expect(failures).toBeGreaterThan(4);
    expect(failures).toBeLessThan(24);
    expect(await outcomes()).toEqual(first);
    expect(sim.log.count('auth.login')).toBe(1);
  });

  it('should refuse a probability outside 0..1 and an unknown endpoint', () => {
    expect(() => sim.faults.random([{ probability: 1.5, fault: {} }])).toThrow(RangeError);
    expect(() => sim.faults.random([{ probability: 0.1, fault: {}, endpoints: ['no.such'] }])).toThrow(/unknown simulator endpoint/);
  });
});
