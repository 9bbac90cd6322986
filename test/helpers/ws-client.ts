import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface WsResult {
  data?: any;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export interface WsSubscription {
  /** The next result; rejects when the subscription completes, errors, or nothing comes within `boundMs`. */
  next(boundMs?: number): Promise<WsResult>;
  /** The one result of a subscription expected to fail at once (and complete right after). */
  failure(): Promise<WsResult>;
  leave(): Promise<unknown>;
}

/**
 * A real graphql-ws client (over `ws`) for `<service>/graphql`; `closes` collects the socket close codes;
 * `connectionParams` go in `connection_init` (credentials: `x-api-key`, `authorization`).
 */
export function wsClient(serviceUrl: string, closes: number[] = [], connectionParams?: Record<string, unknown>): Client {
  return createClient({
    url: `${serviceUrl.replace(/^http/, 'ws')}/graphql`,
    connectionParams,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => closes.push((event as { code: number }).code) },
  });
}

/**
 * Subscriptions opened through `subscribe` until `leaveAll`, so an `afterEach` can end them even when an assertion
 * failed half-way.
 */
const opened: Array<AsyncIterableIterator<unknown>> = [];

export function subscribe(client: Client, query: string, variables?: Record<string, unknown>): WsSubscription {
  const iterator = client.iterate<any>({ query, variables });
  opened.push(iterator);
  return {
    // The bound is a safety net for a message that should arrive; a passing run never gets near it.
    next: async (boundMs = 10_000) => {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no result within ${boundMs} ms`)), boundMs);
      });
      try {
        const result = await Promise.race([iterator.next(), bound]);
        if (result.done) throw new Error('subscription completed');
        return result.value as WsResult;
      } finally {
        clearTimeout(timer);
      }
    },
    failure: async () => {
      const first = await iterator.next();
      if (first.done) throw new Error('completed without a result');
      const second = await iterator.next();
      if (!second.done) throw new Error('expected the subscription to complete after its error');
      return first.value as WsResult;
    },
    leave: async () => iterator.return?.(),
  };
}

/** Leaves every subscription opened since the last call. */
export async function leaveAll(): Promise<void> {
  await Promise.all(opened.splice(0).map((iterator) => iterator.return?.()));
}
