// Jest test sequencer: jest's own, but a spec bundle weighs as the specs it runs when there are no timings yet.
//
// Jest runs the files that took longest last time first, so the two workers finish together. On the first run after a
// clone it has no timings and orders by file size instead, and a bundle (test/helpers/spec-bundle.ts) is a few lines
// that run a folder of specs: the largest suites started last and the run ended on one worker. A file that calls
// `runSpecs` counts here as the total size of the *.spec.ts files under its folder. Once timings exist they decide,
// as in jest. Plain JavaScript: jest requires its sequencer untransformed.
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

/** A test file's size, or for a bundle the size of the specs it runs. */
function weight(testPath) {
  const source = readFileSync(testPath, 'utf8');
  return /\brunSpecs\(/.test(source) ? specBytes(path.dirname(testPath)) : Buffer.byteLength(source);
}

class BundleAwareSequencer extends Sequencer {
  sort(tests) {
    if (tests.some((test) => this.time(test) !== undefined)) return super.sort(tests);
    const weights = new Map(tests.map((test) => [test.path, weight(test.path)]));
    return [...tests].sort((a, b) => weights.get(b.path) - weights.get(a.path));
  }
}

module.exports = BundleAwareSequencer;
