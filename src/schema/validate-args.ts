import { getMetadataStorage, validateSync, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';

/** type-graphql's own defaults for class-validator, kept. */
const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

/** Per args or input class: whether it declares any class-validator rule (`ValidateNested` counts). */
const declaresRules = new WeakMap<object, boolean>();

function hasRules(type: object): boolean {
  let has = declaresRules.get(type);
  if (has === undefined) {
    // biome-ignore lint/complexity/noBannedTypes: class-validator looks metadata up by constructor
    has = getMetadataStorage().getTargetValidationMetadatas(type as Function, '', true, false).length > 0;
    declaresRules.set(type, has);
  }
  return has;
}

/**
 * The schema's argument validation (type-graphql's `validateFn`): class-validator's rules on args and input classes,
 * checked synchronously and only for classes that declare any, where type-graphql's default loads class-validator
 * and runs its asynchronous validator for every argument object of every resolver. Our rules are all synchronous.
 *
 * @throws ArgumentValidationError listing what failed (formatError turns it into BAD_USER_INPUT).
 */
export function validateArgs(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) validateArgs(item);
    return;
  }
  if (!hasRules(value.constructor)) return;
  const errors = validateSync(value, OPTIONS);
  if (errors.length > 0) throw new ArgumentValidationError(errors);
}
