import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Caller } from './caller';
import { missingScope, routerOnly, unauthenticated } from './denials';

/** Root fields that only a federation router has reason to call (entity fetches, SDL for composition). */
const ROUTER_ONLY_FIELDS = new Set(['_entities', '_service']);

export interface GuardSettings {
  /** Auth is configured: an anonymous caller gets nothing, not even validation of its operation's fields. */
  readonly authRequired: boolean;
  /** ROUTER_SECRET is configured: router-only fields need the request to have carried it. */
  readonly routerSecretConfigured: boolean;
}

/**
 * Checks an operation as a whole before it executes (so a refusal costs no upstream call): anonymous callers when
 * auth is required, and `_entities` / `_service` without the router's secret when one is configured. `_entities`
 * also needs `read`, like every query (its resolvers are the subgraph library's, not type-graphql's).
 *
 * @throws AppError UNAUTHENTICATED or FORBIDDEN.
 */
export function guardOperation(caller: Caller, document: DocumentNode, operation: OperationDefinitionNode, settings: GuardSettings): void {
  if (settings.authRequired && caller.kind === 'anonymous') throw unauthenticated('Authentication required: send x-api-key or Authorization: Bearer');
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  }
  for (const field of rootFieldNames(operation.selectionSet, fragments)) {
    if (!ROUTER_ONLY_FIELDS.has(field)) continue;
    if (settings.routerSecretConfigured && !caller.viaRouter) throw routerOnly(`Query.${field}`);
    if (field === '_entities' && !caller.scopes.has('read')) throw missingScope(['read'], 'Query._entities');
  }
}

/**
 * Names of the root fields an operation selects, looking through inline fragments. Named fragment spreads cannot
 * hide a root field from this check: they are followed through `fragments`. `@skip`/`@include` are ignored, which
 * can only make the check stricter.
 */
function rootFieldNames(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, SelectionSetNode>, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFieldNames(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments.get(name);
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return rootFieldNames(fragment, fragments, seen);
  });
}
