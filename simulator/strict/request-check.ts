import type { SimRequest } from '../router';
import type { ContractField, RequestContract } from './request-contract';
import type { StrictRules } from './strict-rules';

/**
 * `formBodies`: the route also takes its parameters as a form body (the quecauth calls, §2.1).
 *
 * The business code a strict simulator answers before running the handler, undefined when the request passes.
 * 50005 "param check error" is what the platform answers for a parameter it cannot bind; a real Spring server
 * ignores unknown names, so this is stricter than the platform on purpose (docs/development.md, strict mode).
 */
export function strictRequestCode(
  request: SimRequest,
  rules: StrictRules,
  contract: RequestContract,
  { formBodies = false }: { formBodies?: boolean } = {},
): number | undefined {
  const body = request.body;
  if (rules.jsonContentType && !formBodies && request.rawBody.trim() !== '' && !isJsonContentType(request.headers['content-type'])) return 50005;
  if (!rules.unknownParameters) return undefined;
  const endpoint = contract.find(request.method, request.path);
  if (!endpoint) return undefined;
  const inQuery = new Set(endpoint.params.filter((p) => p.in === 'query').map((p) => p.name));
  if (Object.keys(request.query).some((name) => !inQuery.has(name))) return 50005;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const inBody = endpoint.params.filter((p) => p.in === 'body');
  return unknownField(body as Record<string, unknown>, inBody) ? 50005 : undefined;
}

function unknownField(object: Record<string, unknown>, fields: readonly ContractField[]): boolean {
  for (const [name, value] of Object.entries(object)) {
    const field = fields.find((f) => f.name === name);
    if (!field) return true;
    if (field.items && Array.isArray(value)) {
      for (const element of value) {
        if (
          element !== null &&
          typeof element === 'object' &&
          !Array.isArray(element) &&
          unknownField(element as Record<string, unknown>, field.items)
        ) {
          return true;
        }
      }
    }
  }
  return false;
}

/** `application/json`, with or without parameters such as `;charset=UTF-8`. */
export function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && /^application\/json\s*(;|$)/i.test(value.trim());
}
