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

type Fail = (error: unknown) => void;

/** Serves `/ready` and `/metrics`; false when `path` is neither. */
function serveOps(app: App, path: string, res: ServerResponse, fail: Fail): boolean {
  switch (path) {
    case '/ready':
      checkReadiness({
        getToken: () => app.tokens.getToken(),
        cache: app.cache,
        redisConfigured: app.config.redisUrl !== undefined,
        timeoutMs: app.config.readinessTimeoutMs,
      })
        .then(({ ready, checks }) => sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks }))
        .catch(fail);
      return true;
    case '/metrics':
      app.metrics
        .render()
        .then(({ contentType, body }) => {
          res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
          res.end(body);
        })
        .catch(fail);
      return true;
    default:
      return false;
  }
}

/** The common frame of both listeners: request id header, path, a logged coded 500 for anything that throws. */
function listener(app: App, route: (path: string, requestId: string, req: IncomingMessage, res: ServerResponse, fail: Fail) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const fail: Fail = (error) => {
      app.logger.error({ requestId, path, err: error instanceof Error ? error.message : String(error) }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    };
    route(path, requestId, req, res, fail);
  };
}

/**
 * HTTP routes: `/graphql` (also `/`) for GraphQL and the Sandbox, and for GraphQL over WebSocket (subscriptions),
 * `/health` for liveness, and unless OPS_PORT moves them to `createOpsServer`, `/ready` for readiness (upstream
 * token obtainable, Redis reachable when configured) and `/metrics` for Prometheus.
 */
export function createHttpServer(app: App): Server {
  const opsHere = app.config.ops === undefined;
  const server = createServer(
    listener(app, (path, requestId, req, res, fail) => {
      if (path === '/health') return sendJson(res, 200, { status: 'ok' });
      if (opsHere && serveOps(app, path, res, fail)) return;
      if (path === '/graphql' || path === '/') {
        handleGraphQL(app.server, () => app.createContext(requestId), req, res, { maxBodyBytes: app.config.maxBodyBytes }).catch(fail);
        return;
      }
      sendJson(res, 404, { error: 'not found' });
    }),
  );
  attachSubscriptions(server, app, requestIdOf);
  return server;
}

/**
 * The operations listener (OPS_PORT): `/metrics`, `/ready` and `/health`, so a deployment can keep them off the
 * port the public (or the router) reaches. Metrics name endpoints and error rates; readiness spends an upstream login.
 */
export function createOpsServer(app: App): Server {
  return createServer(
    listener(app, (path, _requestId, _req, res, fail) => {
      if (path === '/health') return sendJson(res, 200, { status: 'ok' });
      if (serveOps(app, path, res, fail)) return;
      sendJson(res, 404, { error: 'not found' });
    }),
  );
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
