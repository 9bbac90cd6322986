import { startSimulator, type SimulatorHandle } from '../../simulator';
import { suiteRulesWith } from '../helpers/strict-profile';
import { PATHS, call, decodeJwtPayload, fakeClock, login } from './support/sim-client';

const START = Date.UTC(2025, 6, 1, 8, 0, 0);
const MINUTE = 60_000;

describe('refreshToken', () => {
  const clock = fakeClock(START);
  let sim: SimulatorHandle;

  beforeAll(async () => {
    // An expired token checked on a business call answers the documented JSON 91004 here, not the bare 401 of the
    // strict rule bareUnauthorized (strict-mode.test.ts).
    sim = await startSimulator({ clock, strict: suiteRulesWith({ bareUnauthorized: false }) });
  });
  afterAll(() => sim.close());
  beforeEach(() => clock.set(START));

  const refresh = (token: string, extra: Record<string, string> = {}) =>
    call(sim, PATHS.refresh, { grant_type: 'refresh_token', refresh_token: token, ...extra });

  it('should return the same token when it was issued less than 30 minutes ago', async () => {
    const token = await login(sim, clock.now());
    clock.advance(29 * MINUTE);
    const { status, body } = await refresh(token);
    expect(status).toBe(200);
    expect(body).toEqual({ code: 200, msg: '', access_token: token, token_type: 'jwt', expires_in: 7200 - 29 * 60, scope: '' });
  });

  it('should issue a new token after 30 minutes and keep the old one valid until its expiry', async () => {
    const token = await login(sim, clock.now());
    clock.advance(31 * MINUTE);
    const issuedBefore = sim.tokens.issuedCount();
    const { body } = await refresh(token);
    expect(body.code).toBe(200);
    expect(body.access_token).not.toBe(token);
    expect(body.access_token).toMatch(/^QJWT /);
    expect(body.expires_in).toBe(7200);
    expect(decodeJwtPayload(body.access_token).iat).toBe(Math.floor(clock.now() / 1000));
    expect(sim.tokens.issuedCount()).toBe(issuedBefore + 1);

    expect((await call(sim, PATHS.productList, {}, { token })).body.code).toBe(200);
    expect((await call(sim, PATHS.productList, {}, { token: body.access_token })).body.code).toBe(200);
    clock.set(START + 7200 * 1000);
    expect((await call(sim, PATHS.productList, {}, { token })).body.code).toBe(91004);
    expect((await call(sim, PATHS.productList, {}, { token: body.access_token })).body.code).toBe(200);
  });

  it('should accept POST as the old docs allow', async () => {
    const token = await login(sim, clock.now());
    const { body } = await call(sim, PATHS.refresh, { grant_type: 'refresh_token', refresh_token: token }, { method: 'POST' });
    expect(body.access_token).toBe(token);
  });

  it('should echo the requested scope', async () => {
    const token = await login(sim, clock.now());
    expect((await refresh(token, { scope: 'userinfo' })).body.scope).toBe('userinfo');
  });

  it('should answer 91004 for an unknown token', async () => {
    const { body } = await refresh('QJWT eyJhbGciOiJIUzI1NiJ9.e30.bm90LWlzc3VlZA');
    expect(body).toEqual({ code: 91004, msg: 'token incorrect', error: 'token incorrect' });
  });

  it('should answer 91004 for a token without its QJWT prefix', async () => {
    const token = await login(sim, clock.now());
    expect((await refresh(token.slice(5))).body.code).toBe(91004);
  });

  it('should answer 91004 for an expired token', async () => {
    const token = await login(sim, clock.now());
    clock.advance(7200 * 1000);
    expect((await refresh(token)).body.code).toBe(91004);
  });

  it('should answer 91004 for a revoked token', async () => {
    const token = await login(sim, clock.now());
    sim.tokens.revokeAll();
    expect((await refresh(token)).body.code).toBe(91004);
  });

  it('should answer 50005 for a wrong grant_type or a missing refresh_token', async () => {
    const token = await login(sim, clock.now());
    expect((await call(sim, PATHS.refresh, { grant_type: 'password', refresh_token: token })).body.code).toBe(50005);
    expect((await call(sim, PATHS.refresh, { grant_type: 'refresh_token' })).body.code).toBe(50005);
  });
});
