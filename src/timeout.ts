/** Timer functions, injectable so tests drive timeouts, grace periods and backoff without waiting. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real timers, unref'd: a pending timeout, reconnect or idle disconnect never keeps the process alive on its own. */
export const systemTimers: Timers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/** `promise`, unless `ms` pass first: then whatever `onTimeout` settles with. The timer never outlives the race. */
function race<T>(promise: Promise<T>, ms: number, timers: Timers, onTimeout: (resolve: (value: T) => void, reject: (error: Error) => void) => void) {
  let timer: unknown;
  const timeout = new Promise<T>((resolve, reject) => {
    timer = timers.setTimeout(() => onTimeout(resolve, reject), ms);
  });
  return Promise.race([promise, timeout]).finally(() => timers.clearTimeout(timer));
}

/**
 * Resolves with `fallback` when `promise` has not settled within `ms`. For calls to shared stores whose client
 * may queue commands indefinitely while the server is away (node-redis does), where waiting is worse than a miss.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return race(promise, ms, systemTimers, (resolve) => resolve(fallback));
}

/**
 * `work()`'s result, or `fallback` when it rejects or has not settled within `ms`. For calls to a shared store (Redis)
 * whose failure must cost a miss, never an error or a wait.
 */
export function settleWithin<T>(work: () => Promise<T>, ms: number, fallback: T): Promise<T> {
  return withTimeout(
    work().catch(() => fallback),
    ms,
    fallback,
  );
}

/**
 * `promise`, or a rejection saying `what` did not answer when it has not settled within `ms` (on `timers`, so tests
 * drive it). For a step that must fail rather than miss: the push path requeues the message and backs off, where an
 * unbounded wait on a client that queues commands while Redis is away would hold it, and every message behind it,
 * with no backoff and no sign in the logs.
 */
export function rejectAfter<T>(promise: Promise<T>, ms: number, what: string, timers: Timers = systemTimers): Promise<T> {
  return race(promise, ms, timers, (_, reject) => reject(new Error(`${what} did not answer within ${ms} ms`)));
}
