import type { Device, DeviceEventRecord, DeviceMessage, PropertySample, SeedData } from '../store/store.types';
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
/** The history half of a snapshot is stored under the state's key plus this. */
const HISTORY_KEY_SUFFIX = '#history';

/**
 * A seed as two JSON texts. `history` holds every device's message and event log: about 85 % of the seed's bytes,
 * and a log the simulator only ever appends to (a device's later messages are new objects). `state` holds the rest,
 * with the two logs left as null in place so a device keeps its key order.
 */
export interface SeedSnapshot {
  state: string;
  history: string;
}

interface Histories {
  messages: DeviceMessage[][];
  events: DeviceEventRecord[][];
}

/**
 * This module instance's parsed histories, frozen, by the text they were parsed from (V8 hashes a string once). A jest
 * test file has its own module registry, so this never outlives the file that parsed it and no object of one
 * file's realm reaches another.
 */
const frozenHistories = new Map<string, Histories>();

/**
 * The platform state for (seed, deviceCount), as `generateSeed` builds it. With a snapshot store installed, the
 * first call for a key generates and keeps the result as JSON text; later calls parse their own copy of the state,
 * several times cheaper than generating again on a cold JIT. The message and event logs are parsed once per module
 * instance and shared, frozen: each start gets its own arrays (so it can append) over the same entries, and a
 * simulator that edited a seeded entry in place would throw instead of leaking into another simulator. The result
 * equals `generateSeed`'s (test/simulator/seed-snapshots.spec.ts holds it to that).
 */
export function seedData(seed: number, deviceCount: number): SeedData {
  const snapshots = (globalThis as { [SEED_SNAPSHOTS]?: SnapshotStore })[SEED_SNAPSHOTS];
  if (!snapshots) return generateSeed(seed, deviceCount);
  const key = `${seed}:${deviceCount}`;
  const state = snapshots.get(key);
  const history = snapshots.get(key + HISTORY_KEY_SUFFIX);
  if (state !== undefined && history !== undefined) return fromSnapshot({ state, history });
  const data = generateSeed(seed, deviceCount);
  const snapshot = toSnapshot(data);
  snapshots.set(key, snapshot.state);
  snapshots.set(key + HISTORY_KEY_SUFFIX, snapshot.history);
  return data;
}

/** JSON texts of seed data; Maps become `{ $mapEntries: [[key, value], ...] }`. */
export function toSnapshot(data: SeedData): SeedSnapshot {
  const histories: Histories = { messages: data.devices.map((d) => d.messages), events: data.devices.map((d) => d.events) };
  const devices = data.devices.map((d) => ({ ...d, messages: null, events: null }));
  return {
    state: JSON.stringify({ ...data, devices }, (_key, value: unknown) => (value instanceof Map ? { [MAP_ENTRIES]: [...value] } : value)),
    history: JSON.stringify(histories),
  };
}

/**
 * Seed data from `toSnapshot` texts. The only Map in the seed is `Device.latestProperties`; a reviver that looked at
 * every value would cost more than the parse itself, so that field is restored directly. The histories are parsed
 * once per history text in this module instance and shared, frozen.
 */
export function fromSnapshot(snapshot: SeedSnapshot): SeedData {
  const data = JSON.parse(snapshot.state) as SeedData;
  const histories = sharedHistories(snapshot.history);
  data.devices.forEach((device: Device, index) => {
    const encoded = device.latestProperties as unknown as { [MAP_ENTRIES]: Array<[string, PropertySample]> };
    device.latestProperties = new Map(encoded[MAP_ENTRIES]);
    device.messages = histories.messages[index].slice();
    device.events = histories.events[index].slice();
  });
  return data;
}

function sharedHistories(text: string): Histories {
  let histories = frozenHistories.get(text);
  if (!histories) {
    histories = parseHistories(text);
    frozenHistories.set(text, histories);
  }
  return histories;
}

/** Entries hold only strings, numbers and null, so freezing each entry and each log freezes everything. */
function parseHistories(text: string): Histories {
  const histories = JSON.parse(text) as Histories;
  for (const logs of [histories.messages, histories.events] as object[][][]) {
    for (const log of logs) {
      for (const entry of log) Object.freeze(entry);
      Object.freeze(log);
    }
  }
  return histories;
}
