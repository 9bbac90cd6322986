/**
 * Runs `attempt`, and once more if the first has not settled within `afterMs` and `mayHedge()` still agrees at that
 * moment; resolves with the first success (a "hedged request"). A failure before the hedge starts is returned at once
 * (the retry policy decides what comes next); after it starts, the other exchange still has its chance, and only when
 * both failed is the first error returned. The slower exchange is not cancelled: it ends at its own timeout and its
 * answer is dropped. Only for reads: sending one twice cannot act twice.
 */
export function hedged<T>(attempt: () => Promise<T>, afterMs: number, mayHedge: () => boolean, onHedge: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let running = 0;
    let settled = false;
    let firstError: unknown;
    let timer: NodeJS.Timeout | undefined;
    const start = () => {
      running++;
      attempt().then(
        (value) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          running--;
          if (firstError === undefined) firstError = error;
          // Settle once nothing is left running; clearing a pending hedge timer sends a failure that came before
          // the hedge straight back to the retry policy.
          if (settled || running > 0) return;
          settled = true;
          clearTimeout(timer);
          reject(firstError);
        },
      );
    };
    timer = setTimeout(() => {
      timer = undefined;
      if (settled || !mayHedge()) return;
      onHedge();
      start();
    }, afterMs);
    timer.unref?.();
    start();
  });
}
