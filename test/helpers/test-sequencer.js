// Jest test sequencer: jest's own, but a spec bundle weighs as the specs it runs when there are no timings yet, and a
// run of only some of a file's tests leaves that file's timing alone.
//
// Jest runs the files that took longest last time first, so the two workers finish together. On the first run after a
// clone it has no timings and orders by file size instead, and a bundle (test/helpers/spec-bundle.ts) is a few lines
// that run a folder of specs: the largest suites started last and the run ended on one worker. A file that calls
// `runSpecs` counts here as the total size of the *.spec.ts files under its folder. Once timings exist they decide,
// as in jest.
//
// Jest records each file's duration after every run, also when `SPEC=paging` ran one spec of the operations bundle or
// `-t` one test: the next full run took that bundle (about 25 s of work) for a 9 s one and started it after the
// smaller files, late enough to leave one worker running it alone at the end. A file that ran only in part keeps the
// timing of its last whole run. Plain JavaScript: jest requires its sequencer untransformed.
const { readFileSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

function specBytes(folder) {
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) bytes += specBytes(full);
    else if (entry.name.endsWith('.spec.ts')) bytes += statSync(full).size;
  }
  return bytes;
}

function isBundle(source) {
  return /\brunSpecs\(/.test(source);
}

/** A test file's size, or for a bundle the size of the specs it runs. */
function weight(testPath) {
  const source = readFileSync(testPath, 'utf8');
  return isBundle(source) ? specBytes(path.dirname(testPath)) : Buffer.byteLength(source);
}

class BundleAwareSequencer extends Sequencer {
  constructor(options) {
    super(options);
    // `-t`: every file ran some of its tests. SPEC: a bundle ran the specs whose names match (spec-bundle.ts).
    this.ranInPart = options?.globalConfig?.testNamePattern
      ? () => true
      : process.env.SPEC
        ? (testPath) => isBundle(readFileSync(testPath, 'utf8'))
        : () => false;
  }

  cacheResults(tests, results) {
    super.cacheResults(tests, { ...results, testResults: results.testResults.filter((result) => !this.ranInPart(result.testFilePath)) });
  }

  sort(tests) {
    if (tests.some((test) => this.time(test) !== undefined)) return super.sort(tests);
    const weights = new Map(tests.map((test) => [test.path, weight(test.path)]));
    return [...tests].sort((a, b) => weights.get(b.path) - weights.get(a.path));
  }
}

module.exports = BundleAwareSequencer;
