import type { PropertySample, SeedData } from '../store/store.types';
import { generateSeed } from './seed';

/**
 * Where a host that starts many simulators in one process keeps seed snapshots: a `Map<string, string>` on
 * `globalThis` under this registered symbol. Nothing installs it by default (`npm run sim`, the embedded service:
 * one start, nothing to reuse), so every start generates its seed. The test runner installs one Map per jest
 * worker (test/helpers/test-environment.ts), shared by every test file that worker runs.
 */
export const SEED_SNAPSHOTS = Symbol.for('quec-graph.simulator.seed-snapshots');

type SnapshotStore = Map<string, string>;

/** Marks an encoded Map in the snapshot text. */
const MAP_ENTRIES = '$mapEntries';

/**
 * The platform state for (seed, deviceCount), as `generateSeed` builds it. With a snapshot store installed, the
 * first call for a key generates and keeps the result as JSON text; later calls parse their own copy of it, several
 * times cheaper than generating again on a cold JIT. Text is immutable, so no simulator ever sees another's writes,
 * and the result is the same as `generateSeed`'s (test/simulator/seed-snapshots.spec.ts holds it to that).
 */
export function seedData(seed: number, deviceCount: number): SeedData {
  const snapshots = (globalThis as { [SEED_SNAPSHOTS]?: SnapshotStore })[SEED_SNAPSHOTS];
  if (!snapshots) return generateSeed(seed, deviceCount);
  const key = `${seed}:${deviceCount}`;
  const text = snapshots.get(key);
  if (text !== undefined) return fromSnapshot(text);
  const data = generateSeed(seed, deviceCount);
  snapshots.set(key, toSnapshot(data));
  return data;
}

/** JSON text of seed data; Maps become `{ $mapEntries: [[key, value], ...] }`. */
export function toSnapshot(data: SeedData): string {
  return JSON.stringify(data, (_key, value: unknown) => (value instanceof Map ? { [MAP_ENTRIES]: [...value] } : value));
}

/**
 * Seed data from `toSnapshot` text. The only Map in the seed is `Device.latestProperties`; a reviver that looked at
 * every value would cost more than the parse itself, so that field is restored directly.
 */
export function fromSnapshot(text: string): SeedData {
  const data = JSON.parse(text) as SeedData;
  for (const device of data.devices) {
    const encoded = device.latestProperties as unknown as { [MAP_ENTRIES]: Array<[string, PropertySample]> };
    device.latestProperties = new Map(encoded[MAP_ENTRIES]);
  }
  return data;
}
