import { startSimulator, type SimulatorHandle } from '../../simulator';
import { PATHS, call, decodeJwtPayload, fakeClock, loginQuery, rawUsername, sha256Hex } from './support/sim-client';

// §2.1 test vector.
const VECTOR = {
  accessKey: '24b9zicjuns41H6MDg71AMnP',
  accessSecret: '6AE3p2SnA9ShP7ofigrccoeeks8DDoteJ1jUUTEz',
  timestamp: 1743059249391,
  password: '34fe86986230670cba424cadd01ded50f04929de3bfb0b0aef033ccee314fed1',
};

describe('accessKeyLogin', () => {
  const clock = fakeClock(VECTOR.timestamp);
  let sim: SimulatorHandle;

  beforeAll(async () => {
    sim = await startSimulator({ clock, credentials: { accessKey: VECTOR.accessKey, accessSecret: VECTOR.accessSecret } });
  });
  afterAll(() => sim.close());
  beforeEach(() => clock.set(VECTOR.timestamp));

  const vectorQuery = () => ({ grant_type: 'password', username: rawUsername(VECTOR.accessKey, VECTOR.timestamp), password: VECTOR.password });

  it('should accept the documented test vector', async () => {
    const { status, body } = await call(sim, PATHS.login, vectorQuery());
    expect(status).toBe(200);
    expect(body).toEqual({
      code: 200,
      msg: 'OK',
      access_token: expect.stringMatching(/^QJWT [\w-]+\.[\w-]+\.[\w-]+$/),
      token_type: 'jwt',
      expires_in: 7200,
      scope: '',
    });
  });

  it('should derive the documented password from the raw username and secret', () => {
    expect(sha256Hex(rawUsername(VECTOR.accessKey, VECTOR.timestamp) + VECTOR.accessSecret)).toBe(VECTOR.password);
  });

  it('should send the username URI-encoded exactly as the reference shows', async () => {
    const url = new URL(sim.baseUrl + PATHS.login);
    url.searchParams.set('grant_type', 'password');
    url.searchParams.set('username', rawUsername(VECTOR.accessKey, VECTOR.timestamp));
    url.searchParams.set('password', VECTOR.password);
    expect(url.search).toContain(
      'username=ver%3D1%26auth_mode%3DaccessKey%26sign_method%3Dsha256%26access_key%3D24b9zicjuns41H6MDg71AMnP%26timestamp%3D1743059249391',
    );
    const body = (await (await fetch(url)).json()) as { code: number };
    expect(body.code).toBe(200);
  });

  it('should mint an HS256 JWT with the documented claims', async () => {
    const { body } = await call(sim, PATHS.login, vectorQuery());
    const header = JSON.parse(Buffer.from(body.access_token.slice(5).split('.')[0], 'base64url').toString());
    expect(header).toEqual({ alg: 'HS256' });
    const claims = decodeJwtPayload(body.access_token);
    expect(claims).toEqual({
      sub: expect.any(String),
      iat: Math.floor(VECTOR.timestamp / 1000),
      exp: Math.floor(VECTOR.timestamp / 1000) + 7200,
      jti: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      uty: 'ent',
      am: 'AccessKey',
      sp: '',
    });
  });

  it('should accept POST as the old docs allow', async () => {
    const { body } = await call(sim, PATHS.login, vectorQuery(), { method: 'POST' });
    expect(body.code).toBe(200);
  });

  it('should accept POST with the fields as a form body', async () => {
    const form = new URLSearchParams(vectorQuery()).toString();
    const { body } = await call(
      sim,
      PATHS.login,
      {},
      { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    );
    expect(body.code).toBe(200);
  });

  it('should accept the fields of username in any order', async () => {
    const username = `timestamp=${VECTOR.timestamp}&access_key=${VECTOR.accessKey}&sign_method=sha256&auth_mode=accessKey&ver=1`;
    const { body } = await call(sim, PATHS.login, { grant_type: 'password', username, password: sha256Hex(username + VECTOR.accessSecret) });
    expect(body.code).toBe(200);
  });

  it('should answer 90047 with the documented body for an unknown AccessKey', async () => {
    const { status, body } = await call(sim, PATHS.login, loginQuery('unknownKey000000000000000', VECTOR.accessSecret, VECTOR.timestamp));
    expect(status).toBe(200);
    expect(body).toEqual({ msg: "AccessKey didn't exists", code: 90047, error: "AccessKey didn't exists" });
  });

  it('should answer 50005 for a wrong password', async () => {
    const { body } = await call(sim, PATHS.login, { ...vectorQuery(), password: VECTOR.password.replace(/^3/, '4') });
    expect(body).toEqual({ code: 50005, msg: 'param check error', error: 'param check error' });
  });

  it('should answer 50005 for an uppercase hex password', async () => {
    const { body } = await call(sim, PATHS.login, { ...vectorQuery(), password: VECTOR.password.toUpperCase() });
    expect(body.code).toBe(50005);
  });

  it('should answer 50005 when signed with the wrong secret', async () => {
    const { body } = await call(sim, PATHS.login, loginQuery(VECTOR.accessKey, 'not-the-secret', VECTOR.timestamp));
    expect(body.code).toBe(50005);
  });

  it('should accept a timestamp exactly 10 minutes off', async () => {
    clock.set(VECTOR.timestamp + 10 * 60_000);
    expect((await call(sim, PATHS.login, vectorQuery())).body.code).toBe(200);
    clock.set(VECTOR.timestamp - 10 * 60_000);
    expect((await call(sim, PATHS.login, vectorQuery())).body.code).toBe(200);
  });

  it('should answer 50005 for a timestamp more than 10 minutes behind or ahead of the clock', async () => {
    clock.set(VECTOR.timestamp + 10 * 60_000 + 1);
    expect((await call(sim, PATHS.login, vectorQuery())).body.code).toBe(50005);
    clock.set(VECTOR.timestamp - 10 * 60_000 - 1);
    expect((await call(sim, PATHS.login, vectorQuery())).body.code).toBe(50005);
  });

  it('should answer 50005 when grant_type is not password', async () => {
    expect((await call(sim, PATHS.login, { ...vectorQuery(), grant_type: 'client_credentials' })).body.code).toBe(50005);
    const { grant_type: _omitted, ...withoutGrant } = vectorQuery();
    expect((await call(sim, PATHS.login, withoutGrant)).body.code).toBe(50005);
  });

  it('should answer 50005 when username or password is missing', async () => {
    expect((await call(sim, PATHS.login, { grant_type: 'password', password: VECTOR.password })).body.code).toBe(50005);
    expect((await call(sim, PATHS.login, { grant_type: 'password', username: rawUsername(VECTOR.accessKey, VECTOR.timestamp) })).body.code).toBe(
      50005,
    );
  });

  it('should answer 50005 when the username was not URI-encoded', async () => {
    // The fields then arrive as separate query parameters and username is just "ver=1".
    const url = `${sim.baseUrl}${PATHS.login}?grant_type=password&username=${rawUsername(VECTOR.accessKey, VECTOR.timestamp)}&password=${VECTOR.password}`;
    const body = (await (await fetch(url)).json()) as { code: number };
    expect(body.code).toBe(50005);
  });

  it('should answer 50005 for a username with a wrong or extra field', async () => {
    const wrongMethod = rawUsername(VECTOR.accessKey, VECTOR.timestamp).replace('sha256', 'md5');
    expect(
      (await call(sim, PATHS.login, { grant_type: 'password', username: wrongMethod, password: sha256Hex(wrongMethod + VECTOR.accessSecret) })).body
        .code,
    ).toBe(50005);
    const extra = `${rawUsername(VECTOR.accessKey, VECTOR.timestamp)}&nonce=1`;
    expect(
      (await call(sim, PATHS.login, { grant_type: 'password', username: extra, password: sha256Hex(extra + VECTOR.accessSecret) })).body.code,
    ).toBe(50005);
  });

  it('should count every issued token', async () => {
    const before = sim.tokens.issuedCount();
    await call(sim, PATHS.login, vectorQuery());
    await call(sim, PATHS.login, { ...vectorQuery(), password: 'bad' });
    expect(sim.tokens.issuedCount()).toBe(before + 1);
  });
});

describe('token lifetime option', () => {
  it('should report a configured tokenTtlSeconds in expires_in and exp', async () => {
    const clock = fakeClock(VECTOR.timestamp);
    const sim = await startSimulator({
      clock,
      tokenTtlSeconds: 86400,
      credentials: { accessKey: VECTOR.accessKey, accessSecret: VECTOR.accessSecret },
    });
    try {
      const { body } = await call(sim, PATHS.login, loginQuery(VECTOR.accessKey, VECTOR.accessSecret, VECTOR.timestamp));
      expect(body.expires_in).toBe(86400);
      const claims = decodeJwtPayload(body.access_token);
      expect((claims.exp as number) - (claims.iat as number)).toBe(86400);
    } finally {
      await sim.close();
    }
  });
});
