import { ConfigError, loadConfig } from '../../src/config';

describe('production exposure defaults', () => {
  it('should lock down introspection, landing page, suggestions and traces when NODE_ENV=production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).exposure).toEqual({
      introspection: false,
      landingPage: false,
      fieldSuggestions: false,
      tracesForAnyone: false,
    });
  });

  it('should leave them on outside production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).exposure).toEqual({
      introspection: true,
      landingPage: true,
      fieldSuggestions: true,
      tracesForAnyone: true,
    });
  });

  it('should let each variable override the NODE_ENV default', () => {
    const exposure = loadConfig({
      NODE_ENV: 'production',
      GRAPHQL_INTROSPECTION: 'true',
      GRAPHQL_LANDING_PAGE: '1',
      GRAPHQL_FIELD_SUGGESTIONS: 'yes',
      GRAPHQL_TRACES_FOR_ANYONE: 'false',
    }).exposure;
    expect(exposure).toEqual({ introspection: true, landingPage: true, fieldSuggestions: true, tracesForAnyone: false });
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).exposure.introspection).toBe(false);
  });

  it('should treat an empty variable as unset', () => {
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: '' }).exposure.introspection).toBe(false);
  });
});

describe('ops listener, body limit, persisted queries and router secret', () => {
  it('should keep /metrics and /ready on PORT unless OPS_PORT is set', () => {
    expect(loadConfig({}).ops).toBeUndefined();
  });

  it('should bind OPS_PORT to HOST unless OPS_HOST is given', () => {
    // A non-loopback HOST needs inbound auth (docs/security.md); a router secret is the smallest such setting.
    const remote = { HOST: '0.0.0.0', ROUTER_SECRET: 'a-router-secret-of-16+' };
    expect(loadConfig({ ...remote, OPS_PORT: '9464' }).ops).toEqual({ host: '0.0.0.0', port: 9464 });
    expect(loadConfig({ ...remote, OPS_PORT: '0', OPS_HOST: '127.0.0.1' }).ops).toEqual({ host: '127.0.0.1', port: 0 });
  });

  it('should default to a 1 MB body limit and bounded, expiring persisted queries', () => {
    const config = loadConfig({});
    expect(config.maxBodyBytes).toBe(1024 * 1024);
    expect(config.persistedQueries).toEqual({ ttlSeconds: 86_400, maxEntries: 10_000, maxBytes: 32 * 1024 * 1024, maxQueryBytes: 64 * 1024 });
    expect(config.auth.routerSecret).toBeUndefined();
  });

  it.each([
    [{ GRAPHQL_INTROSPECTION: 'maybe' }, /GRAPHQL_INTROSPECTION: must be true or false/],
    [{ OPS_PORT: '70000' }, /OPS_PORT/],
    [{ MAX_BODY_BYTES: '10' }, /MAX_BODY_BYTES/],
    [{ APQ_TTL_SECONDS: '0' }, /APQ_TTL_SECONDS/],
    [{ APQ_MAX_ENTRIES: '-1' }, /APQ_MAX_ENTRIES/],
    [{ APQ_MAX_BYTES: 'lots' }, /APQ_MAX_BYTES/],
    [{ APQ_MAX_BYTES: '2048', APQ_MAX_QUERY_BYTES: '4096' }, /APQ_MAX_QUERY_BYTES must not exceed APQ_MAX_BYTES/],
    [{ ROUTER_SECRET: 'short' }, /ROUTER_SECRET: must be at least 16 characters/],
  ])('should name the offending variable for %j', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(pattern);
  });

  it('should never echo the router secret in its error', () => {
    expect(() => loadConfig({ ROUTER_SECRET: 'tooshort' })).toThrow(/^(?!.*tooshort)/s);
  });
});
