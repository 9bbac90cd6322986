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
//
// Before any of that, the file may already be compiled: the run's global setup (test/helpers/jest-precompile.js) has
// TypeScript 7 transpile the whole tree file by file into tsconfig.jest.json's outDir, in about 2 s of CPU where
// ts-jest took about 15 s for the files one jest project loads. That output is used when the source it was made from
// (kept in its source map) is exactly the file jest asks for; anything else goes to ts-jest as before.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/** Bump when this file changes what it emits. */
const WRAPPER_VERSION = '2';
const ROOT = path.resolve(__dirname, '../..');
const TSCONFIG = path.join(ROOT, 'tsconfig.json');
/** TypeScript 7's options for the precompiled tree (part of every cache key), and where the tree is. */
const { CONFIG_TEXT: TSCONFIG_JEST, PRECOMPILED_DIR } = require('./jest-precompile');
const versions = ['typescript', 'ts-jest', 'typescript-7'].map((name) => `${name}@${require(`${name}/package.json`).version}`).join(',');
/** The shared cache's folder under jest's cacheDirectory. */
const SHARED_DIR = 'ts-jest-lazy';

/** The source map TypeScript 7 appends to each file it writes (tsconfig.jest.json: inlineSourceMap, inlineSources). */
const INLINE_MAP = /\n\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;

/**
 * TypeScript 7's output for a file of the tree, in the shape ts-jest returns, if it was made from exactly
 * `sourceText`. With `noResolve` each file was compiled on its own, so the output depends on nothing else: for src/
 * it is byte for byte the JavaScript `npm run build` emits, and for the tests what ts-jest emits. The map travels
 * inside the file, so a file is checked whole: one cut short by a write in progress (another run's global setup)
 * has no map to match and goes to ts-jest.
 */
function readPrecompiled(sourceText, sourcePath) {
  const relative = path.relative(ROOT, sourcePath);
  if (relative.startsWith('..') || !relative.endsWith('.ts')) return undefined;
  let code;
  let map;
  try {
    code = readFileSync(path.join(PRECOMPILED_DIR, `${relative.slice(0, -'.ts'.length)}.js`), 'utf8');
    map = JSON.parse(Buffer.from(INLINE_MAP.exec(code)?.[1] ?? '', 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (map.sourcesContent?.[0] !== sourceText) return undefined;
  // The emitted map names the source relative to the output folder; stack traces need the file jest loaded.
  const inline = { version: 3, file: sourcePath, sources: [sourcePath], sourcesContent: [sourceText], names: map.names, mappings: map.mappings };
  const body = code.slice(0, code.lastIndexOf('\n//# sourceMappingURL='));
  return {
    code: `${body}\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(inline)).toString('base64')}`,
  };
}

function createTransformer(tsJestOptions = {}) {
  if (tsJestOptions.tsconfig?.isolatedModules !== true) {
    // With type information, a file's output depends on the files it imports, which this key does not cover.
    throw new Error('ts-jest-lazy: only for transpile-only ts-jest ({ tsconfig: { isolatedModules: true } })');
  }
  let tsJest;
  const delegate = () => (tsJest ??= require('ts-jest').default.createTransformer(tsJestOptions));
  // ts-jest merges the inline options over tsconfig.json (it has no `extends` to follow).
  const fixed = [WRAPPER_VERSION, versions, JSON.stringify(tsJestOptions), readFileSync(TSCONFIG, 'utf8'), TSCONFIG_JEST].join('\0');
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
      // Not written to the shared cache: reading it back would cost as much as reading it here.
      const precompiled = readPrecompiled(sourceText, sourcePath);
      if (precompiled) return precompiled;
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
