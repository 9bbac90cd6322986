import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Context } from '../context';
import { ErrorCode } from '../errors';
import { flushCompressed } from './compression';
import { persistedQueryProblem } from './persisted-query-request';
import { readBody } from './request-body';

export interface GraphQLHandlerOptions {
  /** Larger bodies get a coded 413 (MAX_BODY_BYTES). */
  maxBodyBytes: number;
}

function sendError(res: ServerResponse, status: number, message: string, code: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Adapts node:http to Apollo Server's transport-neutral `executeHTTPGraphQLRequest`. Apollo does the protocol
 * work (GET/POST, CSRF prevention, persisted queries, landing page, status codes); this moves bytes. The caller
 * wraps `res` in `withCompression` (Apollo does not compress).
 */
export async function handleGraphQL(
  server: ApolloServer<Context>,
  contextFor: (req: IncomingMessage) => Promise<Context>,
  req: IncomingMessage,
  res: ServerResponse,
  options: GraphQLHandlerOptions,
): Promise<void> {
  const read = await readBody(req, options.maxBodyBytes);
  if (read.kind === 'too-large') {
    // `connection: close` when the rest of the body was not read: the socket cannot carry another request.
    sendError(
      res,
      413,
      `Request body is larger than ${options.maxBodyBytes} bytes`,
      ErrorCode.PAYLOAD_TOO_LARGE,
      read.drained ? {} : { connection: 'close' },
    );
    if (!read.drained) res.once('finish', () => req.destroy());
    return;
  }
  if (read.kind === 'failed') {
    sendError(res, 400, 'Could not read request body', 'BAD_REQUEST');
    return;
  }
  const raw = read.text;
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  let body: unknown = raw;
  if (raw !== '' && (headers.get('content-type') ?? '').includes('json')) {
    try {
      body = JSON.parse(raw);
    } catch {
      sendError(res, 400, 'Request body is not valid JSON', 'BAD_REQUEST');
      return;
    }
  }
  const persistedProblem = persistedQueryProblem(body, url.search);
  if (persistedProblem) {
    sendError(res, 400, persistedProblem, 'BAD_REQUEST');
    return;
  }
  const result = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context: async () => contextFor(req),
  });
  for (const [name, value] of result.headers) res.setHeader(name, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) {
    res.write(chunk);
    flushCompressed(res);
  }
  res.end();
}
