import { ENDPOINTS, startSimulator, type SimulatorHandle } from '../../simulator';
import { productOf } from './support/seed-lookup';
import { PATHS, call, fakeClock, login } from './support/sim-client';
import { signedSession } from './support/signed-session';

const START = Date.UTC(2025, 6, 1, 8, 0, 0);

describe('endpoint names', () => {
  it('should expose exactly the agreed endpoint names', () => {
    expect([...ENDPOINTS].sort()).toEqual(
      [
        'auth.login',
        'auth.refresh',
        'product.list',
        'product.detail',
        'tsl.export',
        'device.overview',
        'device.detail',
        'device.resource',
        'gateway.subList',
        'gateway.ofChild',
        'gateway.unbind',
        'device.create',
        'device.createBatch',
        'device.update',
        'device.updateBatch',
        'device.delete',
        'dm.readData',
        'dm.writeData',
        'dm.sendServiceData',
        'raw.sendData',
        'device.location',
        'history.data',
        'history.event',
        'queue.create',
        'queue.delete',
        'queue.clear',
        'queue.list',
        'queue.detail',
        'subscribe.create',
        'subscribe.saas',
        'subscribe.enduser',
        'subscribe.update',
        'subscribe.delete',
        'subscribe.start',
        'subscribe.stop',
        'subscribe.list',
        'subscribe.detail',
        'enduser.domainList',
        'enduser.domainUserList',
        'enduser.userInfo',
        'enduser.setUserStatus',
        'binding.userDeviceList',
        'binding.userListByBind',
        'binding.deviceUserList',
        'binding.verifyBindingCode',
        'binding.bindDeviceByPkDk',
        'binding.unbundlingUserDevice',
        'binding.batchUnbindlingDevice',
        'project.overview',
        'project.detail',
        'project.products',
        'project.edit',
        'group.add',
        'group.set',
        'group.delete',
        'group.info',
        'group.list',
        'group.addDevices',
        'group.removeDevices',
        'group.devices',
        'group.ofDevice',
        'group.control',
        'group.tasks',
        'group.taskDetail',
        'sms.accountList',
        'sms.addAccount',
        'sms.setAccount',
        'sms.enableAccount',
        'sms.deleteAccount',
        'sms.signList',
        'sms.templateList',
        'sms.addSign',
        'sms.enableSign',
        'sms.deleteSign',
        'sms.signUserDomainAuth',
        'sms.addTemplate',
        'sms.enableTemplate',
        'sms.deleteTemplate',
        'sms.templateUserDomainAuth',
        'mail.accountList',
        'mail.addAccount',
        'mail.setAccount',
        'mail.enableAccount',
        'mail.deleteAccount',
        'mail.accountUserDomainAuth',
        'mail.templateList',
        'mail.templateContent',
        'mail.addTemplate',
        'mail.setTemplate',
        'mail.enableTemplate',
        'mail.deleteTemplate',
        'mail.templateUserDomainAuth',
        'enduser.domainProductAuthList',
        'enduser.productAuthDomainList',
        'enduser.addDomainProductAuth',
        'enduser.deleteDomainProductAuth',
        'enduser.getThirdpartyConfig',
        'enduser.addThirdpartyConfig',
        'enduser.deleteThirdpartyConfig',
      ].sort(),
    );
  });
});

describe('request log', () => {
  const clock = fakeClock(START);
  let sim: SimulatorHandle;

  beforeAll(async () => {
    sim = await startSimulator({ clock });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.log.clear());

  it('should record endpoint, method, path, decoded query, headers, code, status and clock time', async () => {
    const token = await login(sim, clock.now());
    clock.advance(5_000);
    const meter = productOf(sim, 'meter');
    await call(sim, PATHS.deviceOverview, { productKey: meter.productKey, deviceKey: 'Oak Street' }, { token });
    const entries = sim.log.entries();
    expect(entries.map((e) => e.endpoint)).toEqual(['auth.login', 'device.overview']);
    expect(entries[1]).toEqual({
      endpoint: 'device.overview',
      method: 'GET',
      path: PATHS.deviceOverview,
      query: { productKey: meter.productKey, deviceKey: 'Oak Street' },
      body: undefined,
      headers: expect.objectContaining({ authorization: token }),
      code: 200,
      httpStatus: 200,
      at: START + 5_000,
    });
    expect(entries[0].query.username).toMatch(/^ver=1&/);
  });

  it('should record parsed JSON bodies', async () => {
    const token = await login(sim, clock.now());
    await call(sim, PATHS.deviceDelete, {}, { token, method: 'POST', body: '{"productKey":"x"}', headers: { 'content-type': 'application/json' } });
    expect(sim.log.entries()[1]).toMatchObject({ endpoint: 'device.delete', body: { productKey: 'x' }, code: 50005 });
  });

  it('should count per endpoint and in total', async () => {
    const token = await login(sim, clock.now());
    await call(sim, PATHS.productList, {}, { token });
    await call(sim, PATHS.productList, {}, { token });
    await call(sim, PATHS.productDetail, {}, { token });
    expect(sim.log.count()).toBe(4);
    expect(sim.log.count('product.list')).toBe(2);
    expect(sim.log.count('auth.login')).toBe(1);
    expect(sim.log.count('tsl.export')).toBe(0);
    expect(sim.log.counters()).toEqual({ 'auth.login': 1, 'product.list': 2, 'product.detail': 1 });
  });

  it('should hand out copies of the entries', async () => {
    await call(sim, PATHS.productList);
    const entries = sim.log.entries();
    entries[0].query.injected = 'x';
    entries.pop();
    expect(sim.log.entries()).toHaveLength(1);
    expect(sim.log.entries()[0].query).toEqual({});
  });

  it('should answer unknown paths with 404 and log them as unknown', async () => {
    const { status, body } = await call(sim, '/v2/devicemgr/r3/openapi/nothing');
    expect(status).toBe(404);
    expect(body).toEqual({ code: 404, msg: 'Not Found' });
    expect(sim.log.entries()[0]).toMatchObject({ endpoint: 'unknown', httpStatus: 404, code: 404 });
    expect(sim.log.count('unknown')).toBe(1);
  });

  it('should answer a known path with the wrong method with 405', async () => {
    const { status } = await call(sim, PATHS.productList, {}, { method: 'POST' });
    expect(status).toBe(405);
    expect(sim.log.entries()[0]).toMatchObject({ endpoint: 'unknown', method: 'POST', httpStatus: 405 });
  });

  it('should clear entries and counters', async () => {
    await call(sim, PATHS.productList);
    sim.log.clear();
    expect(sim.log.entries()).toEqual([]);
    expect(sim.log.count()).toBe(0);
    expect(sim.log.counters()).toEqual({});
  });
});

describe('fault injection', () => {
  const session = signedSession('');
  afterEach(() => session.sim.faults.clear());

  it('should answer the next request with the injected code and documented msg, then recover', async () => {
    session.sim.faults.inject('product.list', { code: 70000 });
    expect((await session.send('GET', PATHS.productList)).body).toEqual({ code: 70000, msg: 'Hub service unavailable' });
    expect((await session.send('GET', PATHS.productList)).body.code).toBe(200);
  });

  it('should default to 50000 service exception', async () => {
    session.sim.faults.inject('device.detail', {});
    expect((await session.send('GET', PATHS.deviceDetail)).body).toEqual({ code: 50000, msg: 'service exception' });
  });

  it('should apply a fault `times` times', async () => {
    session.sim.faults.inject('product.detail', { code: 91004, times: 2 });
    const pk = productOf(session.sim, 'meter').productKey;
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await session.send('GET', PATHS.productDetail, { query: { productKey: pk } })).body.code);
    expect(codes).toEqual([91004, 91004, 200]);
  });

  it('should take precedence over authentication', async () => {
    session.sim.faults.inject('product.list', { code: 50000 });
    expect((await call(session.sim, PATHS.productList)).body.code).toBe(50000);
  });

  it('should send a custom HTTP status, msg and raw body', async () => {
    session.sim.faults.inject('tsl.export', { httpStatus: 502, body: '<html>Bad Gateway</html>' });
    const raw = await session.send('GET', PATHS.tsl);
    expect(raw.status).toBe(502);
    expect(raw.text).toBe('<html>Bad Gateway</html>');
    session.sim.faults.inject('tsl.export', { httpStatus: 503, code: 70000, msg: 'busy' });
    const coded = await session.send('GET', PATHS.tsl);
    expect([coded.status, coded.body]).toEqual([503, { code: 70000, msg: 'busy' }]);
    expect(
      session.sim.log
        .entries()
        .slice(-2)
        .map((e) => [e.code, e.httpStatus]),
    ).toEqual([
      [502, 502],
      [70000, 503],
    ]);
  });

  it('should use the flat quecauth shape for auth endpoints', async () => {
    session.sim.faults.inject('auth.login', { code: 50000 });
    expect((await call(session.sim, PATHS.login)).body).toEqual({ msg: 'service exception', code: 50000, error: 'service exception' });
  });

  it('should delay a faulted answer by delayMs', async () => {
    session.sim.faults.inject('product.list', { code: 70000, delayMs: 150 });
    const started = performance.now();
    await session.send('GET', PATHS.productList);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('should reject unknown endpoint names and bad counts', () => {
    expect(() => session.sim.faults.inject('product.lsit', {})).toThrow(/unknown simulator endpoint/);
    expect(() => session.sim.faults.inject('product.list', { times: 0 })).toThrow(RangeError);
  });

  it('should forget pending faults on clear', async () => {
    session.sim.faults.inject('product.list', { code: 70000, times: 5 });
    session.sim.faults.clear();
    expect((await session.send('GET', PATHS.productList)).body.code).toBe(200);
  });
});

describe('handler failures', () => {
  it('should answer 50000 without leaking the error or its stack', async () => {
    const sim = await startSimulator();
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const token = await login(sim);
      jest.spyOn(sim.store, 'authorizedProducts').mockImplementation(() => {
        throw new Error('secret internal detail');
      });
      const { status, text } = await call(sim, PATHS.productList, {}, { token });
      expect(status).toBe(200);
      expect(JSON.parse(text)).toEqual({ code: 50000, msg: 'service exception' });
      expect(text).not.toContain('secret internal detail');
      expect(stderr).toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
      await sim.close();
    }
  });
});

describe('latency', () => {
  it('should add the configured latency before every response and allow changing it', async () => {
    // Long enough that a loaded CI machine never answers a zero-latency call that slowly.
    const sim = await startSimulator({ latencyMs: 600 });
    try {
      let started = performance.now();
      await call(sim, PATHS.productList);
      expect(performance.now() - started).toBeGreaterThanOrEqual(590);
      sim.setLatency(0);
      started = performance.now();
      await call(sim, PATHS.productList);
      expect(performance.now() - started).toBeLessThan(590);
      expect(() => sim.setLatency(-1)).toThrow(RangeError);
    } finally {
      await sim.close();
    }
  });
});

describe('startSimulator', () => {
  it('should bind 127.0.0.1 on an ephemeral port and close cleanly', async () => {
    const sim = await startSimulator();
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await sim.close();
    await expect(fetch(sim.baseUrl + PATHS.productList)).rejects.toThrow();
  });

  it('should serve identical data for the same seed and different data for another seed', async () => {
    const sims = await Promise.all([startSimulator({ seed: 9 }), startSimulator({ seed: 9 }), startSimulator({ seed: 10 })]);
    try {
      const snapshot = async (sim: SimulatorHandle) => {
        const token = await login(sim);
        const products = (await call(sim, PATHS.productList, { pageSize: 100 }, { token })).body;
        const meter = productOf(sim, 'meter').productKey;
        const devices = (await call(sim, PATHS.deviceOverview, { productKey: meter, pageSize: 100 }, { token })).body;
        return { products, devices };
      };
      const [a, b, c] = await Promise.all(sims.map(snapshot));
      expect(b).toEqual(a);
      expect(c.products.data).not.toEqual(a.products.data);
    } finally {
      await Promise.all(sims.map((sim) => sim.close()));
    }
  });

  it('should reject invalid options', async () => {
    await expect(startSimulator({ deviceCount: 10 })).rejects.toThrow(RangeError);
    await expect(startSimulator({ maxPageSize: 0 })).rejects.toThrow(RangeError);
  });
});
