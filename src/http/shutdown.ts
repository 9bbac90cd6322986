import type { Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Context } from '../context';

/** What ends the WebSocket connections the HTTP server handed over: graphql-ws's `useServer` result. */
export interface SocketServer {
  dispose(): Promise<void>;
}

/**
 * The Apollo plugins that make `ApolloServer.stop()` (hence `app.stop()`) a graceful drain of `httpServer`, both run
 * by Apollo before it stops executing operations:
 * - graphql-ws's `dispose()` closes every WebSocket with 1001 Going Away. It comes first so the close frame is written
 *   before the HTTP drain ends the (to it, idle) upgraded connections.
 * - Apollo's drain plugin closes the listener (new connections are refused), ends idle keep-alive connections at once
 *   and busy ones as their last response finishes, and after `graceMs` destroys whatever is left, WebSockets
 *   included, so a stuck client cannot hold the process.
 * `sockets` is asked for at drain time: the WebSocket server is attached after the app (it needs the schema).
 */
export function drainPlugins(httpServer: Server, graceMs: number, sockets: () => SocketServer | undefined): ApolloServerPlugin<Context>[] {
  return [
    {
      async serverWillStart() {
        return {
          async drainServer() {
            await sockets()?.dispose();
          },
        };
      },
    },
    ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: graceMs }),
  ];
}
