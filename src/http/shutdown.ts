import type { Server } from 'node:http';

/** How often idle keep-alive connections are swept while draining, ms. */
const IDLE_SWEEP_MS = 100;

/**
 * Long-lived connections the HTTP server handed over (WebSocket upgrades) are invisible to its idle sweep and to
 * `closeAllConnections`, yet `close()` waits for them. Whoever takes them over registers here how to end them.
 */
export interface DrainHook {
  /** Ends the connections politely (e.g. WebSocket close 1001) and resolves when they are gone. */
  drain(): Promise<void>;
  /** Cuts whatever is left once the grace period is over. */
  cut(): void;
}

const drainHooks = new WeakMap<Server, DrainHook[]>();

/** Registers connections taken over from `server` so `closeGracefully` ends them too. */
export function onDrain(server: Server, hook: DrainHook): void {
  drainHooks.set(server, [...(drainHooks.get(server) ?? []), hook]);
}

/**
 * Stops accepting connections and resolves once in-flight requests have completed. Keep-alive connections are
 * closed as soon as they fall idle (a router holds its connections open, which would otherwise keep `close()`
 * waiting); connections taken over by an `onDrain` hook (WebSockets) are asked to close at once; connections still
 * busy after `graceMs` are cut, so a stuck client cannot hold the process.
 */
export function closeGracefully(server: Server, graceMs: number): Promise<{ forced: boolean }> {
  return new Promise((resolve) => {
    let forced = false;
    const hooks = drainHooks.get(server) ?? [];
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
      for (const hook of hooks) hook.cut();
    }, graceMs);
    sweep.unref();
    deadline.unref();
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve({ forced });
    });
    server.closeIdleConnections();
    for (const hook of hooks) void hook.drain().catch(() => hook.cut());
  });
}
