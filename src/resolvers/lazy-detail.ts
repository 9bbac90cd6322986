import type { GraphQLFieldResolver } from 'graphql';
import type { Context } from '../context';
import { NotFoundError } from '../errors';

/** Wraps the resolver of one detail field (see `DetailField` in the schema). */
export type DetailLoader = (resolve: GraphQLFieldResolver<object, Context>) => GraphQLFieldResolver<object, Context>;

/**
 * Lets an entity be handed over by its key alone (a reference from another entity, a federation representation,
 * a row that lacks some fields) and loads its detail only when a field that is missing is selected. `load` goes
 * through a per-request loader, so siblings batch and deduplicate; sources that already carry every field never
 * trigger it and stay synchronous.
 */
export function lazyDetail<S extends object>(
  load: (source: S, context: Context) => Promise<object | null>,
  describe: (source: S) => string,
): DetailLoader {
  return (resolve) => (source, args, context, info) => {
    if (info.fieldName in source) return resolve(source, args, context, info);
    return load(source as S, context).then((detail) => {
      if (!detail) throw new NotFoundError(`${describe(source as S)} does not exist`);
      Object.assign(source, detail);
      return resolve(source, args, context, info);
    });
  };
}
