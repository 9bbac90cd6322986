import { Authenticator } from '../../src/auth/callers/authenticate';
import { parseApiKeys } from '../../src/auth/callers/api-keys';
import { AppError } from '../../src/errors';

const ROUTER_SECRET = 'router-shared-secret-0123';
const keys = parseApiKeys('reader-key-0123456:read,operator-key-0123:read+control');
/** A stand-in verifier: "good" tokens carry `pii`, anything else is refused. */
const verifyJwt = async (token: string) => {
  if (token !== 'good.token.sig') throw new Error('refused');
  return ['read', 'pii'] as ['read', 'pii'];
};

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('Authenticator without any auth configured', () => {
  const auth = new Authenticator({ apiKeys: [] });

  it('should treat every caller as the local caller with every scope', async () => {
    const caller = await auth.authenticate({ 'x-api-key': 'whatever' });
    expect({ kind: caller.kind, scopes: [...caller.scopes] }).toEqual({ kind: 'local', scopes: ['read', 'control', 'admin', 'pii'] });
    expect(auth.required).toBe(false);
    expect(auth.unauthenticatedCaller.kind).toBe('local');
  });
});

describe('Authenticator with API keys, JWTs and a router secret', () => {
  const auth = new Authenticator(
    { apiKeys: keys, routerSecret: ROUTER_SECRET, jwt: { keys: { kind: 'secret', secret: 'x'.repeat(32) }, issuer: 'i', audience: 'a' } },
    undefined,
    verifyJwt,
  );

  it("should give an API key caller the key's scopes", async () => {
    const caller = await auth.authenticate({ 'x-api-key': 'operator-key-0123' });
    expect({ kind: caller.kind, scopes: [...caller.scopes], viaRouter: caller.viaRouter }).toEqual({
      kind: 'api-key',
      scopes: ['read', 'control'],
      viaRouter: false,
    });
  });

  it("should give a bearer token caller the token's scopes, whatever the case of the scheme and header names", async () => {
    const caller = await auth.authenticate({ Authorization: 'bearer good.token.sig' });
    expect({ kind: caller.kind, scopes: [...caller.scopes] }).toEqual({ kind: 'jwt', scopes: ['read', 'pii'] });
  });

  it('should be anonymous when nothing is presented', async () => {
    expect((await auth.authenticate({})).kind).toBe('anonymous');
    expect(auth.unauthenticatedCaller.kind).toBe('anonymous');
  });

  it('should refuse a wrong key, a refused token, a non-bearer scheme, both credentials at once and a repeated header', async () => {
    expect(await codeOf(auth.authenticate({ 'x-api-key': 'reader-key-012345' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(auth.authenticate({ authorization: 'Bearer bad.token.sig' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(auth.authenticate({ authorization: 'Basic dXNlcjpwYXNz' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(auth.authenticate({ 'x-api-key': 'reader-key-0123456', authorization: 'Bearer good.token.sig' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(auth.authenticate({ 'x-api-key': ['reader-key-0123456', 'operator-key-0123'] }))).toBe('UNAUTHENTICATED');
  });

  it("should mark a request with the right router secret as via the router, with the client credential's scopes", async () => {
    const caller = await auth.authenticate({ 'x-router-secret': ROUTER_SECRET, 'x-api-key': 'reader-key-0123456' });
    expect({ kind: caller.kind, scopes: [...caller.scopes], viaRouter: caller.viaRouter }).toEqual({
      kind: 'api-key',
      scopes: ['read'],
      viaRouter: true,
    });
  });

  it('should give the router alone no scope when clients authenticate themselves', async () => {
    const caller = await auth.authenticate({ 'x-router-secret': ROUTER_SECRET });
    expect({ kind: caller.kind, scopes: [...caller.scopes], viaRouter: caller.viaRouter }).toEqual({ kind: 'router', scopes: [], viaRouter: true });
  });

  it('should refuse a wrong router secret', async () => {
    expect(await codeOf(auth.authenticate({ 'x-router-secret': `${ROUTER_SECRET}x`, 'x-api-key': 'reader-key-0123456' }))).toBe('UNAUTHENTICATED');
  });

  it('should describe its mode without any secret', () => {
    const line = auth.describe();
    expect(line).toBe('inbound auth required: 2 API key(s), JWT (HS256 shared key, issuer i), router secret');
    expect(line).not.toContain('reader-key');
  });
});

describe('Authenticator with only a router secret', () => {
  const auth = new Authenticator({ apiKeys: [], routerSecret: ROUTER_SECRET });

  it('should trust the router with every scope, since it is the only authenticator', async () => {
    const caller = await auth.authenticate({ 'x-router-secret': ROUTER_SECRET });
    expect({ kind: caller.kind, scopes: [...caller.scopes] }).toEqual({ kind: 'router', scopes: ['read', 'control', 'admin', 'pii'] });
  });

  it('should refuse an API key, since none is configured', async () => {
    expect(await codeOf(auth.authenticate({ 'x-api-key': 'reader-key-0123456' }))).toBe('UNAUTHENTICATED');
  });
});
