// A small OpenAPI 3.1 schema walker for conformance tests: it reports field names the schema does not
// list and JSON types that differ from the schema, recursing through $ref, objects and arrays.
// Deliberately ignored: `format`, `enum`, `required` and nullability — the vendor document's own
// examples contradict them (reference §0 "Doc quirks").

export type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  [keyword: string]: unknown;
}

export interface SchemaIssue {
  kind: 'extra' | 'type';
  /** Normalised location: object keys joined with ".", array elements as "[]", e.g. `data[].sn`. */
  path: string;
  expected?: string;
  actual?: JsonType;
}

const UNSUPPORTED = ['oneOf', 'anyOf', 'allOf', 'not', 'additionalProperties', 'patternProperties', 'prefixItems'];

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function matchesType(expected: string, actual: JsonType): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

/** Follows a local JSON pointer such as `#/components/schemas/Device`. */
export function resolveRef(document: unknown, ref: string): SchemaNode {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[key];
    if (node === undefined) throw new Error(`unresolvable $ref ${ref}`);
  }
  return node as SchemaNode;
}

/**
 * Compares `value` with `schema`. Nulls are skipped anywhere. An object schema without `properties`
 * is free-form and not descended into. Throws on composition keywords it does not understand rather
 * than passing silently.
 */
export function walkSchema(document: unknown, schema: SchemaNode, value: unknown, path = ''): SchemaIssue[] {
  const node = schema.$ref ? resolveRef(document, schema.$ref) : schema;
  for (const keyword of UNSUPPORTED) {
    if (keyword in node) throw new Error(`schema keyword "${keyword}" at ${path || '<root>'} is not supported by the walker`);
  }
  if (value === null) return [];

  const actual = jsonTypeOf(value);
  const declared = node.type ?? (node.properties ? 'object' : node.items ? 'array' : undefined);
  const types = declared === undefined ? [] : Array.isArray(declared) ? declared : [declared];
  if (types.length > 0 && !types.some((t) => matchesType(t, actual))) {
    return [{ kind: 'type', path: path || '<root>', expected: types.join('|'), actual }];
  }

  if (actual === 'object' && node.properties) {
    const issues: SchemaIssue[] = [];
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childPath = path ? `${path}.${key}` : key;
      const childSchema = node.properties[key];
      if (!childSchema) issues.push({ kind: 'extra', path: childPath });
      else issues.push(...walkSchema(document, childSchema, child, childPath));
    }
    return issues;
  }
  if (actual === 'array' && node.items) {
    return (value as unknown[]).flatMap((item) => walkSchema(document, node.items as SchemaNode, item, `${path}[]`));
  }
  return [];
}
