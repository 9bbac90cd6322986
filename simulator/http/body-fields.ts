import { BusinessError } from './business-error';

// JSON body binding, Spring-style: a field of the wrong JSON type fails binding with 50005; absent and null
// are the same thing.

export type JsonObject = Record<string, unknown>;

export function bodyObject(body: unknown): JsonObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new BusinessError(50005);
  return body as JsonObject;
}

export function optionalString(body: JsonObject, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new BusinessError(50005);
  return value;
}

/** A required non-empty string; absent or "" -> `missingCode`. */
export function requiredString(body: JsonObject, name: string, missingCode = 50005): string {
  const value = optionalString(body, name);
  if (value === undefined || value.trim() === '') throw new BusinessError(missingCode);
  return value;
}

export function optionalBoolean(body: JsonObject, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new BusinessError(50005);
  return value;
}

export function optionalInteger(body: JsonObject, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new BusinessError(50005);
  return value;
}

/** A required array; absent or empty -> `missingCode`. */
export function requiredArray(body: JsonObject, name: string, missingCode = 50005): unknown[] {
  const value = body[name];
  if (value === undefined || value === null) throw new BusinessError(missingCode);
  if (!Array.isArray(value)) throw new BusinessError(50005);
  if (value.length === 0) throw new BusinessError(missingCode);
  return value;
}
