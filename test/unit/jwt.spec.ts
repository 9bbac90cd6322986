import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';
import { createJwtVerifier, JwtRejected, scopesOfClaim } from '../../src/auth/callers/jwt';

const ISSUER = 'https://issuer.test';
const AUDIENCE = 'quec-graph';
const SECRET = 'a-shared-hs256-secret-of-at-least-32-chars';

function sign(
  key: KeyLike | Uint8Array,
  alg: string,
  claims: Record<string, unknown>,
  options: { kid?: string; issuer?: string; audience?: string; expires?: string | null } = {},
) {
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg, ...(options.kid ? { kid: options.kid } : {}) })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt();
  if (options.expires !== null) jwt = jwt.setExpirationTime(options.expires ?? '5m');
  return jwt.sign(key);
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JwtRejected) return error.reason;
    throw error;
  }
  throw new Error('expected the token to be rejected');
}

describe('JWT verification with a shared HS256 key', () => {
  const key = new TextEncoder().encode(SECRET);
  const verify = createJwtVerifier({ keys: { kind: 'secret', secret: SECRET }, issuer: ISSUER, audience: AUDIENCE });

  it('should accept a valid token and give the scopes of its space-separated scope claim', async () => {
    await expect(verify(await sign(key, 'HS256', { scope: 'read pii openid' }))).resolves.toEqual(['read', 'pii']);
  });

  it('should accept the scope claim as an array', async () => {
    await expect(verify(await sign(key, 'HS256', { scope: ['control', 'admin', 42] }))).resolves.toEqual(['control', 'admin']);
  });

  it('should give no scope when the claim is missing', async () => {
    await expect(verify(await sign(key, 'HS256', {}))).resolves.toEqual([]);
  });

  it('should reject a token signed with another key', async () => {
    const other = new TextEncoder().encode('another-shared-secret-of-32-characters!!');
    expect(await rejection(verify(await sign(other, 'HS256', { scope: 'read' })))).toBe('bad signature');
  });

  it('should reject an expired token, another issuer, another audience and a token without exp', async () => {
    expect(await rejection(verify(await sign(key, 'HS256', {}, { expires: '-2m' })))).toBe('expired');
    expect(await rejection(verify(await sign(key, 'HS256', {}, { issuer: 'https://evil.test' })))).toBe('claim iss is not acceptable');
    expect(await rejection(verify(await sign(key, 'HS256', {}, { audience: 'another-service' })))).toBe('claim aud is not acceptable');
    expect(await rejection(verify(await sign(key, 'HS256', {}, { expires: null })))).toBe('claim exp is not acceptable');
  });

  it('should reject a malformed token and an unsigned one', async () => {
    expect(await rejection(verify('not.a.jwt'))).toBe('malformed token');
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, exp: 9_999_999_999, scope: 'admin' })).toString('base64url');
    expect(await rejection(verify(`${header}.${payload}.`))).toMatch(/algorithm not allowed|malformed token/);
  });
});

describe('JWT verification against a JWKS', () => {
  let server: Server;
  let jwksUrl: string;
  let signingKey: KeyLike;
  let jwksRequests = 0;
  let published: JWK[] = [];

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    signingKey = pair.privateKey;
    published = [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }];
    server = createServer((_req, res) => {
      jwksRequests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should accept a token signed with a published key and fetch the JWKS once for several tokens', async () => {
    const verify = createJwtVerifier({ keys: { kind: 'jwks', url: jwksUrl }, issuer: ISSUER, audience: AUDIENCE });
    jwksRequests = 0;
    await expect(verify(await sign(signingKey, 'ES256', { scope: 'read control' }, { kid: 'k1' }))).resolves.toEqual(['read', 'control']);
    await expect(verify(await sign(signingKey, 'ES256', { scope: 'admin' }, { kid: 'k1' }))).resolves.toEqual(['admin']);
    expect(jwksRequests).toBe(1);
  });

  it('should reject a token signed with a key the JWKS does not publish', async () => {
    const verify = createJwtVerifier({ keys: { kind: 'jwks', url: jwksUrl }, issuer: ISSUER, audience: AUDIENCE });
    const stranger = await generateKeyPair('ES256');
    expect(await rejection(verify(await sign(stranger.privateKey, 'ES256', { scope: 'admin' }, { kid: 'k1' })))).toBe('bad signature');
  });

  it('should refuse HS256 tokens when keys come from a JWKS', async () => {
    const verify = createJwtVerifier({ keys: { kind: 'jwks', url: jwksUrl }, issuer: ISSUER, audience: AUDIENCE });
    const hs = await sign(new TextEncoder().encode(SECRET), 'HS256', { scope: 'admin' }, { kid: 'k1' });
    expect(await rejection(verify(hs))).toBe('algorithm not allowed');
  });

  it('should reject, not fail, when the JWKS cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const verify = createJwtVerifier({ keys: { kind: 'jwks', url: `http://127.0.0.1:${port}/jwks` }, issuer: ISSUER, audience: AUDIENCE });
    expect(await rejection(verify(await sign(signingKey, 'ES256', { scope: 'read' }, { kid: 'k1' })))).toBe('the JWKS could not be fetched');
  });
});

describe('scopesOfClaim', () => {
  it('should keep only known scopes, once each', () => {
    expect(scopesOfClaim('read  read\tpii superuser')).toEqual(['read', 'pii']);
    expect(scopesOfClaim({ read: true })).toEqual([]);
    expect(scopesOfClaim(undefined)).toEqual([]);
  });
});
