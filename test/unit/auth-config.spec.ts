import { ConfigError, isLoopbackHost, loadConfig } from '../../src/config';

describe('inbound auth configuration', () => {
  it('should default to loopback with no auth', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.auth).toEqual({ apiKeys: [], jwt: undefined, routerSecret: undefined });
  });

  it('should read API keys, a JWKS with issuer and audience, and a router secret', () => {
    const config = loadConfig({
      AUTH_API_KEYS: 'k1:read,k2:read+control+admin+pii',
      AUTH_JWKS_URL: 'https://id.example.com/.well-known/jwks.json',
      AUTH_JWT_ISSUER: 'https://id.example.com/',
      AUTH_JWT_AUDIENCE: 'quec-graph',
      ROUTER_SECRET: 'router-secret-0123456789',
    });
    expect(config.auth.apiKeys.map((k) => k.scopes)).toEqual([['read'], ['read', 'control', 'admin', 'pii']]);
    expect(config.auth.jwt).toEqual({
      keys: { kind: 'jwks', url: 'https://id.example.com/.well-known/jwks.json' },
      issuer: 'https://id.example.com/',
      audience: 'quec-graph',
    });
    expect(config.auth.routerSecret).toBe('router-secret-0123456789');
  });

  it('should refuse a non-loopback HOST without auth, naming the ways out', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/AUTH_API_KEYS.*ROUTER_SECRET.*HOST=127\.0\.0\.1.*AUTH_DISABLED_ALLOW_REMOTE=true/);
  });

  it('should accept a non-loopback HOST with any auth, or with the explicit opt-out', () => {
    expect(loadConfig({ HOST: '0.0.0.0', ROUTER_SECRET: 'router-secret-0123456789' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0', AUTH_API_KEYS: 'k1:read' }).host).toBe('0.0.0.0');
    const optedOut = loadConfig({ HOST: '0.0.0.0', AUTH_DISABLED_ALLOW_REMOTE: 'true' });
    expect(optedOut.allowRemoteWithoutAuth).toBe(true);
  });

  it('should name the variable of a malformed value', () => {
    expect(() => loadConfig({ AUTH_API_KEYS: 'k1:root' })).toThrow(/AUTH_API_KEYS: entry 1: unknown scope "root"/);
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short', AUTH_JWT_ISSUER: 'i', AUTH_JWT_AUDIENCE: 'a' })).toThrow(
      /AUTH_JWT_SECRET: must be at least 32/,
    );
    expect(() => loadConfig({ ROUTER_SECRET: 'short' })).toThrow(/ROUTER_SECRET: must be at least 16/);
    expect(() => loadConfig({ AUTH_DISABLED_ALLOW_REMOTE: 'yes' })).toThrow(/AUTH_DISABLED_ALLOW_REMOTE/);
  });

  it('should require issuer and audience with a JWT key source, and one key source only', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'x'.repeat(32) })).toThrow(/missing AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE/);
    expect(() => loadConfig({ AUTH_JWT_ISSUER: 'i', AUTH_JWT_AUDIENCE: 'a' })).toThrow(/need AUTH_JWKS_URL or AUTH_JWT_SECRET/);
    expect(() =>
      loadConfig({ AUTH_JWKS_URL: 'https://id.example.com/jwks', AUTH_JWT_SECRET: 'x'.repeat(32), AUTH_JWT_ISSUER: 'i', AUTH_JWT_AUDIENCE: 'a' }),
    ).toThrow(/not both/);
  });

  it('should know loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '::', '10.0.0.5', 'example.com'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});
