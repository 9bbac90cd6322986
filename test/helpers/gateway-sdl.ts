import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';

/**
 * Our subgraph SDL as `@apollo/gateway` accepts it. The gateway refuses a supergraph that links a `for: SECURITY`
 * feature (`@requiresScopes`), which only Apollo Router enforces; this subgraph enforces its scopes itself
 * (docs/security.md), so the gateway gets the SDL without them. test/operations/federation.spec.ts composes the real one.
 */
export function gatewaySdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema)
    .replace(/ @requiresScopes\(scopes: \[\[[^\]]*\]\]\)/g, '')
    .replace(/, "@authenticated", "@requiresScopes"/, '');
}
