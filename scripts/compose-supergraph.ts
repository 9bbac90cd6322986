import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

const ROOT = resolve(__dirname, '../..');

/**
 * Composes schema.graphql (quec-graph) and the example site subgraph into supergraph.graphql for Apollo Router,
 * with the subgraph URLs docker-compose.yml uses. The same as `rover supergraph compose --config supergraph.yaml`,
 * without installing rover. Usage: node dist/scripts/compose-supergraph.js [quecUrl] [sitesUrl]
 */
function main(): void {
  const [quecUrl = 'http://quec-graph:4000/graphql', sitesUrl = 'http://sites:4002/'] = process.argv.slice(2);
  const result = composeServices([
    { name: 'quec', url: quecUrl, typeDefs: parse(readFileSync(resolve(ROOT, 'schema.graphql'), 'utf8')) },
    { name: 'sites', url: sitesUrl, typeDefs: parse(readFileSync(resolve(ROOT, 'examples/site-subgraph/schema.graphql'), 'utf8')) },
  ]);
  if (result.errors) {
    process.stderr.write(`composition failed:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}\n`);
    process.exit(1);
  }
  const target = resolve(ROOT, 'supergraph.graphql');
  writeFileSync(target, result.supergraphSdl);
  process.stdout.write(`wrote ${target}\n`);
}

main();
