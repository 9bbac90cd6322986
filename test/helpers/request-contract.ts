import type { ContractField, ContractParam, RequestContract, RequestLogEntry } from '../../simulator';

// The request-side contract check: one request the client sent (an entry of the simulator's request log) against the
// public parameter table of its endpoint (docs/vendor/, simulator/strict/request-contract.ts). Names, places, JSON
// types, time units and required parameters; a misnamed or misplaced parameter is a violation.

export type CheckStatus = 'checked' | 'inferred' | 'not-an-endpoint';

export interface CheckResult {
  status: CheckStatus;
  /** Human-readable, one per problem; empty when the request conforms (or is not checked). */
  violations: string[];
}

/**
 * An epoch-milliseconds value in this range would be a time in January 1970 to 1973, but as seconds it is 2001 to
 * 5138: a unit mistake, not a real bound. Microseconds of today are above `max`.
 */
const EPOCH_SECONDS_LOOKALIKE = { min: 1e9, max: 1e11 };
const EPOCH_MS_MAX = 1e14;

export function checkRequest(entry: RequestLogEntry, contract: RequestContract): CheckResult {
  // Paths no route of the simulator serves (tests of 404 handling, moved base paths) are not platform endpoints.
  if (entry.endpoint === 'unknown') return { status: 'not-an-endpoint', violations: [] };
  const endpoint = contract.find(entry.method, entry.path);
  if (!endpoint) {
    if (contract.findInferred(entry.method, entry.path)) return { status: 'inferred', violations: [] };
    return { status: 'checked', violations: [`${entry.method} ${entry.path} is neither a documented nor an inferred endpoint`] };
  }
  const where = `${entry.method} ${endpoint.path}`;
  const violations: string[] = [];
  const byPlace = (place: ContractParam['in']) => endpoint.params.filter((p) => p.in === place);
  const query = byPlace('query');
  const body = byPlace('body');

  for (const [name, value] of Object.entries(entry.query)) {
    const param = query.find((p) => p.name === name);
    if (!param) {
      violations.push(`${where}: query parameter "${name}" is not documented${placeHint(name, body, 'the JSON body')}`);
      continue;
    }
    const problem = queryValueProblem(param, value);
    if (problem) violations.push(`${where}: query parameter "${name}" ${problem}`);
  }
  for (const param of query) {
    if (param.required && (entry.query[param.name] === undefined || entry.query[param.name] === '')) {
      violations.push(`${where}: required query parameter "${param.name}" is missing`);
    }
  }

  const sent = entry.body;
  if (sent !== undefined) {
    if (!/^application\/json\s*(;|$)/i.test(entry.headers['content-type'] ?? ''))
      violations.push(`${where}: a JSON body needs Content-Type application/json`);
    if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) {
      violations.push(`${where}: the body must be a JSON object`);
    } else {
      violations.push(...fieldProblems(where, 'body field', sent as Record<string, unknown>, body, query));
    }
  }
  for (const param of body) {
    const fields = sent !== null && typeof sent === 'object' ? (sent as Record<string, unknown>) : {};
    if (param.required && (fields[param.name] === undefined || fields[param.name] === null)) {
      violations.push(`${where}: required body field "${param.name}" is missing`);
    }
  }

  const authenticated = !endpoint.path.startsWith('/v2/quecauth/');
  if (authenticated && !(entry.headers.authorization ?? '').startsWith('QJWT ')) {
    violations.push(`${where}: Authorization must carry the token as issued ("QJWT ...")`);
  }
  return { status: 'checked', violations };
}

function fieldProblems(
  where: string,
  what: string,
  object: Record<string, unknown>,
  fields: readonly ContractField[],
  otherPlace: readonly ContractField[] = [],
): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(object)) {
    const field = fields.find((f) => f.name === name);
    if (!field) {
      problems.push(`${where}: ${what} "${name}" is not documented${placeHint(name, otherPlace, 'the query string')}`);
      continue;
    }
    if (value === null || value === undefined) continue;
    const problem = jsonValueProblem(field, value);
    if (problem) problems.push(`${where}: ${what} "${name}" ${problem}`);
    if (field.items && Array.isArray(value)) {
      value.forEach((element, i) => {
        if (element === null || typeof element !== 'object' || Array.isArray(element))
          problems.push(`${where}: ${what} "${name}[${i}]" must be an object`);
        else problems.push(...fieldProblems(where, `field of ${name}[${i}]`, element as Record<string, unknown>, field.items ?? []));
      });
    }
  }
  return problems;
}

function placeHint(name: string, elsewhere: readonly ContractField[], place: string): string {
  return elsewhere.some((f) => f.name === name) ? ` here; it belongs in ${place}` : '';
}

function queryValueProblem(param: ContractField, value: string): string | undefined {
  switch (param.type) {
    case 'integer':
      if (!/^-?\d{1,18}$/.test(value)) return `must be an integer, got "${value}"`;
      return unitProblem(param, Number(value)) ?? enumProblem(param, Number(value));
    case 'number':
      return Number.isFinite(Number(value)) && value.trim() !== '' ? undefined : `must be a number, got "${value}"`;
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : `must be true or false, got "${value}"`;
    default:
      return enumProblem(param, value);
  }
}

function jsonValueProblem(field: ContractField, value: unknown): string | undefined {
  const actual = Array.isArray(value) ? 'array' : typeof value;
  switch (field.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a JSON integer, got ${JSON.stringify(value)}`;
      return unitProblem(field, value) ?? enumProblem(field, value);
    case 'number':
      return typeof value === 'number' ? undefined : `must be a JSON number, got ${actual}`;
    case 'string':
      return typeof value === 'string' ? enumProblem(field, value) : `must be a JSON string, got ${actual}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be a JSON boolean, got ${actual}`;
    case 'array':
      return Array.isArray(value) ? undefined : `must be a JSON array, got ${actual}`;
    case 'object':
      return actual === 'object' ? undefined : `must be a JSON object, got ${actual}`;
  }
}

function unitProblem(field: ContractField, value: number): string | undefined {
  if (field.unit === 'ms' && /(Date|Time)/i.test(field.name)) {
    if (value >= EPOCH_SECONDS_LOOKALIKE.min && value < EPOCH_SECONDS_LOOKALIKE.max) return `is epoch milliseconds; ${value} looks like seconds`;
    if (value > EPOCH_MS_MAX) return `is epoch milliseconds; ${value} looks like microseconds`;
  }
  if (field.unit === 's' && value > 10 * 365 * 86_400) return `is in seconds; ${value} is too large (milliseconds?)`;
  return undefined;
}

function enumProblem(field: ContractField, value: string | number): string | undefined {
  if (!field.enum) return undefined;
  return field.enum.some((allowed) => String(allowed) === String(value)) ? undefined : `must be one of ${field.enum.join(', ')}, got ${value}`;
}
