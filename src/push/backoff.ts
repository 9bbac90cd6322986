/**
 * The wait before the next attempt after `failures` failures in a row: `initialMs` doubled per failure up to `maxMs`,
 * with +-20 % jitter so replicas that lost the same broker or Redis together do not come back in lockstep. `random`
 * is in [0, 1); 0.5 means no jitter.
 */
export function backoffDelay(failures: number, initialMs: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(maxMs, initialMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(Math.min(maxMs, base * (0.8 + 0.4 * random())));
}
