import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildFederatedSchema } from '../src/schema/build-schema';
import { graphResolvers } from '../src/resolvers';

/** Writes the subgraph SDL to schema.graphql; a test fails when the committed file differs from the code. */
async function main(): Promise<void> {
  const sdl = printSubgraphSchema(await buildFederatedSchema(graphResolvers));
  const target = resolve(__dirname, '../../schema.graphql');
  writeFileSync(target, `${sdl}\n`);
  process.stdout.write(`wrote ${target}\n`);
}

void main();
