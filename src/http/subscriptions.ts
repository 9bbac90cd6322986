import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GraphQLError,
  createSourceEventStream,
  getOperationAST,
  execute,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import { CloseCode, type ServerOptions } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { App } from '../app';
import type { Context } from '../context';
import { AppError, formatError } from '../errors';
import type { Caller } from '../auth/callers/caller';
import { guardOperation } from '../auth/callers/operation-guard';
import { originAllowed } from './cors';

/** What graphql-ws's `ws` adapter puts in `ctx.extra`. */
interface WsExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

type UseServer = (
  options: ServerOptions<Record<string, unknown> | undefined, WsExtra> & { isProd?: boolean },
  ws: WebSocketServer,
) => { dispose(): Promise<void> };

// graphql-ws publishes its `ws` adapter only through package.json "exports", which our `moduleResolution: node`
// does not read; node's CommonJS loader does, so the adapter is required at run time and typed with the main
// entry's `ServerOptions`.
const { useServer } = require('graphql-ws/use/ws') as { useServer: UseServer };

/** Same ceiling as an HTTP body: a subscribe message has no business being bigger. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** The paths GraphQL answers on over HTTP; WebSocket upgrades are accepted on the same ones. */
const GRAPHQL_PATHS = new Set(['/graphql', '/']);

/**
 * Serves GraphQL over WebSocket (graphql-ws protocol, `graphql-transport-ws`) on the HTTP server's `/graphql`
 * path, for `Subscription.deviceMessages`. Each operation gets its own context; each event of a subscription is
 * executed with a fresh context (new datasources and loaders), so a device loaded for one event is never served
 * from a cache to the next. Errors go through the same `formatError` as HTTP. The returned `dispose()` (graphql-ws's)
 * closes every socket with 1001 Going Away; the HTTP drain calls it on shutdown.
 */
export function attachSubscriptions(server: Server, app: App, requestIdOf: (request: IncomingMessage) => string): { dispose(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!GRAPHQL_PATHS.has(path)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // Browsers apply no CORS to WebSockets: without this, any web page the user visits could subscribe through
    // their browser (cross-site WebSocket hijacking). Same rule as CORS on HTTP (docs/security.md).
    if (!originAllowed(request.headers.origin, request.headers.host, app.config.corsOrigins)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  // The caller of each connection, authenticated once from its `connection_init` payload.
  const callers = new WeakMap<object, Caller>();
  const operations = new OperationLog(app);
  return useServer(
    {
      isProd: app.config.nodeEnv === 'production',
      onConnect: async (ctx) => {
        try {
          // connectionParams carry `x-api-key` / `authorization` (browsers cannot set upgrade headers); a server-side
          // client may send them as upgrade headers instead.
          const { caller } = await app.contextFor(requestIdOf(ctx.extra.request), { ...ctx.extra.request.headers, ...ctx.connectionParams });
          callers.set(ctx, caller);
          return true;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          // graphql-ws's own code for "not authenticated"; returning false alone would say 4403 Forbidden.
          ctx.extra.socket.close(CloseCode.Unauthorized, `Unauthorized: ${error.message}`.slice(0, 120));
          return false;
        }
      },
      onSubscribe: (ctx, id, payload) => {
        const prepared = prepare(app, callerOf(callers, ctx), payload.query, payload.operationName, payload.variables);
        operations.started(ctx, id, requestIdOf(ctx.extra.request), payload.operationName, prepared);
        // A refused operation ends here (graphql-ws answers it with an error message without running anything).
        if (Array.isArray(prepared))
          operations.ended(
            ctx,
            id,
            (prepared as readonly GraphQLError[]).map((e) => formatWsError(e, 'GRAPHQL_VALIDATION_FAILED')),
          );
        return prepared;
      },
      onComplete: (ctx, id) => operations.ended(ctx, id, []),
      context: (ctx) => app.createContext(requestIdOf(ctx.extra.request), callerOf(callers, ctx)),
      subscribe: (args) =>
        subscribeWithFreshContexts(args, () => app.createContext((args.contextValue as Context).requestId, (args.contextValue as Context).caller)),
      onNext: (ctx, id, _payload, _args, result) => {
        if (!result.errors) return undefined;
        const errors = result.errors.map((e) => formatWsError(e, 'BAD_USER_INPUT'));
        operations.failed(ctx, id, errors);
        return { ...result, errors };
      },
      onError: (ctx, id, _payload, errors) => {
        const formatted = errors.map((e) => formatWsError(e, 'GRAPHQL_VALIDATION_FAILED'));
        operations.ended(ctx, id, formatted);
        return formatted;
      },
    },
    wss,
  );
}

/**
 * Logs and counts WebSocket operations like the HTTP plugins do for requests: one `graphql request` line per
 * operation when it ends (completed, failed, or the client left), with `transport: "ws"`, the operation name and
 * type, its duration and the error codes, never the query text or variables; and the same operation histogram.
 */
class OperationLog {
  private readonly open = new WeakMap<
    object,
    Map<string, { requestId: string; name: string | null; type: string | null; started: number; codes: Set<string> }>
  >();

  constructor(private readonly app: App) {}

  started(ctx: object, id: string, requestId: string, name: string | null | undefined, prepared: ExecutionArgs | readonly GraphQLError[]): void {
    let byId = this.open.get(ctx);
    if (!byId) {
      byId = new Map();
      this.open.set(ctx, byId);
    }
    // Like Apollo over HTTP: the operation's own name when the client sent no operationName.
    const operation = Array.isArray(prepared) ? undefined : getOperationAST((prepared as ExecutionArgs).document, name);
    byId.set(id, {
      requestId,
      name: name ?? operation?.name?.value ?? null,
      type: operation?.operation ?? null,
      started: performance.now(),
      codes: new Set(),
    });
  }

  failed(ctx: object, id: string, errors: readonly GraphQLFormattedError[]): void {
    const entry = this.open.get(ctx)?.get(id);
    for (const error of errors) entry?.codes.add(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  }

  ended(ctx: object, id: string, errors: readonly GraphQLFormattedError[]): void {
    const byId = this.open.get(ctx);
    const entry = byId?.get(id);
    if (!byId || !entry) return;
    byId.delete(id);
    for (const error of errors) entry.codes.add(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
    const durationMs = performance.now() - entry.started;
    const codes = [...entry.codes];
    this.app.logger.child({ requestId: entry.requestId }).info(
      {
        transport: 'ws',
        operationName: entry.name,
        operationType: entry.type,
        durationMs: Math.round(durationMs),
        ...(codes.length > 0 ? { errorCodes: codes } : {}),
      },
      'graphql request',
    );
    this.app.metrics.observeOperation({
      operationName: entry.name ?? undefined,
      operationType: entry.type ?? undefined,
      outcome: codes.length > 0 ? 'error' : 'ok',
      durationMs,
      transport: 'ws',
    });
  }
}

/**
 * Parses and validates a subscribe message ourselves so a syntax error answers with a coded error message instead
 * of graphql-ws closing the socket (its own parse throws outside its error path).
 */
function prepare(
  app: App,
  caller: Caller,
  query: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): ExecutionArgs | readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'Syntax error';
    return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
  }
  const invalid = validate(app.schema, document);
  if (invalid.length > 0) {
    return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
  }
  const operation = getOperationAST(document, operationName);
  if (operation) {
    try {
      guardOperation(caller, document, operation, {
        authRequired: app.authenticator.required,
        routerSecretConfigured: app.config.auth.routerSecret !== undefined,
      });
    } catch (error) {
      if (error instanceof AppError) return [error];
      throw error;
    }
  }
  // The same limits as over HTTP; each event then executes the selection once (docs/limits.md).
  const refusal = app.queryCost.check(document, operationName, variables);
  if (refusal) return [refusal];
  return { schema: app.schema, document, operationName, variableValues: variables };
}

/** The connection's caller; onConnect sets it before graphql-ws accepts any subscribe message. */
function callerOf(callers: WeakMap<object, Caller>, ctx: object): Caller {
  const caller = callers.get(ctx);
  if (!caller) throw new Error('subscribe before connection_init was acknowledged');
  return caller;
}

/**
 * graphql-js `subscribe`, except that every event is executed with a new context from `perEvent` instead of the
 * subscription's own. `return()` goes straight to the source stream, so leaving takes effect while it waits.
 */
async function subscribeWithFreshContexts(
  args: ExecutionArgs,
  perEvent: () => Context,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  const source = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const done = (): IteratorResult<ExecutionResult> => ({ value: undefined, done: true });
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const event = await source.next();
      if (event.done) return done();
      return { value: await execute({ ...args, rootValue: event.value, contextValue: perEvent() }), done: false };
    },
    async return() {
      await source.return?.();
      return done();
    },
    async throw(error?: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return results;
}

/**
 * Our `formatError` for errors that never passed through Apollo: GraphQL's own request errors (parse, validation,
 * variable coercion) carry no code yet, so they get `fallback` rather than being masked as internal errors.
 */
function formatWsError(error: GraphQLError, fallback: string): GraphQLFormattedError {
  const formatted = error.toJSON();
  if (error.originalError === undefined && formatted.extensions?.code === undefined) {
    return formatError({ ...formatted, extensions: { ...formatted.extensions, code: fallback } }, error);
  }
  return formatError(formatted, error);
}
