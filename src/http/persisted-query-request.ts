import { createHash } from 'node:crypto';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Why a request's `persistedQuery` extension is malformed, or undefined when it is absent or well formed. Apollo
 * Server answers some malformed variants with an uncoded error (wrong version, hash not matching the query), which
 * reaches the caller as INTERNAL_SERVER_ERROR; checking them first turns each into a coded 400 the client can act on.
 *
 * @param body the parsed POST body (or undefined for GET)
 * @param search the URL's query string, where GET requests carry `extensions` as JSON
 */
export function persistedQueryProblem(body: unknown, search: string): string | undefined {
  const request = requestFields(body, search);
  if (!request) return undefined;
  const { extensions, query } = request;
  if (!isObject(extensions) || extensions.persistedQuery === undefined || extensions.persistedQuery === null) return undefined;
  const persisted = extensions.persistedQuery;
  if (!isObject(persisted)) return 'The persistedQuery extension must be an object';
  if (persisted.version !== 1) return 'Unsupported persisted query version: only version 1 is supported';
  if (typeof persisted.sha256Hash !== 'string' || !SHA256_HEX.test(persisted.sha256Hash)) {
    return 'The persistedQuery sha256Hash must be 64 lower-case hexadecimal characters';
  }
  if (query !== undefined && query !== null) {
    if (typeof query !== 'string') return 'The query must be a string';
    if (createHash('sha256').update(query).digest('hex') !== persisted.sha256Hash) return 'The persistedQuery sha256Hash does not match the query';
  }
  return undefined;
}

function requestFields(body: unknown, search: string): { extensions: unknown; query: unknown } | undefined {
  if (isObject(body)) return { extensions: body.extensions, query: body.query };
  const params = new URLSearchParams(search);
  const raw = params.get('extensions');
  if (raw === null) return undefined;
  try {
    return { extensions: JSON.parse(raw), query: params.get('query') ?? undefined };
  } catch {
    // Apollo answers unparsable `extensions` with a coded BAD_REQUEST itself.
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
