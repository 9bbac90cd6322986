import type { Timers } from './push-source';

/**
 * `work`, or a rejection saying `what` did not answer when it has not settled within `ms` (on `timers`, so tests
 * drive it). node-redis queues commands while its server is away: unbounded, one hung write would hold its message,
 * and every message behind it, with no backoff and no sign in the logs.
 */
export function within<T>(work: Promise<T>, ms: number, timers: Timers, what: string): Promise<T> {
  let timer: unknown;
  const timeout = new Promise<never>((_, reject) => {
    timer = timers.setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => timers.clearTimeout(timer));
}
