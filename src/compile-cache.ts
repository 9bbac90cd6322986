import * as nodeModule from 'node:module';

/**
 * Imported first by the process entry. Node 22.1 and later can keep V8's compiled code for every module it loads in a
 * cache directory (`NODE_COMPILE_CACHE`, else `<tmpdir>/node-compile-cache`), so a restart skips most of the parsing:
 * on Node 24 here the time to ready went from about 1.5 s to 1.2 s (0.2 s less CPU). Node 20 has no such cache, and
 * this does nothing there. A directory that cannot be written (a read-only file system) leaves the cache off and never
 * fails the start; `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 */
const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
enableCompileCache?.();
