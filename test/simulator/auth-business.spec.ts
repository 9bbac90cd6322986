import { startSimulator, type SimulatorHandle } from '../../simulator';
import { suiteRulesWith } from '../helpers/strict-profile';
import { PATHS, call, fakeClock, login } from './support/sim-client';

const START = Date.UTC(2025, 6, 1, 8, 0, 0);

describe('business call authorization', () => {
  const clock = fakeClock(START);
  let sim: SimulatorHandle;

  beforeAll(async () => {
    // The documented JSON token codes (§2.3); strict-mode.test.ts covers the bare 401 a dead token gets under the
    // strict rule bareUnauthorized.
    sim = await startSimulator({ clock, strict: suiteRulesWith({ bareUnauthorized: false }) });
  });
  afterAll(() => sim.close());
  beforeEach(() => clock.set(START));

  it('should accept the token verbatim, QJWT prefix included', async () => {
    const token = await login(sim, clock.now());
    const { status, body } = await call(sim, PATHS.productList, {}, { token });
    expect(status).toBe(200);
    expect(body.code).toBe(200);
  });

  it('should answer 91001 when the Authorization header is missing or empty', async () => {
    expect((await call(sim, PATHS.productList)).body).toEqual({ code: 91001, msg: 'token not exists' });
    expect((await call(sim, PATHS.productList, {}, { token: '' })).body.code).toBe(91001);
  });

  it('should answer 91004 for a Bearer-prefixed token', async () => {
    const token = await login(sim, clock.now());
    expect((await call(sim, PATHS.productList, {}, { token: `Bearer ${token}` })).body).toEqual({ code: 91004, msg: 'token incorrect' });
    expect((await call(sim, PATHS.productList, {}, { token: `Bearer ${token.slice(5)}` })).body.code).toBe(91004);
  });

  it('should answer 91004 for the bare JWT without QJWT', async () => {
    const token = await login(sim, clock.now());
    expect((await call(sim, PATHS.productList, {}, { token: token.slice(5) })).body.code).toBe(91004);
  });

  it('should answer 91004 once the token has expired', async () => {
    const token = await login(sim, clock.now());
    clock.advance(7200 * 1000 - 1);
    expect((await call(sim, PATHS.productList, {}, { token })).body.code).toBe(200);
    clock.advance(1);
    expect((await call(sim, PATHS.productList, {}, { token })).body.code).toBe(91004);
  });

  it('should answer 91004 for every token after revokeAll and accept a fresh login', async () => {
    const first = await login(sim, clock.now());
    const second = await login(sim, clock.now());
    sim.tokens.revokeAll();
    expect((await call(sim, PATHS.productList, {}, { token: first })).body.code).toBe(91004);
    expect((await call(sim, PATHS.productDetail, { productKey: 'p1xxxx' }, { token: second })).body.code).toBe(91004);
    const fresh = await login(sim, clock.now());
    expect((await call(sim, PATHS.productList, {}, { token: fresh })).body.code).toBe(200);
  });

  it('should check the token before the parameters', async () => {
    expect((await call(sim, PATHS.productDetail)).body.code).toBe(91001);
  });

  it('should answer token errors as HTTP 200 by default', async () => {
    expect((await call(sim, PATHS.productList)).status).toBe(200);
  });
});

describe('tokenErrorHttpStatus option', () => {
  it('should answer token errors with the configured HTTP status and keep the JSON code', async () => {
    const sim = await startSimulator({ tokenErrorHttpStatus: 401 });
    try {
      const missing = await call(sim, PATHS.productList);
      expect(missing.status).toBe(401);
      expect(missing.body.code).toBe(91001);
      const token = await login(sim);
      const ok = await call(sim, PATHS.productDetail, { productKey: 'nope' }, { token });
      expect(ok.status).toBe(200);
      expect(ok.body.code).toBe(70017);
      expect(sim.log.entries().map((e) => [e.code, e.httpStatus])).toEqual([
        [91001, 401],
        [200, 200],
        [70017, 200],
      ]);
    } finally {
      await sim.close();
    }
  });
});
