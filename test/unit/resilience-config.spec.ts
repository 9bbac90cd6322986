import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config';
import { Metrics } from '../../src/observability/metrics';

describe('retry and breaker configuration', () => {
  it('should default to a 3 s budget, 3 retries, a breaker of 10, 5 s half-open and hedging after 1.5 s', () => {
    expect(loadConfig({}).upstreamResilience).toEqual({
      retryBudgetMs: 3000,
      maxRetries: 3,
      breakerThreshold: 10,
      breakerHalfOpenAfterMs: 5000,
      hedgeAfterMs: 1500,
      hedgeBudgetPercent: 10,
    });
  });

  it('should read the six variables', () => {
    const config = loadConfig({
      UPSTREAM_RETRY_BUDGET_MS: '1500',
      UPSTREAM_RETRY_MAX: '0',
      UPSTREAM_BREAKER_THRESHOLD: '4',
      UPSTREAM_BREAKER_HALF_OPEN_MS: '250',
      UPSTREAM_HEDGE_AFTER_MS: '0',
      UPSTREAM_HEDGE_BUDGET_PERCENT: '5',
    });
    expect(config.upstreamResilience).toEqual({
      retryBudgetMs: 1500,
      maxRetries: 0,
      breakerThreshold: 4,
      breakerHalfOpenAfterMs: 250,
      hedgeAfterMs: 0,
      hedgeBudgetPercent: 5,
    });
  });

  it.each([
    ['UPSTREAM_RETRY_BUDGET_MS', '-1'],
    ['UPSTREAM_RETRY_MAX', '11'],
    ['UPSTREAM_BREAKER_THRESHOLD', '0'],
    ['UPSTREAM_BREAKER_HALF_OPEN_MS', 'soon'],
    ['UPSTREAM_HEDGE_AFTER_MS', '-5'],
    ['UPSTREAM_HEDGE_BUDGET_PERCENT', '101'],
  ])('should refuse %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});

describe('TOKEN_ENCRYPTION_KEY', () => {
  it('should be absent by default (the key is then derived from the access secret)', () => {
    expect(loadConfig({}).tokenEncryptionKey).toBeUndefined();
  });

  it('should decode 32 bytes of base64', () => {
    const key = randomBytes(32);
    expect(loadConfig({ TOKEN_ENCRYPTION_KEY: key.toString('base64') }).tokenEncryptionKey).toEqual(key);
  });

  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['not base64', 'not base64 at all, this is a passphrase!'],
  ])('should refuse %s, naming the variable without echoing the value', (_name, value) => {
    let error: unknown;
    try {
      loadConfig({ TOKEN_ENCRYPTION_KEY: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/TOKEN_ENCRYPTION_KEY/);
    expect((error as Error).message).not.toContain(value);
  });
});

describe('retry and circuit metrics', () => {
  it('should count retries and publish each family circuit state', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    metrics.retry({ endpoint: 'device.detail', reason: 'http_503' });
    metrics.circuit({ family: 'device', state: 'open' });
    metrics.trackCircuits(() => ({ device: 'open', product: 'closed' }));
    const { body } = await metrics.render();
    expect(body).toMatch(/quec_graph_upstream_retries_total\{[^}]*endpoint="device.detail"[^}]*reason="http_503"[^}]*\} 1/);
    expect(body).toMatch(/quec_graph_upstream_circuit_transitions_total\{[^}]*family="device"[^}]*state="open"[^}]*\} 1/);
    expect(body).toMatch(/quec_graph_upstream_circuit_state\{[^}]*family="device"[^}]*\} 1/);
    expect(body).toMatch(/quec_graph_upstream_circuit_state\{[^}]*family="product"[^}]*\} 0/);
  });
});
