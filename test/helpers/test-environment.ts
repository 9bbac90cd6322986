import { TestEnvironment } from 'jest-environment-node';
import { SEED_SNAPSHOTS } from '../../simulator/seed/seed-snapshots';
import { SIMULATOR_DEFAULTS } from '../../simulator/strict/strict-rules';
import { suiteStrictRules } from './strict-profile';

/**
 * Jest loads the test environment module once per worker process, while every test file gets a fresh module
 * registry and a fresh `globalThis`. This Map therefore outlives the files: each worker generates a seed once and
 * every later simulator start in that worker parses its own copy (simulator/seed/seed-snapshots.ts). It holds only
 * strings, so nothing mutable and no object of another realm reaches a test.
 */
const seedSnapshots = new Map<string, string>();

/**
 * jest-environment-node plus, on each test file's global, the worker's seed snapshots and the suite's strict
 * simulator rules (test/helpers/strict-profile.ts) as the default of every simulator start.
 */
export default class QuecTestEnvironment extends TestEnvironment {
  constructor(...args: ConstructorParameters<typeof TestEnvironment>) {
    super(...args);
    this.global[SEED_SNAPSHOTS as unknown as string] = seedSnapshots;
    this.global[SIMULATOR_DEFAULTS as unknown as string] = { strict: suiteStrictRules() };
  }
}
