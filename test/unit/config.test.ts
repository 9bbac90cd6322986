import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('should select the embedded simulator when no credentials are set', () => {
    const config = loadConfig({});
    expect(config.upstream).toEqual({ kind: 'simulator' });
    expect(config.port).toBe(4000);
    expect(config.redisUrl).toBeUndefined();
  });

  it('should select the platform with all three variables', () => {
    const config = loadConfig({ QUEC_ACCESS_KEY: 'ak', QUEC_ACCESS_SECRET: 'sk', QUEC_BASE_URL: 'https://example.test/' });
    expect(config.upstream).toEqual({ kind: 'platform', baseUrl: 'https://example.test', accessKey: 'ak', accessSecret: 'sk' });
  });

  it.each([
    ['cn', 'https://iot-api.quectelcn.com'],
    ['eu', 'https://iot-api.acceleronix.io'],
  ])('should map QUEC_REGION=%s to its documented host', (region, host) => {
    const config = loadConfig({ QUEC_ACCESS_KEY: 'ak', QUEC_ACCESS_SECRET: 'sk', QUEC_REGION: region });
    expect(config.upstream).toMatchObject({ baseUrl: host });
  });

  it.each([
    [{ QUEC_ACCESS_KEY: 'ak' }, /QUEC_ACCESS_SECRET/],
    [{ QUEC_ACCESS_KEY: 'ak', QUEC_ACCESS_SECRET: 'sk' }, /QUEC_BASE_URL/],
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ QUEC_REGION: 'us', QUEC_ACCESS_KEY: 'a', QUEC_ACCESS_SECRET: 'b' }, /QUEC_REGION/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL/],
    [{ QUEC_BASE_URL: 'not a url', QUEC_ACCESS_KEY: 'a', QUEC_ACCESS_SECRET: 'b' }, /QUEC_BASE_URL/],
  ])('should name the offending variable for %j', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(pattern);
  });

  it('should never echo a secret in its error', () => {
    expect(() => loadConfig({ QUEC_ACCESS_SECRET: 'super-secret-value' })).toThrow(/^(?!.*super-secret-value)/s);
  });

  it('should return a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
