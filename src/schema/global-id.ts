import { BadUserInputError } from '../errors';

/**
 * Every entity's `id`: `base64url("<Type>:<key part>:<key part>")`, each part URI-encoded so a `:` inside a key
 * (device keys may hold one) cannot shift the split. Opaque to clients, stable (the same entity always yields the same
 * id), unique across types (the type name is inside), and carrying its key, so an `id` alone finds the entity again:
 * it is also a federation `@key`. docs/clients.md says why clients want it.
 */
export function encodeGlobalId(typename: string, parts: readonly string[]): string {
  return Buffer.from([typename, ...parts.map(encodeURIComponent)].join(':'), 'utf8').toString('base64url');
}

/** Longest id we decode: a type name and two keys of the longest accepted shapes, URI-encoded, with room to spare. */
const MAX_ID_LENGTH = 512;

/**
 * @returns the key parts of an id of `typename`, in the order `encodeGlobalId` was given them.
 * @throws BadUserInputError when `id` is not an id of that type with `arity` parts.
 */
export function decodeGlobalId(typename: string, id: string, arity: number, argumentName = 'id'): string[] {
  const refuse = (): never => {
    throw new BadUserInputError(`${argumentName} is not the id of a ${typename}`, argumentName);
  };
  if (id.length > MAX_ID_LENGTH || !/^[A-Za-z0-9_-]+$/.test(id)) return refuse();
  const [type, ...encoded] = Buffer.from(id, 'base64url').toString('utf8').split(':');
  if (type !== typename || encoded.length !== arity) return refuse();
  try {
    const parts = encoded.map((part) => decodeURIComponent(part));
    return parts.some((part) => part === '') ? refuse() : parts;
  } catch {
    return refuse();
  }
}
