import openApiDocument from '../../docs/vendor/acceleronix-openapi.json';
import inferredTable from '../../docs/vendor/request-parameters.inferred.json';
import pagesTable from '../../docs/vendor/request-parameters.pages.json';

// The request side of the platform's public contract, as data: which parameters each documented endpoint takes,
// where (query, JSON body, path), of what type and unit, and whether required. Built from the vendor's OpenAPI file
// (derived below, never edited) and the vendor's API pages (transcribed in request-parameters.pages.json); the
// INFERRED endpoints of §11 are listed apart, without parameters, because nothing public names them. Strict mode
// (`unknownParameters`) and the request-side contract test both read it.

export type ParamPlace = 'query' | 'body' | 'path';
export type ParamType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

export interface ContractField {
  name: string;
  type: ParamType;
  required: boolean;
  /** Time unit of a number: epoch or duration milliseconds, or seconds. */
  unit?: 'ms' | 's';
  enum?: ReadonlyArray<string | number>;
  /** Fields of each element of an array of objects. */
  items?: readonly ContractField[];
}

export interface ContractParam extends ContractField {
  in: ParamPlace;
}

export interface ContractEndpoint {
  method: string;
  /** Path template; `{name}` is one path segment. */
  path: string;
  /** Where each part came from: `openapi:<operationId>` and/or `page:<file>.md`. */
  sources: string[];
  params: ContractParam[];
}

export interface InferredEndpoint {
  method: string;
  path: string;
  /** Section of docs/upstream.md. */
  section: string;
  /** The setting that moves its base path. */
  setting: string;
}

export interface RequestContract {
  documented: readonly ContractEndpoint[];
  inferred: readonly InferredEndpoint[];
  /** The documented endpoint a request goes to, undefined when none. */
  find(method: string, path: string): ContractEndpoint | undefined;
  findInferred(method: string, path: string): InferredEndpoint | undefined;
}

interface OpenApiSchema {
  type?: string;
  format?: string;
  enum?: Array<string | number>;
  description?: string;
  required?: string[];
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  $ref?: string;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: OpenApiSchema;
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

const PLACES = new Set(['query', 'path', 'body']);

/**
 * The request side of an OpenAPI 3 document: every operation's query and path parameters and the top-level
 * properties of its JSON body (one level of array-of-object items too). Units come from the descriptions
 * ("milliseconds", "seconds"), the only place the file states them.
 */
export function deriveFromOpenApi(document: unknown): ContractEndpoint[] {
  const doc = document as OpenApiDocument;
  const resolve = (schema: OpenApiSchema | undefined): OpenApiSchema | undefined => {
    if (!schema?.$ref) return schema;
    return doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
  };
  const field = (name: string, schema: OpenApiSchema | undefined, required: boolean, description?: string): ContractField => {
    const resolved = resolve(schema) ?? {};
    const out: ContractField = { name, type: typeOf(resolved), required };
    const unit = unitOf(description ?? resolved.description);
    if (unit) out.unit = unit;
    if (resolved.enum) out.enum = [...resolved.enum];
    const items = resolve(resolved.items);
    if (out.type === 'array' && items?.properties) {
      out.items = Object.entries(items.properties).map(([n, s]) => field(n, s, items.required?.includes(n) ?? false));
    }
    return out;
  };
  const endpoints: ContractEndpoint[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const params: ContractParam[] = [];
      for (const p of operation.parameters ?? []) {
        if (PLACES.has(p.in)) params.push({ ...field(p.name, p.schema, p.required ?? false, p.description), in: p.in as ParamPlace });
      }
      const body = resolve(operation.requestBody?.content?.['application/json']?.schema);
      for (const [name, schema] of Object.entries(body?.properties ?? {})) {
        params.push({ ...field(name, schema, body?.required?.includes(name) ?? false), in: 'body' });
      }
      endpoints.push({ method: method.toUpperCase(), path, sources: [`openapi:${operation.operationId ?? `${method} ${path}`}`], params });
    }
  }
  return endpoints;
}

function typeOf(schema: OpenApiSchema): ParamType {
  switch (schema.type) {
    case 'integer':
    case 'number':
    case 'boolean':
    case 'array':
    case 'object':
    case 'string':
      return schema.type;
    default:
      return schema.properties ? 'object' : 'string';
  }
}

function unitOf(description: string | undefined): 'ms' | 's' | undefined {
  if (!description) return undefined;
  if (/milli ?seconds?/i.test(description)) return 'ms';
  if (/\bseconds?\b/i.test(description)) return 's';
  return undefined;
}

interface PagesTable {
  endpoints: Array<{ method: string; path: string; page: string; params: ContractParam[] }>;
}

/**
 * The OpenAPI file's endpoints with what the pages add or correct (a page parameter replaces the file's parameter
 * of the same name and place), then the endpoints only the pages document.
 */
export function mergeContract(fromOpenApi: readonly ContractEndpoint[], pages: unknown): ContractEndpoint[] {
  const merged = fromOpenApi.map((e) => ({ ...e, sources: [...e.sources], params: [...e.params] }));
  for (const entry of (pages as PagesTable).endpoints) {
    const source = `page:${entry.page}`;
    const existing = merged.find((e) => e.method === entry.method && e.path === entry.path);
    if (!existing) {
      merged.push({ method: entry.method, path: entry.path, sources: [source], params: entry.params.map((p) => ({ ...p })) });
      continue;
    }
    existing.sources.push(source);
    for (const param of entry.params) {
      const at = existing.params.findIndex((p) => p.name === param.name && p.in === param.in);
      if (at >= 0) existing.params[at] = { ...param };
      else existing.params.push({ ...param });
    }
  }
  return merged;
}

export function templateMatches(template: string, path: string): boolean {
  if (!template.includes('{')) return template === path;
  const source = template
    .split(/(\{[A-Za-z]+\})/)
    .map((part) => (/^\{[A-Za-z]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

export function buildContract(documented: readonly ContractEndpoint[], inferred: readonly InferredEndpoint[]): RequestContract {
  const byMethod = <T extends { method: string; path: string }>(list: readonly T[], method: string, path: string) =>
    list.find((e) => e.method === method.toUpperCase() && templateMatches(e.path, path));
  return {
    documented,
    inferred,
    find: (method, path) => byMethod(documented, method, path),
    findInferred: (method, path) => byMethod(inferred, method, path),
  };
}

let cached: RequestContract | undefined;

/** The repository's contract (docs/vendor/), built once per process. */
export function requestContract(): RequestContract {
  cached ??= buildContract(
    mergeContract(deriveFromOpenApi(openApiDocument), pagesTable),
    (inferredTable as { endpoints: InferredEndpoint[] }).endpoints,
  );
  return cached;
}
