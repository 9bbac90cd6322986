import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request headers a browser client may send: content type, credentials, Apollo's CSRF headers, a request id. */
const ALLOWED_HEADERS = 'content-type, authorization, x-api-key, apollo-require-preflight, x-apollo-operation-name, x-request-id';
/** How long a browser may reuse a preflight answer, seconds. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * Whether a browser page from `origin` may use this service: its own origin (the Sandbox, `/graphiql`) always,
 * another one only when CORS_ORIGINS lists it. A request without an `Origin` header is no browser's cross-origin
 * request (curl, servers, a router) and is not judged here.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * CORS for `/graphql` (docs/security.md): an origin listed in CORS_ORIGINS gets `access-control-allow-origin` with
 * its own value (never `*`, never credentials: callers authenticate with headers, not cookies), and its preflight is
 * answered here with 204. Any other origin gets no CORS headers, so its browser withholds the response, and its
 * preflight gets 403. Returns true when the request was a preflight and has been answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  const listed = origin !== undefined && allowed.includes(origin);
  if (origin !== undefined) res.setHeader('vary', 'origin');
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (listed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'x-request-id');
  }
  if (!preflight) return false;
  if (!listed) {
    res.writeHead(403, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
    res.end('Origin not allowed (CORS_ORIGINS)');
    return true;
  }
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_S),
    'content-length': '0',
  });
  res.end();
  return true;
}
