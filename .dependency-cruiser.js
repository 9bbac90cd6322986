/**
 * The layer rules of docs/architecture.md, checked by `npm run check:deps` (part of `npm test`).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order matter and hide which module owns what.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'schema-declares-only',
      severity: 'error',
      comment: 'schema/ declares types, inputs, args and enums: it may import schema/ and errors, nothing that loads or serves data.',
      from: { path: '^src/schema/' },
      to: { path: '^src/', pathNot: ['^src/schema/', '^src/errors\\.ts$'] },
    },
    {
      name: 'datasources-speak-upstream',
      severity: 'error',
      comment: 'datasources/ hold upstream shapes and calls; mapping to GraphQL objects belongs to resolvers/.',
      from: { path: '^src/datasources/' },
      to: { path: '^src/(schema|resolvers|http|push|observability)/' },
    },
    {
      name: 'resolvers-do-not-serve',
      severity: 'error',
      comment: 'Resolvers see the context, never the HTTP or WebSocket layer.',
      from: { path: '^src/resolvers/' },
      to: { path: '^src/http/' },
    },
    {
      name: 'push-below-the-graph',
      severity: 'error',
      comment: 'The push channel parses and fans out upstream messages; only enum declarations of the schema are shared with it.',
      from: { path: '^src/push/' },
      to: { path: '^src/(resolvers|http|datasources)/|^src/schema/(?!.*\\.enum\\.ts$)' },
    },
    {
      name: 'simulator-is-foreign',
      severity: 'error',
      comment: 'The simulator stands in for the platform: sharing our code would make it agree with our mistakes.',
      from: { path: '^simulator/' },
      to: { path: '^src/' },
    },
    {
      name: 'simulator-only-as-embedded-default',
      severity: 'error',
      comment: 'Only the process entry starts the simulator, as the default upstream when no credentials are set.',
      from: { path: '^src/', pathNot: '^src/index\\.ts$' },
      to: { path: '^simulator/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
