import { TestEnvironment } from 'jest-environment-node';
import { SEED_SNAPSHOTS } from '../../simulator/seed/seed-snapshots';

/**
 * Jest loads the test environment module once per worker process, while every test file gets a fresh module
 * registry and a fresh `globalThis`. This Map therefore outlives the files: each worker generates a seed once and
 * every later simulator start in that worker parses its own copy (simulator/seed/seed-snapshots.ts). It holds only
 * strings, so nothing mutable and no object of another realm reaches a test.
 */
const seedSnapshots = new Map<string, string>();

/** jest-environment-node plus the worker's seed snapshots on each test file's global. */
export default class QuecTestEnvironment extends TestEnvironment {
  constructor(...args: ConstructorParameters<typeof TestEnvironment>) {
    super(...args);
    this.global[SEED_SNAPSHOTS as unknown as string] = seedSnapshots;
  }
}
