import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { BadUserInputError } from '../errors';

/**
 * Checks every `_entities` representation before Apollo's resolver sees any. That resolver maps representations to
 * `__resolveReference` results one by one and throws synchronously on a `__typename` it does not know; when an
 * earlier representation has already started an async reference that later rejects (a malformed key), that promise
 * is orphaned and its unhandled rejection ends the process. One anonymous request (`[{Device, bad key}, {Nope}]`)
 * took the service down in the hostile sweep; refusing the whole request up front with a coded error prevents it.
 */
export function guardEntities(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve) return;
  const resolve = field.resolve;
  field.resolve = (source, args: { representations?: unknown }, context, info) => {
    const representations = Array.isArray(args.representations) ? args.representations : [];
    representations.forEach((representation, index) => {
      const typename =
        typeof representation === 'object' && representation !== null ? (representation as { __typename?: unknown }).__typename : undefined;
      const type = typeof typename === 'string' ? schema.getType(typename) : undefined;
      if (!isObjectType(type) && !isInterfaceType(type)) {
        throw new BadUserInputError(`representations[${index}] must have the __typename of an entity type`, 'representations');
      }
    });
    return resolve(source, args, context, info);
  };
}
