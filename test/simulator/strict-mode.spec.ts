import { ALL_STRICT_RULES, CATALOGUE_KINDS, type SimulatorHandle, startSimulator, TICKETLESS_KINDS } from '../../simulator';
import { devicesOf, mixedGateway, productOf } from './support/seed-lookup';
import { call, fakeClock, login, loginQuery, PATHS, postJson } from './support/sim-client';

// Strict mode (simulator/strict/): each rule on its own, against a simulator started with just that rule, plus the
// defaults the test environment installs (test/helpers/strict-profile.ts).

const QUEUE_LIST = '/v2/quecrule/r1/openapi/queue/list';
const DOMAIN_LIST = '/v2/enduser/enterpriseapi/entUserDomainList';
const GROUP_LIST = '/v2/devicegroup/enterpriseapi/deviceGroupList';

async function started(strict: Parameters<typeof startSimulator>[0]) {
  const sim = await startSimulator(strict);
  return { sim, token: await login(sim) };
}

describe('strict rule unknownParameters', () => {
  let sim: SimulatorHandle;
  let token: string;
  beforeAll(async () => ({ sim, token } = await started({ strict: { unknownParameters: true } })));
  afterAll(() => sim.close());

  it('should answer 50005 for an undocumented query name such as pageNo', async () => {
    expect((await call(sim, PATHS.productList, { pageNum: 1, pageSize: 10 }, { token })).body.code).toBe(200);
    expect((await call(sim, PATHS.productList, { pageNo: 2, pageSize: 10 }, { token })).body).toEqual({ code: 50005, msg: 'param check error' });
  });

  it('should answer 50005 for a documented parameter in the wrong place', async () => {
    expect((await postJson(sim, QUEUE_LIST, { pageNum: 1, pageSize: 10 }, token)).body.code).toBe(200);
    const misplaced = await call(
      sim,
      QUEUE_LIST,
      { pageNum: 1, pageSize: 10 },
      { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: '{}' },
    );
    expect(misplaced.body.code).toBe(50005);
  });

  it('should check the fields of array elements and leave the inferred endpoints unchecked', async () => {
    const meter = productOf(sim, 'meter');
    const batch = (device: object) => postJson(sim, PATHS.deviceCreateBatch, { productKey: meter.productKey, devices: [device] }, token);
    expect((await batch({ deviceKey: 'STRICT-0001' })).body.code).toBe(200);
    expect((await batch({ deviceKey: 'STRICT-0002', imei: '1' })).body.code).toBe(50005);
    expect((await call(sim, GROUP_LIST, { page: 1, pageSize: 10, anything: 'x' }, { token })).body.code).toBe(200);
  });
});

describe('strict rule jsonContentType', () => {
  let sim: SimulatorHandle;
  let token: string;
  beforeAll(async () => ({ sim, token } = await started({ strict: { jsonContentType: true } })));
  afterAll(() => sim.close());

  it('should refuse a JSON body that is not declared application/json', async () => {
    const body = JSON.stringify({ pageNum: 1, pageSize: 10 });
    expect((await call(sim, QUEUE_LIST, {}, { method: 'POST', token, headers: { 'content-type': 'text/plain' }, body })).body.code).toBe(50005);
    expect(
      (await call(sim, QUEUE_LIST, {}, { method: 'POST', token, headers: { 'content-type': 'application/json;charset=UTF-8' }, body })).body.code,
    ).toBe(200);
  });

  it('should still take the login as a form body', async () => {
    const { accessKey, accessSecret } = sim.credentials;
    const form = new URLSearchParams(loginQuery(accessKey, accessSecret, Date.now())).toString();
    const answer = await call(sim, PATHS.login, {}, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answer.body.code).toBe(200);
  });
});

describe('strict rule pageSizeCap', () => {
  let sim: SimulatorHandle;
  let token: string;
  beforeAll(async () => ({ sim, token } = await started({ strict: { pageSizeCap: 3 } })));
  afterAll(() => sim.close());

  it('should serve at most the cap and report the served size and page count (envelope A)', async () => {
    const meter = productOf(sim, 'meter');
    const total = sim.store.devices(meter.productKey).length;
    const { body } = await call(sim, PATHS.deviceOverview, { productKey: meter.productKey, pageNum: 2, pageSize: 100 }, { token });
    expect(body.data).toHaveLength(3);
    expect(body).toMatchObject({ code: 200, pageNum: 2, pageSize: 3, pages: Math.ceil(total / 3), total });
    const first = await call(sim, PATHS.deviceOverview, { productKey: meter.productKey, pageNum: 1, pageSize: 3 }, { token });
    expect(body.data[0].deviceKey).not.toBe(first.body.data[0].deviceKey);
  });

  it('should cap the PageInfo lists too (envelope B)', async () => {
    const { body } = await call(sim, DOMAIN_LIST, { page: 1, pageSize: 100 }, { token });
    expect(body.data.pageSize).toBe(3);
    expect(body.data.list.length).toBeLessThanOrEqual(3);
  });

  it('should leave the quecrule lists at their documented 1..100', async () => {
    expect((await postJson(sim, QUEUE_LIST, { pageNum: 1, pageSize: 100 }, token)).body.pageSize).toBe(100);
  });

  it('should refuse pageSize above maxPageSize with 50005 when off', async () => {
    const lenient = await startSimulator({ strict: false, maxPageSize: 5 });
    try {
      const answer = await call(lenient, PATHS.productList, { pageSize: 6 }, { token: await login(lenient) });
      expect(answer.body.code).toBe(50005);
    } finally {
      await lenient.close();
    }
  });
});

describe('strict rules bareUnauthorized and endUserTokenCodes', () => {
  let sim: SimulatorHandle;
  beforeAll(async () => {
    sim = await startSimulator({ strict: { bareUnauthorized: true, endUserTokenCodes: true } });
  });
  afterAll(() => sim.close());

  it('should answer a revoked token with a bare HTTP 401 and no body', async () => {
    const token = await login(sim);
    sim.tokens.revokeAll();
    const answer = await call(sim, PATHS.productList, {}, { token });
    expect(answer.status).toBe(401);
    expect(answer.text).toBe('');
    expect(sim.log.entries().at(-1)).toMatchObject({ endpoint: 'product.list', httpStatus: 401, code: 401 });
  });

  it('should answer an expired token with a bare HTTP 401 too', async () => {
    const clock = fakeClock(Date.UTC(2025, 6, 1));
    const expiring = await startSimulator({ clock, strict: { bareUnauthorized: true } });
    try {
      const token = await login(expiring, clock.now());
      clock.advance(7200 * 1000);
      const answer = await call(expiring, PATHS.productList, {}, { token });
      expect({ status: answer.status, text: answer.text }).toEqual({ status: 401, text: '' });
    } finally {
      await expiring.close();
    }
  });

  it('should keep the JSON 91001/91004 for a missing or never-issued token', async () => {
    expect((await call(sim, PATHS.productList)).body).toEqual({ code: 91001, msg: 'token not exists' });
    expect((await call(sim, PATHS.productList, {}, { token: 'QJWT forged' })).body.code).toBe(91004);
  });

  it('should let the end-user family answer 5106 for a missing token and 5032 for a bad one', async () => {
    expect((await call(sim, DOMAIN_LIST)).body).toEqual({ code: 5106, msg: 'please enter token', data: null, extMsg: null });
    expect((await call(sim, DOMAIN_LIST, {}, { token: 'QJWT forged' })).body.code).toBe(5032);
  });
});

describe('strict rule dateTimeStrings', () => {
  let sim: SimulatorHandle;
  let token: string;
  beforeAll(async () => ({ sim, token } = await started({ strict: { dateTimeStrings: true } })));
  afterAll(() => sim.close());

  it('should serve product times as RFC 3339 date-times', async () => {
    const { body } = await call(sim, PATHS.productList, {}, { token });
    const product = sim.store.product(body.data[0].productKey)!;
    expect(body.data[0].createTime).toBe(new Date(product.createTime).toISOString());
    const detail = await call(sim, PATHS.productDetail, { productKey: product.productKey }, { token });
    expect(detail.body.data.createTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('should serve gateway sub-device connection times as RFC 3339 date-times', async () => {
    const gateway = mixedGateway(sim);
    const sub = sim.store.subDevicesOf(gateway.id).find((d) => d.firstConnTime !== null)!;
    const { body } = await call(sim, PATHS.subList, { productKey: gateway.productKey, deviceKey: gateway.deviceKey, pageSize: 50 }, { token });
    const row = body.data.find((r: { id: number }) => r.id === sub.id);
    expect(row.firstConnTime).toBe(new Date(sub.firstConnTime!).toISOString());
    expect(row.createTime).toBe(sub.createTime);
  });

  it('should serve event history times as yyyy-MM-dd HH:mm:ss', async () => {
    const device = devicesOf(sim, 'meter').find((d) => sim.store.device(d.productKey, d.deviceKey)!.events.length > 0)!;
    const { body } = await call(sim, PATHS.eventHistory, { productKey: device.productKey, deviceKey: device.deviceKey }, { token });
    expect(body.data.length).toBeGreaterThan(0);
    for (const row of body.data) expect(row.createTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });
});

describe('message catalogue (§9.3) and strict rule ticketlessPush', () => {
  let strict: SimulatorHandle;
  let lenient: SimulatorHandle;
  beforeAll(async () => {
    [strict, lenient] = await Promise.all([startSimulator({ strict: { ticketlessPush: true } }), startSimulator({ strict: false })]);
  });
  afterAll(() => Promise.all([strict.close(), lenient.close()]));

  it('should build every kind with its type, subtype, time and payload', () => {
    const device = devicesOf(strict, 'meter')[0];
    for (const kind of CATALOGUE_KINDS) {
      const message = strict.push.catalogue(kind, device.productKey, device.deviceKey) as Record<string, any>;
      const [type, subtype] = kind.split('/');
      expect({ kind, type: message.type, subtype: message.subtype }).toEqual({ kind, type, subtype });
      expect(typeof message.createdAt).toBe('number');
      expect(message).toHaveProperty('data');
    }
  });

  it('should leave the product, thing-model, authorization and rule-notice kinds without a ticket', () => {
    const device = devicesOf(strict, 'meter')[0];
    const ticketless = CATALOGUE_KINDS.filter((kind) => !('ticket' in (strict.push.catalogue(kind, device.productKey, device.deviceKey) as object)));
    expect(ticketless.sort()).toEqual([...TICKETLESS_KINDS].sort());
    const notice = strict.push.catalogue('CEP_RULE/NOTICE', device.productKey, device.deviceKey) as Record<string, any>;
    expect(notice.traceId).toMatch(/^\d+$/);
    expect(notice.data.raw).toMatchObject({ productKey: device.productKey, deviceKey: device.deviceKey, type: 'MATTR' });
    const grant = strict.push.catalogue('META_EVENT/GRANT_USER_DOMAIN', device.productKey, device.deviceKey) as Record<string, any>;
    expect(grant).toMatchObject({
      operation: 'AUTH',
      userDomain: expect.any(String),
      userDomainId: expect.any(Number),
      data: { appName: expect.any(String) },
    });
  });

  it('should add a ticket to every kind with the rule off', () => {
    const device = devicesOf(lenient, 'meter')[0];
    for (const kind of CATALOGUE_KINDS) expect(lenient.push.catalogue(kind, device.productKey, device.deviceKey)).toHaveProperty('ticket');
  });

  it('should throw for an unknown kind', () => {
    const device = devicesOf(strict, 'meter')[0];
    expect(() => strict.push.catalogue('NOPE', device.productKey, device.deviceKey)).toThrow(RangeError);
  });
});

describe('strict option and host defaults', () => {
  it('should refuse an invalid cap or an unknown rule', async () => {
    await expect(startSimulator({ strict: { pageSizeCap: -1 } })).rejects.toThrow(RangeError);
    await expect(startSimulator({ strict: { everything: true } as never })).rejects.toThrow(TypeError);
  });

  it('should take the rules the test environment installed when a start names none, and let strict: false override them', async () => {
    const [byDefault, lenient] = await Promise.all([startSimulator(), startSimulator({ strict: false })]);
    try {
      const pageNo = async (sim: SimulatorHandle) => (await call(sim, PATHS.productList, { pageNo: 1 }, { token: await login(sim) })).body.code;
      expect(await pageNo(byDefault)).toBe(50005);
      expect(await pageNo(lenient)).toBe(200);
    } finally {
      await Promise.all([byDefault.close(), lenient.close()]);
    }
  });

  it('should turn every rule on with strict: true, capping pages at 50', () => {
    expect(ALL_STRICT_RULES).toEqual({
      unknownParameters: true,
      jsonContentType: true,
      pageSizeCap: 50,
      bareUnauthorized: true,
      endUserTokenCodes: true,
      dateTimeStrings: true,
      ticketlessPush: true,
    });
  });
});
