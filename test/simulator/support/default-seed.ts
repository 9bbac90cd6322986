import { resolveOptions } from '../../../simulator/options';
import { generateSeed } from '../../../simulator/seed/seed';
import type { SeedData } from '../../../simulator/store/store.types';

const { seed, deviceCount } = resolveOptions();
/** What a simulator started without options seeds, read from its own defaults. */
export const DEFAULT_SEED = { seed, deviceCount } as const;

let generated: SeedData | undefined;

/**
 * The default seed, generated once per test file for the specs that only read it: generating it with its message and
 * event history takes about a second of CPU, and seed, seed-snapshots and activity-seed each did it again. Frozen
 * (Maps aside), so a spec that changed it would throw instead of changing what the next one reads.
 */
export function defaultSeed(): SeedData {
  generated ??= deepFreeze(generateSeed(DEFAULT_SEED.seed, DEFAULT_SEED.deviceCount));
  return generated;
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (value instanceof Map) {
    for (const entry of value.values()) deepFreeze(entry);
    return value;
  }
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
