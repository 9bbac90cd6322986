// Jest globalSetup of the e2e project: `npm run build` once per run. tsconfig.build.json is a composite project, so
// `tsc -b` on an unchanged tree only compares the build state with the sources (half a second, where `tsc -p` took
// five re-reading them all), and the unit, operations and simulator projects never build at all.
// Plain JavaScript, like every global setup here: jest would otherwise transform it with ts-jest before the run's
// precompiled tree exists (test/helpers/jest-precompile.js), loading TypeScript just for this file.
const { execFileSync } = require('node:child_process');
const { existsSync, rmSync } = require('node:fs');
const { resolve } = require('node:path');
// TypeScript 7, as `npm run build` (docs/development.md).
const typescript7 = require('./typescript-7-bin');

const ROOT = resolve(__dirname, '../..');
/** Where tsc keeps its build state for tsconfig.build.json (outDir + config name). */
const BUILD_INFO = resolve(ROOT, 'dist/tsconfig.build.tsbuildinfo');
/** Files the e2e tests spawn: without them an up-to-date build info would make tsc skip the emit. */
const SPAWNED = ['dist/src/index.js', 'dist/scripts/check-codegen.js', 'dist/scripts/doctor.js'].map((file) => resolve(ROOT, file));

module.exports = function buildDist() {
  if (SPAWNED.some((file) => !existsSync(file))) rmSync(BUILD_INFO, { force: true });
  try {
    execFileSync(process.execPath, [typescript7, '-b', resolve(ROOT, 'tsconfig.build.json')], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout = '', stderr = '' } = error;
    throw new Error(`e2e globalSetup: the build (tsc -b tsconfig.build.json) failed:\n${stdout}${stderr}`);
  }
};
