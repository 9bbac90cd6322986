import { isNotFound } from '../../errors';

/**
 * Batch function body for upstream calls that take one key each: runs them concurrently and returns one result
 * per key in key order, the Error itself where a call failed, so one bad key never fails its neighbours.
 */
export async function settleEach<K, V>(keys: readonly K[], load: (key: K) => Promise<V>): Promise<Array<V | Error>> {
  const settled = await Promise.allSettled(keys.map(load));
  return settled.map((result) => {
    if (result.status === 'fulfilled') return result.value;
    return result.reason instanceof Error ? result.reason : new Error(String(result.reason));
  });
}

/** As `settleEach`, with `null` where upstream says the thing does not exist (or `isAbsent` says so). */
export async function perKey<K, V>(
  keys: readonly K[],
  load: (key: K) => Promise<V>,
  isAbsent: (error: unknown) => boolean = isNotFound,
): Promise<Array<V | null | Error>> {
  const results = await settleEach(keys, load);
  return results.map((result) => (result instanceof Error && isAbsent(result) ? null : result));
}
