import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context';
import { NotFoundError } from '../errors';

/**
 * Builds the field middleware that lets an entity be handed over by its key alone (a reference from another
 * entity, a federation representation, a row that lacks some fields) and loads its detail only when a field that
 * is missing is selected. `load` goes through a per-request loader, so siblings batch and deduplicate; sources
 * that already carry every field never trigger it.
 */
export function lazyDetail<S extends object>(
  load: (source: S, context: Context) => Promise<object | null>,
  describe: (source: S) => string,
): MiddlewareFn<Context> {
  return async ({ root, info, context }, next) => {
    const source = root as S;
    if (info.fieldName in source) return next();
    const detail = await load(source, context);
    if (!detail) throw new NotFoundError(`${describe(source)} does not exist`);
    Object.assign(source, detail);
    return next();
  };
}
