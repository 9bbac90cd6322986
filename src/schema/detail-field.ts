import { Extensions } from 'type-graphql';

/** Extension key that marks a field only the entity's detail call answers. */
export const DETAIL_FIELD = 'loadsWithDetail';

/**
 * Marks a field that a row or a reference may lack: the schema builder hands such fields to the entity's
 * detail loader (registered in `resolvers/index.ts`), which fetches the detail only when the source lacks it.
 * Declaration only: nothing here loads data.
 */
export function DetailField(): PropertyDecorator & MethodDecorator & ClassDecorator {
  return Extensions({ [DETAIL_FIELD]: true });
}
