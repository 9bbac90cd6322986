import { randomUUID } from 'node:crypto';
import type { RedisScripting } from '../cache';
import { settleWithin } from '../timeout';

/**
 * What taking the fleet-wide login lock gave: `acquired` (this replica logs in, then calls `release`), `busy` (another
 * replica is logging in; wait for its token) or `unavailable` (the store did not answer; log in locally).
 */
export type LockOutcome = { state: 'acquired'; release(): Promise<void> } | { state: 'busy' } | { state: 'unavailable' };

/** A short lock that lets one replica of a fleet log in while the others wait for the token it stores. */
export interface LoginLock {
  acquire(): Promise<LockOutcome>;
}

export interface RedisLoginLockOptions {
  /** The lock expires by itself after this long, ms, so a replica that dies while holding it blocks no one for long. */
  ttlMs: number;
  /** Longest wait for Redis, ms; slower counts as `unavailable`. */
  timeoutMs: number;
  key?: string;
}

/** SET NX PX: taken only when free, and always with an expiry. */
const ACQUIRE = "return redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0";
/** Deletes the lock only if this holder still owns it: an expired lock may belong to another replica by now. */
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/**
 * The login lock in the shared Redis. Every failure (Redis down, slow, refusing) reads as `unavailable`, never as an
 * error: the caller then logs in on its own, which costs a login and never a request.
 *
 * @param client resolves the connected Redis client (connecting lazily).
 */
export function redisLoginLock(client: () => Promise<RedisScripting>, options: RedisLoginLockOptions): LoginLock {
  const key = options.key ?? 'quec-graph:upstream-login-lock';
  const bounded = <T>(work: () => Promise<T>, fallback: T) => settleWithin(work, options.timeoutMs, fallback);
  return {
    async acquire() {
      const owner = randomUUID();
      const taken = await bounded(async () => {
        const answer = await (await client()).eval(ACQUIRE, { keys: [key], arguments: [owner, String(options.ttlMs)] });
        return Number(answer) === 1 ? 'acquired' : 'busy';
      }, 'unavailable' as const);
      if (taken !== 'acquired') return { state: taken };
      return {
        state: 'acquired',
        release: async () => {
          await bounded(() => client().then((c) => c.eval(RELEASE, { keys: [key], arguments: [owner] })), undefined);
        },
      };
    },
  };
}
