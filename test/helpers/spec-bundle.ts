import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Run when each spec of a bundle ends; registered by the project's setup files (this file's module is per test file). */
const specEndHooks: Array<() => void> = [];

/**
 * For a jest setup file whose per-file check must hold per spec inside a bundle (the request-contract check): `hook`
 * runs in an `afterAll` of every spec's `describe`, and a throw fails that spec's block, named after it.
 */
export function whenEachSpecEnds(hook: () => void): void {
  specEndHooks.push(hook);
}

/**
 * Runs every `*.spec.ts` of `folder` inside the calling jest test file, each in a `describe` named after it.
 *
 * Jest gives every test file a fresh module registry, so each file loads src/ again and builds the schema again
 * (about 1.2 s of CPU). Specs that drive the whole app spent more CPU as separate files rebuilding it than testing
 * it; as one file they share one build (docs/development.md, "Specs in one file").
 * The `describe` per spec keeps a spec's top-level hooks to its own tests, and the hooks registered with
 * `whenEachSpecEnds` run when each spec ends. `SPEC=<part of a file name>` runs only the specs whose names contain it.
 * Returns the names of the specs it registered.
 */
export function runSpecs(folder: string): string[] {
  const only = process.env.SPEC;
  const specs = readdirSync(folder)
    .filter((name) => name.endsWith('.spec.ts') && (!only || name.includes(only)))
    .sort();
  if (specs.length === 0) {
    // Jest fails a file without tests; this says why there is nothing to run.
    test.skip(`no spec in ${folder} has "${only}" in its name (SPEC)`, () => {});
    return [];
  }
  for (const name of specs) {
    describe(name, () => {
      try {
        require(join(folder, name));
      } catch (error) {
        // A spec that does not load fails as a test of its own instead of failing the whole bundle unrun.
        test('loads', () => {
          throw error;
        });
        return;
      }
      for (const hook of specEndHooks) {
        afterAll(() => {
          try {
            hook();
          } catch (error) {
            if (error instanceof Error) error.message = `${name}: ${error.message}`;
            throw error;
          }
        });
      }
    });
  }
  return specs;
}
