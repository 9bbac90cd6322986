import { startSimulator, type SimulatorHandle } from '../../simulator';
import { ErrorCode, UpstreamError } from '../../src/errors';
import { suiteRulesWith } from '../helpers/strict-profile';
import { upstreamStack } from '../helpers/upstream';

describe('PlatformClient against the simulator', () => {
  let sim: SimulatorHandle;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.log.clear();
    sim.faults.clear();
  });

  const listProducts = (client: ReturnType<typeof upstreamStack>['client']) =>
    client.request<unknown[]>({
      endpoint: 'product.list',
      method: 'GET',
      path: '/v2/quecproductmgr/r3/openapi/products',
      query: { pageNum: 1, pageSize: 5 },
    });

  it('should log in with the signed query and send the token verbatim, QJWT prefix and all', async () => {
    const { client } = upstreamStack(sim);
    const response = await listProducts(client);
    expect(response.data).toHaveLength(5);
    expect(response.page).toMatchObject({ pageNum: 1, pageSize: 5, total: expect.any(Number) });

    const [login, call] = sim.log.entries();
    expect(login).toMatchObject({ endpoint: 'auth.login', method: 'GET', code: 200 });
    expect(login.query).toMatchObject({ grant_type: 'password', password: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(login.query.username).toMatch(
      new RegExp(`^ver=1&auth_mode=accessKey&sign_method=sha256&access_key=${sim.credentials.accessKey}&timestamp=\\d{13}$`),
    );
    expect(call).toMatchObject({
      endpoint: 'product.list',
      method: 'GET',
      path: '/v2/quecproductmgr/r3/openapi/products',
      query: { pageNum: '1', pageSize: '5' },
    });
    expect(call.headers.authorization).toMatch(/^QJWT [\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('should make exactly one login for 100 concurrent cold requests', async () => {
    const { client } = upstreamStack(sim);
    await Promise.all(Array.from({ length: 100 }, () => listProducts(client)));
    expect(sim.log.count('auth.login')).toBe(1);
    expect(sim.log.count('product.list')).toBe(100);
  });

  it.each([
    ['the documented JSON 91004', false, 'product.list:200:91004'],
    ['a bare HTTP 401 (strict rule bareUnauthorized)', true, 'product.list:401:401'],
  ])('should invalidate a revoked token answered with %s, log in again and retry the call once', async (_name, bareUnauthorized, refused) => {
    const revoking = await startSimulator({ strict: suiteRulesWith({ bareUnauthorized }) });
    try {
      const { client } = upstreamStack(revoking);
      await listProducts(client);
      revoking.tokens.revokeAll();
      revoking.log.clear();
      await expect(listProducts(client)).resolves.toMatchObject({ data: expect.any(Array) });
      expect(revoking.log.entries().map((e) => `${e.endpoint}:${e.httpStatus}:${e.code}`)).toEqual([
        refused,
        'auth.login:200:200',
        'product.list:200:200',
      ]);
    } finally {
      await revoking.close();
    }
  });

  it('should not retry a second time when the fresh token is refused too', async () => {
    const { client } = upstreamStack(sim);
    await listProducts(client);
    sim.faults.inject('product.list', { code: 91004, msg: 'token incorrect', times: 2 });
    sim.log.clear();
    await expect(listProducts(client)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_ERROR, upstream: { code: 91004 } } });
    expect(sim.log.count('product.list')).toBe(2);
  });

  describe('token errors beyond 91001/91004 (reference §12.15)', () => {
    const listDomains = (client: ReturnType<typeof upstreamStack>['client']) =>
      client.request<unknown>({
        endpoint: 'enduser.domainList',
        method: 'GET',
        path: '/v2/enduser/enterpriseapi/entUserDomainList',
        query: { page: 1, pageSize: 5 },
      });
    const trail = () => sim.log.entries().map((e) => `${e.endpoint}:${e.code}`);

    it.each([
      ['a bare HTTP 401 (no body)', { httpStatus: 401, body: '' }],
      ['an HTTP 401 gateway page', { httpStatus: 401, body: '<html><body>401 Authorization Required</body></html>' }],
      ['an HTTP 401 with a JSON body but no code', { httpStatus: 401, body: '{"error":"unauthorized"}' }],
      ['an HTTP 401 with a code that is no token code', { httpStatus: 401, code: 401, msg: 'Unauthorized' }],
    ])('should drop the shared token, log in again and retry once after %s', async (_name, fault) => {
      const { client, tokens } = upstreamStack(sim);
      await listProducts(client);
      const rejected = await tokens.getToken();
      sim.faults.inject('product.list', fault);
      sim.log.clear();
      await expect(listProducts(client)).resolves.toMatchObject({ data: expect.any(Array) });
      expect(trail()).toEqual(['product.list:401', 'auth.login:200', 'product.list:200']);
      expect(sim.log.entries()[2].headers.authorization).not.toBe(rejected);
    });

    it.each([
      [5032, 'Token verification failed'],
      [5106, 'Please enter token'],
    ])('should treat the end-user family code %i as a token error and retry once', async (code, msg) => {
      const { client } = upstreamStack(sim);
      await listProducts(client);
      sim.faults.inject('enduser.domainList', { code, msg });
      sim.log.clear();
      await expect(listDomains(client)).resolves.toMatchObject({ data: expect.anything() });
      expect(trail()).toEqual([`enduser.domainList:${code}`, 'auth.login:200', 'enduser.domainList:200']);
    });

    it('should take 91004 inside an HTTP 401, as a platform answering token errors that way would send it', async () => {
      // The JSON 91004 this test is about, not the bare 401 the strict rule bareUnauthorized gives a revoked token.
      const strict = await startSimulator({ tokenErrorHttpStatus: 401, strict: suiteRulesWith({ bareUnauthorized: false }) });
      try {
        const { client } = upstreamStack(strict);
        await listProducts(client);
        strict.tokens.revokeAll();
        strict.log.clear();
        await listProducts(client);
        expect(strict.log.entries().map((e) => `${e.endpoint}:${e.httpStatus}:${e.code}`)).toEqual([
          'product.list:401:91004',
          'auth.login:200:200',
          'product.list:200:200',
        ]);
      } finally {
        await strict.close();
      }
    });

    it('should give up with the coded error after one retry when the 401 persists', async () => {
      const { client } = upstreamStack(sim);
      await listProducts(client);
      sim.faults.inject('product.list', { httpStatus: 401, body: '', times: 2 });
      sim.log.clear();
      await expect(listProducts(client)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_ERROR } });
      expect(sim.log.count('product.list')).toBe(2);
      expect(sim.log.count('auth.login')).toBe(1);
    });

    it('should not renew the token for a code outside the configured list', async () => {
      const { client } = upstreamStack(sim, { tokenErrorCodes: new Set([91001, 91004]) });
      await listProducts(client);
      sim.faults.inject('enduser.domainList', { code: 5032, msg: 'Token verification failed' });
      sim.faults.inject('product.list', { code: 91005, msg: 'no permission' });
      sim.log.clear();
      await expect(listDomains(client)).rejects.toMatchObject({ extensions: { upstream: { code: 5032 } } });
      await expect(listProducts(client)).rejects.toMatchObject({ extensions: { upstream: { code: 91005 } } });
      expect(trail()).toEqual(['enduser.domainList:5032', 'product.list:91005']);
    });
  });

  it('should turn code != 200 inside HTTP 200 into a coded error with the upstream detail only', async () => {
    const { client } = upstreamStack(sim);
    const error = await client
      .request({
        endpoint: 'device.detail',
        method: 'GET',
        path: '/v2/devicemgr/r3/openapi/device/detail',
        query: { productKey: 'pNOPE1', deviceKey: 'X' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).extensions).toEqual({
      code: expect.any(String),
      upstream: { code: expect.any(Number), msg: expect.any(String) },
    });
  });

  it.each([
    [{ httpStatus: 502 }, ErrorCode.UPSTREAM_UNAVAILABLE],
    [{ httpStatus: 429 }, ErrorCode.RATE_LIMITED],
    [{ code: 50000, msg: 'service exception' }, ErrorCode.UPSTREAM_UNAVAILABLE],
    [{ body: '<html>oops</html>' }, ErrorCode.UPSTREAM_ERROR],
  ])('should map the fault %j to %s without retrying', async (fault, code) => {
    const { client } = upstreamStack(sim);
    await listProducts(client);
    sim.faults.inject('product.list', fault);
    sim.log.clear();
    await expect(listProducts(client)).rejects.toMatchObject({ extensions: expect.objectContaining({ code }) });
    expect(sim.log.count('product.list')).toBe(1);
  });

  it('should give up after the timeout with UPSTREAM_UNAVAILABLE', async () => {
    const { client } = upstreamStack(sim, { timeoutMs: 200 });
    await listProducts(client);
    sim.faults.inject('product.list', { delayMs: 2000 });
    await expect(listProducts(client)).rejects.toMatchObject({
      message: expect.stringContaining('within 200 ms'),
      extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE },
    });
  });

  it('should never put the token or the secret into an error', async () => {
    const { client, tokens } = upstreamStack(sim);
    const token = await tokens.getToken();
    const failures: unknown[] = [];
    for (const fault of [{ httpStatus: 500 }, { code: 91004, msg: 'token incorrect', times: 2 }, { body: 'nope' }]) {
      sim.faults.inject('product.list', fault);
      failures.push(await listProducts(client).catch((e: unknown) => e));
    }
    const text = JSON.stringify(failures.map((f) => ({ message: (f as Error).message, extensions: (f as UpstreamError).extensions })));
    expect(text).not.toContain(token.slice(5, 30));
    expect(text).not.toContain(sim.credentials.accessSecret);
  });

  it('should report an unknown AccessKey as 90047 without a token', async () => {
    const { client } = upstreamStack({ ...sim, credentials: { accessKey: 'unknownKey000000', accessSecret: 'x' } } as SimulatorHandle);
    await expect(listProducts(client)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_ERROR, upstream: { code: 90047 } } });
  });
});
