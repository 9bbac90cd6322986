// Jest transformer: ts-jest (transpile only), loaded only when a file actually needs transpiling.
//
// ts-jest imports the TypeScript compiler as soon as it is required, and computing its cache key builds a
// ConfigSet (tsconfig parsed, files listed) per project. With a warm cache every file is a cache hit, yet each
// jest worker still paid a second or more for that. Transpile-only output depends on nothing but the file, its
// path, the compiler options and the versions, so this computes the cache key from exactly those and hands
// `process` to ts-jest on a cache miss. Plain JavaScript: jest requires transformers untransformed.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');

/** Bump when this file changes what it emits. */
const WRAPPER_VERSION = '1';
const TSCONFIG = path.resolve(__dirname, '../../tsconfig.json');
const versions = ['typescript', 'ts-jest'].map((name) => `${name}@${require(`${name}/package.json`).version}`).join(',');

function createTransformer(tsJestOptions = {}) {
  if (tsJestOptions.tsconfig?.isolatedModules !== true) {
    // With type information, a file's output depends on the files it imports, which this key does not cover.
    throw new Error('ts-jest-lazy: only for transpile-only ts-jest ({ tsconfig: { isolatedModules: true } })');
  }
  let tsJest;
  const delegate = () => (tsJest ??= require('ts-jest').default.createTransformer(tsJestOptions));
  // ts-jest merges the inline options over tsconfig.json (it has no `extends` to follow).
  const fixed = [WRAPPER_VERSION, versions, JSON.stringify(tsJestOptions), readFileSync(TSCONFIG, 'utf8')].join('\0');
  return {
    canInstrument: false,
    getCacheKey(sourceText, sourcePath, options) {
      return createHash('sha1')
        .update(fixed)
        .update(`\0${sourcePath}\0${options.instrument ? 'instrument' : ''}\0${options.supportsStaticESM ? 'esm' : 'cjs'}\0`)
        .update(sourceText)
        .digest('hex');
    },
    process(sourceText, sourcePath, options) {
      return delegate().process(sourceText, sourcePath, options);
    },
  };
}

module.exports = { createTransformer };
