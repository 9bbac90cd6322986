import type Keyv from 'keyv';
import { withTimeout } from '../timeout';

export interface ReadinessDependencies {
  /** Resolves when an upstream token is obtainable (cached or by login). */
  getToken(): Promise<unknown>;
  /** The shared store; probed only when `redisConfigured`. */
  cache: Keyv;
  redisConfigured: boolean;
  /** Longest wait per check, ms. */
  timeoutMs: number;
}

export type CheckResult = 'ok' | 'not configured' | string;

export interface Readiness {
  ready: boolean;
  checks: { upstreamToken: CheckResult; redis: CheckResult };
}

/**
 * Whether this replica can serve: an upstream token is obtainable and, when Redis is configured, Redis answers.
 * Reasons name the failure class only (an error code or `timeout`), never a message that might echo upstream
 * text or a credential.
 */
export async function checkReadiness(deps: ReadinessDependencies): Promise<Readiness> {
  const [upstreamToken, redis] = await Promise.all([
    probe(() => deps.getToken(), deps.timeoutMs),
    deps.redisConfigured ? probe(() => pingStore(deps.cache), deps.timeoutMs) : Promise.resolve<CheckResult>('not configured'),
  ]);
  return { ready: upstreamToken === 'ok' && (redis === 'ok' || redis === 'not configured'), checks: { upstreamToken, redis } };
}

async function probe(check: () => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  try {
    const result = await withTimeout<'ok' | 'timeout'>(
      check().then(() => 'ok'),
      timeoutMs,
      'timeout',
    );
    return result === 'ok' ? 'ok' : 'failed: timeout';
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return `failed: ${typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'error'}`;
  }
}

/** PING through the Redis store's client; the keyv API alone cannot tell a miss from an unreachable server. */
async function pingStore(cache: Keyv): Promise<void> {
  const store = cache.store as { getClient?: () => Promise<{ ping(): Promise<string> }> };
  if (typeof store.getClient !== 'function') throw Object.assign(new Error('store is not Redis'), { code: 'NOT_REDIS' });
  const client = await store.getClient();
  const answer = await client.ping();
  if (answer !== 'PONG') throw Object.assign(new Error('unexpected PING answer'), { code: 'REDIS_ERROR' });
}
