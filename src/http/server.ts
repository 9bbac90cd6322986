import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { App } from '../app';
import { handleGraphQL } from './graphql-handler';
import { checkReadiness } from './readiness';
import { attachSubscriptions } from './subscriptions';

/** The request id we log and return: the caller's `x-request-id` when it is sane, else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,128}$/.test(given) ? given : randomUUID();
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * HTTP routes: `/graphql` (also `/`) for GraphQL and the Sandbox, and for GraphQL over WebSocket (subscriptions),
 * `/health` for liveness, `/ready` for readiness (upstream token obtainable, Redis reachable when configured) and
 * `/metrics` for Prometheus.
 */
export function createHttpServer(app: App): Server {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const fail = (error: unknown) => {
      app.logger.error({ requestId, path, err: error instanceof Error ? error.message : String(error) }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    };
    switch (path) {
      case '/health':
        sendJson(res, 200, { status: 'ok' });
        return;
      case '/ready':
        checkReadiness({
          getToken: () => app.tokens.getToken(),
          cache: app.cache,
          redisConfigured: app.config.redisUrl !== undefined,
          timeoutMs: app.config.readinessTimeoutMs,
        })
          .then(({ ready, checks }) => sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks }))
          .catch(fail);
        return;
      case '/metrics':
        app.metrics
          .render()
          .then(({ contentType, body }) => {
            res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
            res.end(body);
          })
          .catch(fail);
        return;
      case '/graphql':
      case '/':
        handleGraphQL(app.server, () => app.contextFor(requestId, req.headers), req, res).catch(fail);
        return;
      default:
        sendJson(res, 404, { error: 'not found' });
    }
  });
  attachSubscriptions(server, app, requestIdOf);
  return server;
}

export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { address, port: actual } = server.address() as AddressInfo;
      resolve(`http://${address.includes(':') ? `[${address}]` : address}:${actual}`);
    });
  });
}
