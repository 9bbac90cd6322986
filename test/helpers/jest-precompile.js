// Jest global setup, every run: TypeScript 7 transpiles the whole tree, each file on its own (tsconfig.jest.json:
// noResolve, noCheck), into the folder test/helpers/ts-jest-lazy.js reads before it falls back to ts-jest.
//
// A newcomer's first run used to spend about 15 s of CPU per jest project in ts-jest (TypeScript 5.9's
// transpileModule with a cold JIT); TypeScript 7 does the whole tree in about 2 s, and after that only what changed
// (about half a second). It is a shortcut, never a requirement: if TypeScript 7 fails (a syntax error, no binary for
// this platform), the folder is removed, so every file goes through ts-jest, which reports the error as before.
// Plain JavaScript: jest loads a JavaScript global setup without transforming it.
const { execFileSync } = require('node:child_process');
const { readFileSync, rmSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const CONFIG = path.join(ROOT, 'tsconfig.jest.json');
/** TypeScript 7's options for the precompiled tree; the transformer keys its cache on them too. */
const CONFIG_TEXT = readFileSync(CONFIG, 'utf8');
/** Where the tree is written, and where test/helpers/ts-jest-lazy.js reads it. */
const PRECOMPILED_DIR = path.resolve(ROOT, JSON.parse(CONFIG_TEXT).compilerOptions.outDir);

module.exports = function precompileWithTypeScript7() {
  try {
    const typescript7 = require('./typescript-7-bin');
    execFileSync(process.execPath, [typescript7, '-p', CONFIG], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe', timeout: 120_000 });
  } catch (error) {
    rmSync(PRECOMPILED_DIR, { recursive: true, force: true });
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim() || String(error);
    console.warn(`TypeScript 7 could not precompile the tree, so ts-jest transpiles every file:\n${output.split('\n').slice(0, 5).join('\n')}`);
  }
};
module.exports.CONFIG_TEXT = CONFIG_TEXT;
module.exports.PRECOMPILED_DIR = PRECOMPILED_DIR;
