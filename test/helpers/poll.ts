/**
 * Reads `probe` every `everyMs` until `done` holds for what it returned, and resolves with that value; rejects after
 * `boundMs` naming `what` never happened, with the last value seen. For state nothing signals (another process's
 * `/metrics`, a client reconnecting by itself, a Redis key expiring): a condition, never a fixed sleep.
 */
export async function pollUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, boundMs: number, everyMs = 25): Promise<T> {
  const deadline = performance.now() + boundMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (performance.now() >= deadline) {
      const seen = typeof value === 'string' ? value : JSON.stringify(value);
      throw new Error(`${what} did not happen within ${boundMs} ms; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
