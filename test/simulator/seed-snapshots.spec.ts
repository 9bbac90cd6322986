import { generateSeed } from '../../simulator/seed/seed';
import { fromSnapshot, SEED_SNAPSHOTS, seedData, toSnapshot } from '../../simulator/seed/seed-snapshots';
import type { SeedData } from '../../simulator/store/store.types';
import { defaultSeed } from './support/default-seed';
import { expectStrictEqual } from './support/strict-equal';

type WithSnapshots = { [SEED_SNAPSHOTS]?: Map<string, string> };
const host = globalThis as WithSnapshots;

/** Paths at which an object is reached a second time: aliasing that a JSON copy would silently split in two. */
function sharedObjects(root: unknown): string[] {
  const seen = new Set<object>();
  const shared: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object') return;
    if (seen.has(value)) {
      shared.push(path);
      return;
    }
    seen.add(value);
    const entries = value instanceof Map ? [...value] : Object.entries(value);
    for (const [key, child] of entries) walk(child, `${path}.${String(key)}`);
  };
  walk(root, 'seed');
  return shared;
}

describe('seed snapshots (one generateSeed per jest worker, a parsed copy per simulator start)', () => {
  const fresh = defaultSeed();

  it('should round-trip the seed exactly: same values, Maps, no undefined or class instances lost', () => {
    expectStrictEqual(fromSnapshot(toSnapshot(fresh)), fresh);
    expectStrictEqual(fromSnapshot(toSnapshot(generateSeed(3, 31))), generateSeed(3, 31));
    expect(fresh.devices.some((d) => d.latestProperties.size > 0)).toBe(true);
  });

  it('should find no object shared between two places of the seed, which a copy would split', () => {
    expect(sharedObjects(fresh)).toEqual([]);
  });

  it('should be installed by the test environment as one Map per worker', () => {
    expect(Object.prototype.toString.call(host[SEED_SNAPSHOTS])).toBe('[object Map]');
  });

  describe('seedData', () => {
    const installed = host[SEED_SNAPSHOTS];
    afterEach(() => {
      host[SEED_SNAPSHOTS] = installed;
    });

    // Small seeds from here on: the code path is the same, and the round trip of the default seed is checked above.
    it('should give every start its own copy, equal to a fresh generateSeed', () => {
      const expected = generateSeed(3, 31);
      host[SEED_SNAPSHOTS] = new Map();
      const first = seedData(3, 31);
      const second = seedData(3, 31);
      const third = seedData(3, 31);
      expectStrictEqual(second, expected);
      expect([...host[SEED_SNAPSHOTS]!.keys()]).toEqual(['3:31', '3:31#history']);

      first.devices[0].deviceName = 'changed by one simulator';
      first.devices[0].latestProperties.clear();
      second.products.pop();
      expectStrictEqual(third, expected);
      expectStrictEqual(seedData(3, 31), expected);
    });

    it('should share the seeded message and event logs frozen: a start appends to its own arrays, never edits an entry', () => {
      const expected = generateSeed(3, 31);
      host[SEED_SNAPSHOTS] = new Map();
      seedData(3, 31);
      const first = seedData(3, 31);
      const second = seedData(3, 31);
      const index = first.devices.findIndex((d) => d.messages.length > 0 && d.events.length > 0);
      const [device, other] = [first.devices[index], second.devices[index]];
      expect(device.messages[0]).toBe(other.messages[0]);
      expect(device.messages).not.toBe(other.messages);
      expect(Object.isFrozen(device.events[0])).toBe(true);
      expect(() => {
        device.messages[0].sendStatus = -1;
      }).toThrow(TypeError);

      device.messages.push({ ...device.messages[0], ticket: 'appended by one simulator' });
      device.events.splice(0);
      expectStrictEqual(second, expected);
      expectStrictEqual(seedData(3, 31), expected);
    });

    it('should key snapshots by seed and device count', () => {
      const snapshots = new Map<string, string>();
      host[SEED_SNAPSHOTS] = snapshots;
      const small = seedData(3, 31);
      expectStrictEqual(seedData(3, 31), small);
      expectStrictEqual(seedData(4, 31), generateSeed(4, 31));
      expectStrictEqual(seedData(3, 32), generateSeed(3, 32));
      expect([...snapshots.keys()].sort()).toEqual(['3:31', '3:31#history', '3:32', '3:32#history', '4:31', '4:31#history']);
    });

    it('should generate every time when no snapshot store is installed (npm run sim, the embedded service)', () => {
      delete host[SEED_SNAPSHOTS];
      const a: SeedData = seedData(3, 31);
      const b: SeedData = seedData(3, 31);
      expect(a).not.toBe(b);
      expectStrictEqual(a, b);
      expect(host[SEED_SNAPSHOTS]).toBeUndefined();
    });
  });
});
