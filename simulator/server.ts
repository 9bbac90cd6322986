import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { authorizeBusinessCall } from './auth/authorize';
import type { FaultQueue } from './faults';
import { BusinessError } from './http/business-error';
import { errorBody, type EnvelopeKind } from './http/envelope';
import { TOKEN_ERROR_CODES, messageFor } from './http/error-codes';
import type { RequestLog } from './request-log';
import type { RouteContext, RouteDefinition, Router, SimRequest } from './router';
import type { FaultSpec } from './simulator.types';
import { toDateTimeStrings } from './strict/date-time';
import { requestContract } from './strict/request-contract';
import { strictRequestCode } from './strict/request-check';

export interface ServerDependencies {
  router: Router;
  context: RouteContext;
  log: RequestLog;
  faults: FaultQueue;
  latencyMs(): number;
}

interface Outcome {
  httpStatus: number;
  /** Serialised body. */
  payload: string;
  contentType: string;
  code: number;
  headers?: Record<string, string>;
  /** Cut the connection instead of answering (an injected fault). */
  reset?: boolean;
}

const JSON_TYPE = 'application/json;charset=UTF-8';
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** node:http listener: parse, route, authorize, run, delay, log, answer. Never leaks a stack trace. */
export function createRequestListener(deps: ServerDependencies) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(deps, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': JSON_TYPE });
      res.end();
    });
  };
}

async function handle(deps: ServerDependencies, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = deps.context.clock.now();
  // Closed before we answered: the caller gave up (its timeout) or the simulator is closing its connections.
  const callerGone = new AbortController();
  res.once('close', () => callerGone.abort());
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const { raw, tooLarge } = await readBody(req);
  const request: SimRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: firstValues(url.searchParams),
    body: parseJson(raw),
    rawBody: raw,
    headers: flattenHeaders(req),
  };

  const match = deps.router.match(request.method, request.path);
  let endpoint = 'unknown';
  let outcome: Outcome;
  if (match.kind === 'found') {
    endpoint = match.route.endpoint;
    outcome = tooLarge ? jsonOutcome(200, errorBody(match.route.envelope, 50005)) : await run(deps, match.route, request, callerGone.signal);
  } else if (match.kind === 'method-not-allowed') {
    outcome = jsonOutcome(405, { code: 405, msg: 'Method Not Allowed' });
  } else {
    outcome = jsonOutcome(404, { code: 404, msg: 'Not Found' });
  }

  const latency = deps.latencyMs();
  if (latency > 0) await delay(latency, callerGone.signal);
  const entry = {
    endpoint,
    method: request.method,
    path: request.path,
    query: request.query,
    body: request.body,
    headers: request.headers,
    code: outcome.code,
    httpStatus: outcome.httpStatus,
    at,
  };
  deps.log.record(entry);
  deps.context.options.requestObserver?.(structuredClone(entry));
  if (outcome.reset) {
    req.socket.destroy();
    return;
  }
  res.writeHead(outcome.httpStatus, {
    ...outcome.headers,
    'content-type': outcome.contentType,
    'content-length': Buffer.byteLength(outcome.payload),
  });
  res.end(outcome.payload);
}

async function run(deps: ServerDependencies, route: RouteDefinition, request: SimRequest, callerGone: AbortSignal): Promise<Outcome> {
  const fault = deps.faults.take(route.endpoint);
  if (fault) {
    if (fault.delayMs && fault.delayMs > 0) await delay(fault.delayMs, callerGone);
    return faultOutcome(fault, route.envelope);
  }
  const { context } = deps;
  const { strict } = context.options;
  try {
    if (route.authenticated) authorizeBusinessCall(request.headers, context.tokens, context.clock.now());
    // The quecauth calls (the only unauthenticated ones) also take a form body (§2.1).
    const strictCode = strictRequestCode(request, strict, requestContract(), { formBodies: !route.authenticated });
    if (strictCode !== undefined) throw new BusinessError(strictCode);
    const result = await route.handle(request, context);
    const body = strict.dateTimeStrings ? toDateTimeStrings(route.endpoint, result.body) : result.body;
    return jsonOutcome(result.httpStatus ?? 200, body);
  } catch (error) {
    if (error instanceof BusinessError) {
      if (TOKEN_ERROR_CODES.has(error.code)) return tokenErrorOutcome(deps, route, request, error.code);
      return jsonOutcome(200, errorBody(route.envelope, error.code));
    }
    // The caller only ever sees 50000; the stack stays on the simulator's stderr for whoever runs it.
    console.error(`[simulator] ${route.endpoint} handler failed`, error);
    return jsonOutcome(200, errorBody(route.envelope, 50000));
  }
}

/**
 * A token failure (§2.3) as the configured platform answers it: by default the 91xxx code in a JSON body; strict
 * mode may instead answer a dead (expired or revoked) token with a bare HTTP 401 and no body, as a gateway in
 * front of the services would, and lets the end-user family name its own codes 5106/5032 (§12.15).
 */
function tokenErrorOutcome(deps: ServerDependencies, route: RouteDefinition, request: SimRequest, code: number): Outcome {
  const { options, tokens, clock } = deps.context;
  if (route.authenticated && options.strict.bareUnauthorized && code === 91004) {
    const state = tokens.state(request.headers.authorization ?? '', clock.now());
    if (state === 'expired' || state === 'revoked') return { httpStatus: 401, payload: '', contentType: 'text/plain;charset=UTF-8', code: 401 };
  }
  if (route.authenticated && options.strict.endUserTokenCodes && route.envelope === 'B') {
    return jsonOutcome(200, errorBody('B', code === 91001 ? 5106 : 5032));
  }
  return jsonOutcome(options.tokenErrorHttpStatus, errorBody(route.envelope, code));
}

function faultOutcome(fault: FaultSpec, envelope: EnvelopeKind): Outcome {
  const httpStatus = fault.httpStatus ?? 200;
  if (fault.reset) return { httpStatus: 0, payload: '', contentType: JSON_TYPE, code: 0, reset: true };
  if (fault.body !== undefined) {
    const parsed = parseJson(fault.body);
    return {
      httpStatus,
      payload: fault.body,
      contentType: parsed === undefined ? 'text/html;charset=UTF-8' : JSON_TYPE,
      code: fault.code ?? codeOf(parsed) ?? httpStatus,
      headers: fault.headers,
    };
  }
  const code = fault.code ?? 50000;
  return { ...jsonOutcome(httpStatus, errorBody(envelope, code, fault.msg ?? messageFor(code))), headers: fault.headers };
}

function jsonOutcome(httpStatus: number, body: unknown): Outcome {
  return { httpStatus, payload: JSON.stringify(body), contentType: JSON_TYPE, code: codeOf(body) ?? httpStatus };
}

function codeOf(body: unknown): number | undefined {
  if (body !== null && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'number') {
    return (body as { code: number }).code;
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<{ raw: string; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(chunk as Buffer);
  }
  return { raw: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge };
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** Repeated parameters: the first wins; upstream behaviour for repeats is undocumented. */
function firstValues(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of params) if (!(name in out)) out[name] = value;
  return out;
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * Waits `ms`, or until the caller's connection closes. A timer held for a caller that has gone kept a closed
 * simulator's process alive for the rest of an injected delay (a test runner's worker then had to be killed).
 */
function delay(ms: number, callerGone: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal: callerGone }).catch(() => undefined);
}
