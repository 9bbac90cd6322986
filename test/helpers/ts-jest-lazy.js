// Jest transformer: ts-jest (transpile only), loaded only when a file actually needs transpiling, with one cache of
// its output for every jest project.
//
// ts-jest imports the TypeScript compiler as soon as it is required, and computing its cache key builds a
// ConfigSet (tsconfig parsed, files listed) per project. With a warm cache every file is a cache hit, yet each
// jest worker still paid a second or more for that. Transpile-only output depends on nothing but the file, its
// path, the compiler options and the versions, so this computes the cache key from exactly those and hands
// `process` to ts-jest on a cache miss.
//
// Jest keeps its transform cache per project (the directory name carries the project's id), so on a cold cache a
// file of src/ that all four projects load was transpiled four times, and again by each worker that raced to it:
// about 2,000 transpiles of 580 files, some 15 ms each. Since the output depends only on the key above, `process`
// first looks the key up in a cache shared by the projects (beside jest's, in its cacheDirectory), and only
// transpiles what no project has transpiled before. Plain JavaScript: jest requires transformers untransformed.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/** Bump when this file changes what it emits. */
const WRAPPER_VERSION = '1';
const TSCONFIG = path.resolve(__dirname, '../../tsconfig.json');
const versions = ['typescript', 'ts-jest'].map((name) => `${name}@${require(`${name}/package.json`).version}`).join(',');
/** The shared cache's folder under jest's cacheDirectory. */
const SHARED_DIR = 'ts-jest-lazy';

function createTransformer(tsJestOptions = {}) {
  if (tsJestOptions.tsconfig?.isolatedModules !== true) {
    // With type information, a file's output depends on the files it imports, which this key does not cover.
    throw new Error('ts-jest-lazy: only for transpile-only ts-jest ({ tsconfig: { isolatedModules: true } })');
  }
  let tsJest;
  const delegate = () => (tsJest ??= require('ts-jest').default.createTransformer(tsJestOptions));
  // ts-jest merges the inline options over tsconfig.json (it has no `extends` to follow).
  const fixed = [WRAPPER_VERSION, versions, JSON.stringify(tsJestOptions), readFileSync(TSCONFIG, 'utf8')].join('\0');
  const cacheKey = (sourceText, sourcePath, options) =>
    createHash('sha1')
      .update(fixed)
      .update(`\0${sourcePath}\0${options.instrument ? 'instrument' : ''}\0${options.supportsStaticESM ? 'esm' : 'cjs'}\0`)
      .update(sourceText)
      .digest('hex');
  return {
    canInstrument: false,
    getCacheKey: cacheKey,
    process(sourceText, sourcePath, options) {
      const key = cacheKey(sourceText, sourcePath, options);
      const file = path.join(options.config.cacheDirectory, SHARED_DIR, key.slice(0, 2), `${key}.json`);
      try {
        return JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        // Not there yet (or cut short by a crash): transpile.
      }
      const result = delegate().process(sourceText, sourcePath, options);
      mkdirSync(path.dirname(file), { recursive: true });
      // Written aside and renamed, so the other worker never reads half a file.
      const partial = `${file}.${globalThis.process.pid}`;
      writeFileSync(partial, JSON.stringify(result));
      renameSync(partial, file);
      return result;
    },
  };
}

module.exports = { createTransformer };
