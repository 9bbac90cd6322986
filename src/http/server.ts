import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import type { App } from '../app';
import type { Context } from '../context';
import { withCompression } from './compression';
import { applyCors } from './cors';
import { Explorer } from './explorer';
import { handleGraphQL } from './graphql-handler';
import { checkReadiness } from './readiness';
import { drainPlugins, type SocketServer } from './shutdown';
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
 * Builds the HTTP server and the app around each other. Apollo's drain plugins must watch the server's connections
 * from before Apollo starts, and the routes need the started app; so the server is created bare, `buildApp` gets the
 * drain plugins to pass to `createApp`, and the routes are attached after. `app.stop()` then drains the server
 * (see `drainPlugins`), with `graceMs` as the most in-flight requests may take.
 */
export async function createHttpService(
  graceMs: number,
  buildApp: (plugins: ApolloServerPlugin<Context>[]) => Promise<App>,
): Promise<{ http: Server; app: App }> {
  const http = createServer();
  let sockets: SocketServer | undefined;
  const app = await buildApp(drainPlugins(http, graceMs, () => sockets));
  http.on('request', routes(app));
  sockets = attachSubscriptions(http, app, requestIdOf);
  return { http, app };
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
 * with CORS for the origins in CORS_ORIGINS; `/graphiql` for the offline explorer (when the landing page is on);
 * `/health` for liveness, and unless OPS_PORT moves them to `createOpsServer`, `/ready` for readiness (upstream
 * token obtainable, Redis reachable when configured) and `/metrics` for Prometheus.
 */
function routes(app: App): (req: IncomingMessage, res: ServerResponse) => void {
  const opsHere = app.config.ops === undefined;
  const explorer = app.config.exposure.landingPage ? new Explorer() : undefined;
  return listener(app, (path, requestId, req, res, fail) => {
    if (path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (opsHere && serveOps(app, path, res, fail)) return;
    if (path === '/graphql' || path === '/') {
      if (applyCors(req, res, app.config.corsOrigins)) return;
      withCompression(req, res, () =>
        handleGraphQL(app.server, () => app.contextFor(requestId, req.headers), req, res, { maxBodyBytes: app.config.maxBodyBytes }).catch(fail),
      );
      return;
    }
    if (explorer?.owns(path)) return withCompression(req, res, () => explorer.serve(path, req, res));
    sendJson(res, 404, { error: 'not found' });
  });
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
