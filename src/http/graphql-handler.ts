import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Context } from '../context';
import { MIN_COMPRESS_BYTES, compress, negotiateEncoding } from './compression';

/** Requests larger than this are refused before parsing: a GraphQL document has no business being bigger. */
const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLargeError extends Error {}

/**
 * Adapts node:http to Apollo Server's transport-neutral `executeHTTPGraphQLRequest`. Apollo does the protocol
 * work (GET/POST, CSRF prevention, persisted queries, landing page, status codes); this moves bytes and
 * compresses complete bodies when the client accepts it (Apollo does not compress).
 */
export async function handleGraphQL(
  server: ApolloServer<Context>,
  contextFor: (req: IncomingMessage) => Promise<Context>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let raw: string;
  try {
    raw = await readBody(req);
  } catch (error) {
    const tooLarge = error instanceof BodyTooLargeError;
    res.writeHead(tooLarge ? 413 : 400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: tooLarge ? 'Request body too large' : 'Could not read request body', extensions: { code: 'BAD_REQUEST' } }] }));
    return;
  }
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
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] }));
      return;
    }
  }
  const result = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context: async () => contextFor(req),
  });
  for (const [name, value] of result.headers) res.setHeader(name, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    const vary = res.getHeader('vary');
    res.setHeader('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
    const body = Buffer.from(result.body.string, 'utf8');
    const encoding = body.length >= MIN_COMPRESS_BYTES ? negotiateEncoding(req) : undefined;
    if (!encoding) {
      res.end(body);
      return;
    }
    const compressed = await compress(body, encoding);
    res.setHeader('content-encoding', encoding);
    res.setHeader('content-length', compressed.length);
    res.end(compressed);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
