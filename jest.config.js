/**
 * Four projects, one per test folder family, so a loop can run just one of them (`npm run test:unit` etc.);
 * `jest` with no flags runs all four.
 *
 * Files are only transpiled, one by one (isolatedModules): types are checked once, by `npm run check:types`, which
 * `npm test` runs before jest. TypeScript 7 transpiles the tree at the start of every run (the global setup), and
 * ts-jest whatever that did not cover. Transpiling file by file still emits the decorator metadata type-graphql reads
 * (test/unit/schema-sdl.spec.ts guards the SDL byte for byte).
 */
const TEST_TIMEOUT = 30000;

/** @type {import('jest').Config} */
const base = {
  rootDir: __dirname,
  // This checkout's own transform cache (not the machine-wide /tmp/jest_*): warm from the second run on, and
  // started afresh by `npm ci`.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  // jest-environment-node plus one seed snapshot store per worker: simulator starts parse a copy of the seed.
  testEnvironment: '<rootDir>/test/helpers/test-environment.ts',
  // jest-runtime with V8 code caching of the modules it compiles, per worker (see the file).
  runtime: '<rootDir>/test/helpers/code-cache-runtime.js',
  testMatch: ['**/*.test.ts'],
  // ts-jest, transpile only, required on a transform cache miss only (see the file).
  transform: { '^.+\\.ts$': ['<rootDir>/test/helpers/ts-jest-lazy.js', { tsconfig: { isolatedModules: true } }] },
  setupFiles: ['reflect-metadata'],
  testTimeout: TEST_TIMEOUT,
};

/**
 * Every request a test makes our client send to a simulator is checked against the platform's public parameter
 * tables (test/helpers/request-contract-setup.ts); the simulator project's own tests send malformed ones on purpose.
 */
const checkRequests = { setupFilesAfterEnv: ['<rootDir>/test/helpers/request-contract-setup.ts'] };

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: TEST_TIMEOUT,
  // Jest's default (cores - 1) is one worker on the 2-core development and CI machines, i.e. everything in band;
  // the suites mostly wait on loopback HTTP and child processes, so two workers keep both cores busy.
  maxWorkers: 2,
  // Jest's order, except that a spec bundle weighs as its specs before any timings exist, and a run of part of a file
  // (SPEC=, -t) keeps that file's last whole timing (see the file).
  testSequencer: '<rootDir>/test/helpers/test-sequencer.js',
  // Once per run, before any project's setup: TypeScript 7 compiles the tree for the transformer (see the file).
  globalSetup: '<rootDir>/test/helpers/jest-precompile.js',
  projects: [
    {
      ...base,
      ...checkRequests,
      displayName: 'unit',
      // Pure code plus the upstream client against the in-process simulator; needs no build.
      roots: ['<rootDir>/test/unit', '<rootDir>/test/datasources'],
    },
    // One test file, test/operations/operations.test.ts, runs every *.spec.ts there with one build of the app
    // (docs/development.md, "Specs in one file").
    { ...base, ...checkRequests, displayName: 'operations', roots: ['<rootDir>/test/operations'] },
    { ...base, displayName: 'simulator', roots: ['<rootDir>/test/simulator'] },
    {
      ...base,
      ...checkRequests,
      displayName: 'e2e',
      // Spawns the built service and scripts from dist/: build them (incrementally) once before the run.
      roots: ['<rootDir>/test/e2e'],
      globalSetup: '<rootDir>/test/helpers/build-dist.js',
    },
  ],
};
