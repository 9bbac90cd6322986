import type { Server } from 'node:http';

/** How often idle keep-alive connections are swept while draining, ms. */
const IDLE_SWEEP_MS = 100;

/**
 * Stops accepting connections and resolves once in-flight requests have completed. Keep-alive connections are
 * closed as soon as they fall idle (a router holds its connections open, which would otherwise keep `close()`
 * waiting); connections still busy after `graceMs` are cut, so a stuck client cannot hold the process.
 */
export function closeGracefully(server: Server, graceMs: number): Promise<{ forced: boolean }> {
  return new Promise((resolve) => {
    let forced = false;
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, graceMs);
    sweep.unref();
    deadline.unref();
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve({ forced });
    });
    server.closeIdleConnections();
  });
}
