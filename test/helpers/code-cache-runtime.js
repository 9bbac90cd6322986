// Jest runtime: jest-runtime itself, with its module compiles made cacheable by V8.
//
// Every test file gets a fresh module registry, so jest compiles graphql, @apollo/server, type-graphql and the
// rest of the dependency graph again for every file, about half a second of CPU per suite that loads the schema.
// jest-runtime compiles each module with `vm.compileFunction`, which V8's in-isolate compilation cache does not
// serve (nodejs/node#35375); a `vm.Script` of the same source is served from it. So, for jest's module compiles
// only (they carry a parsing context), this compiles the module body as a function expression in a `vm.Script`
// and returns that function: the same function, parameters and line numbers (the wrapper adds no line), compiled
// once per worker process instead of once per file. Modules still run afresh in each file's own context; only
// V8's compiled code is shared, never a value. If the wrapped source does not parse (a body that needs
// compileFunction's exact semantics), the original compile runs, so its error is the one a test sees.
// Plain JavaScript: jest requires its runtime untransformed.
const vm = require('node:vm');

const compileFunction = vm.compileFunction;

vm.compileFunction = function compileModuleThroughScript(code, params, options) {
  if (!options?.parsingContext || typeof options.filename !== 'string') return compileFunction(code, params, options);
  let script;
  try {
    script = new vm.Script(`(function (${params.join(', ')}) {${code}\n})`, {
      filename: options.filename,
      importModuleDynamically: options.importModuleDynamically,
    });
  } catch {
    return compileFunction(code, params, options);
  }
  return script.runInContext(options.parsingContext);
};

module.exports = require('jest-runtime');
