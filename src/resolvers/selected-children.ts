import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * The arguments of every selection of `fieldName` on the object the current field returns, coerced as the executor
 * will coerce them: through inline fragments and fragment spreads on that type, leaving out what `@skip`/`@include`
 * exclude. A selection whose arguments do not coerce is left out (executing it fails before it loads anything).
 *
 * Lets a resolver start the loads of a child field that needs nothing but the resolver's own arguments while it
 * still waits for its own object, instead of one upstream round trip after it.
 */
export function selectedChildArguments(info: GraphQLResolveInfo, fieldName: string): Record<string, unknown>[] {
  const type = getNamedType(info.returnType);
  const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
  if (!isObjectType(type) || !field) return [];
  const found: Record<string, unknown>[] = [];
  const spread = new Set<string>();
  const included = (node: Parameters<typeof getDirectiveValues>[1]) => {
    try {
      return (
        getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true &&
        getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false
      );
    } catch {
      return false;
    }
  };
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== fieldName) continue;
        try {
          found.push(getArgumentValues(field, selection, info.variableValues));
        } catch {
          // Fails in execution, before any load.
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || selection.typeCondition.name.value === type.name) visit(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (!fragment || spread.has(selection.name.value) || fragment.typeCondition.name.value !== type.name) continue;
        spread.add(selection.name.value);
        visit(fragment.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return found;
}

/** Starts a load whose result a field resolver will ask for later; its failure is that resolver's to report. */
export function startLoad(load: () => Promise<unknown>): void {
  try {
    load().catch(() => undefined);
  } catch {
    // Thrown again, and reported, when the field resolver makes the same call.
  }
}
