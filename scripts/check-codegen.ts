import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { buildFederatedSchema } from '../src/schema/build-schema';
import { graphResolvers } from '../src/resolvers';

const ROOT = resolve(__dirname, '../..');

/**
 * Fails (exit 1) when schema.graphql no longer matches the code, or when the committed generated client differs
 * from what codegen.yml produces now. Generates in memory, so a stale check never touches the work tree.
 * Runs under plain node rather than jest: the codegen CLI pulls in ESM-only packages that jest's CJS runtime
 * cannot load.
 */
async function main(): Promise<void> {
  const problems: string[] = [];
  const sdl = `${printSubgraphSchema(await buildFederatedSchema(graphResolvers))}\n`;
  if (readFileSync(resolve(ROOT, 'schema.graphql'), 'utf8') !== sdl) {
    problems.push('schema.graphql is stale: run `npm run schema:emit`, then `npm run codegen`');
  }
  const { config } = await loadCodegenConfig({ configFilePath: resolve(ROOT, 'codegen.yml') });
  const outputs = await generate({ ...config, cwd: ROOT, silent: true }, false);
  for (const output of outputs) {
    let committed = '';
    try {
      committed = readFileSync(resolve(ROOT, output.filename), 'utf8');
    } catch {
      // a missing file is reported as stale below
    }
    if (committed !== output.content) problems.push(`${output.filename} is stale: run \`npm run codegen\``);
  }
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`codegen up to date (${outputs.map((o: { filename: string }) => o.filename).join(', ')})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`codegen check failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
