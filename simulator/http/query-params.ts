import { BusinessError } from './business-error';

// Spring binds an empty query value to null, so "" counts as absent throughout.

export function optionalText(query: Record<string, string>, name: string): string | undefined {
  const value = query[name];
  return value === undefined || value === '' ? undefined : value;
}

export function requiredText(query: Record<string, string>, name: string, missingCode = 50005): string {
  const value = optionalText(query, name);
  if (value === undefined) throw new BusinessError(missingCode);
  return value;
}

/** Integers only ("1.5", "1e3", "abc" fail binding -> 50005). */
export function optionalInteger(query: Record<string, string>, name: string): number | undefined {
  const value = optionalText(query, name);
  if (value === undefined) return undefined;
  if (!/^-?\d{1,18}$/.test(value)) throw new BusinessError(50005);
  return Number(value);
}

/** 0/1 flags such as deviceStatus and activeStatus (§5). */
export function optionalFlag(query: Record<string, string>, name: string): 0 | 1 | undefined {
  const value = optionalInteger(query, name);
  if (value === undefined) return undefined;
  if (value !== 0 && value !== 1) throw new BusinessError(50005);
  return value;
}
