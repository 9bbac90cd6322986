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

  describe('push channel', () => {
    const url = 'amqps://iot-amqp.acceleronix.io:5671/quec-open';
    const queue = 'a.1358403955870720.testQueue';

    it('should leave push disabled when neither variable is set', () => {
      expect(loadConfig({}).push).toBeUndefined();
    });

    it('should accept the URL and queue together', () => {
      expect(loadConfig({ QUEC_AMQP_URL: url, QUEC_AMQP_QUEUE: queue }).push).toEqual({ url, queue });
    });

    it.each([
      [{ QUEC_AMQP_URL: url }, /QUEC_AMQP_QUEUE is required/],
      [{ QUEC_AMQP_QUEUE: queue }, /QUEC_AMQP_URL is required/],
      [{ QUEC_AMQP_URL: 'https://iot-amqp.acceleronix.io', QUEC_AMQP_QUEUE: queue }, /QUEC_AMQP_URL: must be amqp/],
      [{ QUEC_AMQP_URL: 'amqp://user:pass@broker:5672/quec-open', QUEC_AMQP_QUEUE: queue }, /QUEC_AMQP_URL: must be amqp.*without credentials/],
      [{ QUEC_AMQP_URL: url, QUEC_AMQP_QUEUE: 'testQueue' }, /QUEC_AMQP_QUEUE: must be the full queue name/],
    ])('should name the offending variable for %j', (env, pattern) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(pattern);
    });

    it('should fan out through Redis when REDIS_URL is set, unless told to stay local', () => {
      const redis = { QUEC_AMQP_URL: url, QUEC_AMQP_QUEUE: queue, REDIS_URL: 'redis://cache:6379' };
      expect(loadConfig({ QUEC_AMQP_URL: url, QUEC_AMQP_QUEUE: queue }).push?.fanOut).toBeUndefined();
      expect(loadConfig(redis).push?.fanOut).toEqual({ dedupeTtlMs: 600_000, streamMaxLength: 10_000 });
      expect(loadConfig({ ...redis, QUEC_PUSH_DEDUPE_TTL_MS: '60000', QUEC_PUSH_FANOUT_MAX_LENGTH: '500' }).push?.fanOut).toEqual({
        dedupeTtlMs: 60_000,
        streamMaxLength: 500,
      });
      expect(loadConfig({ ...redis, QUEC_PUSH_FANOUT: 'local' }).push?.fanOut).toBeUndefined();
      expect(() => loadConfig({ QUEC_AMQP_URL: url, QUEC_AMQP_QUEUE: queue, QUEC_PUSH_FANOUT: 'redis' })).toThrow(
        /QUEC_PUSH_FANOUT=redis needs REDIS_URL/,
      );
      expect(() => loadConfig({ ...redis, QUEC_PUSH_DEDUPE_TTL_MS: '10' })).toThrow(/QUEC_PUSH_DEDUPE_TTL_MS/);
    });

    it('should not echo a URL with credentials in its error', () => {
      expect(() => loadConfig({ QUEC_AMQP_URL: 'amqp://user:hunter2@broker/quec-open', QUEC_AMQP_QUEUE: queue })).toThrow(/^(?!.*hunter2)/s);
    });
  });

  describe('token error codes', () => {
    it("should default to the device and end-user families' token codes", () => {
      expect(loadConfig({}).tokenErrorCodes).toEqual([91001, 91004, 5032, 5106]);
    });

    it('should read a comma-separated list, spaces and repeats allowed', () => {
      expect(loadConfig({ QUEC_TOKEN_ERROR_CODES: ' 91004 , 70999,91004' }).tokenErrorCodes).toEqual([91004, 70999]);
    });

    it.each(['', 'abc', '91004;5032', '91004,'])('should refuse %j naming the variable', (value) => {
      expect(() => loadConfig({ QUEC_TOKEN_ERROR_CODES: value })).toThrow(/QUEC_TOKEN_ERROR_CODES/);
    });
  });

  it('should return a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});

describe('cost and concurrency limits', () => {
  it('should default to a 500-call budget, depth 12, 50 aliases, 10 commands and 32 upstream calls in flight', () => {
    const config = loadConfig({});
    expect(config.queryLimits).toEqual({ maxUpstreamCalls: 500, maxDepth: 12, maxAliases: 50, maxCommands: 10 });
    expect(config.upstreamConcurrency).toEqual({ maxInFlight: 64, maxQueued: 1000 });
  });

  it('should read every limit from its variable', () => {
    const config = loadConfig({
      QUERY_MAX_UPSTREAM_CALLS: '100',
      QUERY_MAX_DEPTH: '8',
      QUERY_MAX_ALIASES: '5',
      QUERY_MAX_COMMANDS: '1',
      UPSTREAM_MAX_CONCURRENCY: '4',
      UPSTREAM_MAX_QUEUE: '0',
    });
    expect(config.queryLimits).toEqual({ maxUpstreamCalls: 100, maxDepth: 8, maxAliases: 5, maxCommands: 1 });
    expect(config.upstreamConcurrency).toEqual({ maxInFlight: 4, maxQueued: 0 });
  });

  it.each(['QUERY_MAX_UPSTREAM_CALLS', 'QUERY_MAX_DEPTH', 'UPSTREAM_MAX_CONCURRENCY'])('should name %s when it is not a positive integer', (name) => {
    expect(() => loadConfig({ [name]: '0' })).toThrow(new RegExp(name));
    expect(() => loadConfig({ [name]: 'many' })).toThrow(new RegExp(name));
  });
});
