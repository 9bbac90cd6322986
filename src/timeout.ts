/**
 * Resolves with `fallback` when `promise` has not settled within `ms`. For calls to shared stores whose client
 * may queue commands indefinitely while the server is away (node-redis does), where waiting is worse than a miss.
 * The timer is unref'd so it never keeps the process alive.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
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
