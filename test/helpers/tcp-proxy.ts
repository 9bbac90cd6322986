import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  /** Loopback port that forwards to the target. */
  port: number;
  /**
   * From now on, bytes from clients are held back (never forwarded) while bytes from the target still reach them:
   * e.g. a consumer keeps receiving deliveries but its acknowledgements never reach the broker.
   */
  freezeUpstream(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy on a free loopback port to `127.0.0.1:targetPort`. A client that goes away takes its upstream
 * connection down at once, without forwarding anything held back, as the client's own dying socket would.
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let frozen = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk) => {
      if (!frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    freezeUpstream: () => {
      frozen = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
