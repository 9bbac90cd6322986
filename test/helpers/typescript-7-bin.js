// Path of TypeScript 7's `tsc` (the `typescript-7` package), for the global setups that run it. Its exports map hides
// bin/, so the folder comes from its package.json. Both TypeScript packages install a `tsc` command, so node_modules/.bin
// would name whichever npm linked last (docs/development.md).
const path = require('node:path');

module.exports = path.join(path.dirname(require.resolve('typescript-7/package.json')), 'bin/tsc');
