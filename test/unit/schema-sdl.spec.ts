import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import { graphResolvers } from '../../src/resolvers';

describe('committed schema.graphql', () => {
  it('should match the schema the code builds (run `npm run schema:emit` after changing types)', async () => {
    const committed = readFileSync(resolve(__dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(`${printSubgraphSchema(await buildFederatedSchema(graphResolvers))}\n`);
  });
});
