import type { PushHub, PushSubscription } from '../../src/push/push-hub';

export type RouterKind = 'map' | 'scan';

/**
 * Sets how `hub` finds the subscribers of a message, for the push benchmark only. `map` keeps the hub's own
 * routing (maps by device, product and ticket). `scan` is the "before" of that: every message goes to every
 * subscriber and each one's filter (`PushSubscription.offer`) decides, as the hub did before it indexed subscribers
 * (commit 903aed8). Either way the instance's private `fanOut` is wrapped to count calls, so the bench can check
 * that the router it names is the one that ran. Throws when the hub no longer has the members this relies on, so a
 * refactor of src/push cannot make the "scan" rows silently measure the map router.
 */
export function useRouter(hub: PushHub, kind: RouterKind): { fanOuts(): number } {
  const internals = hub as unknown as { fanOut?: unknown; subscribers?: unknown };
  if (typeof internals.fanOut !== 'function' || !(internals.subscribers instanceof Set)) {
    throw new Error('PushHub no longer has fanOut() and a subscribers Set: update bench/push-latency/scan-router.ts');
  }
  type FanOut = (...args: Parameters<PushSubscription['offer']>) => number;
  const subscribers = internals.subscribers as Set<PushSubscription>;
  const byMaps = (internals.fanOut as FanOut).bind(hub);
  const byScan: FanOut = (...args) => {
    let offered = 0;
    for (const subscription of subscribers) if (subscription.offer(...args)) offered += 1;
    return offered;
  };
  const route = kind === 'scan' ? byScan : byMaps;
  let calls = 0;
  internals.fanOut = ((...args) => {
    calls += 1;
    return route(...args);
  }) satisfies FanOut;
  return { fanOuts: () => calls };
}
