import type { Server } from 'node:http';
import { createApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';
import { createHttpService, listen } from '../../src/http/server';
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '../../simulator';
import { NO_HEDGING } from './no-hedging';

export interface HttpService {
  sim: SimulatorHandle;
  app: App;
  http: Server;
  /** Base URL, e.g. http://127.0.0.1:40123; GraphQL is at `${url}/graphql`. */
  url: string;
  close(): Promise<void>;
}

/**
 * The real app behind the real node:http server, in this process, on port 0, against the simulator on port 0, or
 * against `sim` when one is given (e.g. one already attached to a broker); `close()` closes the simulator either way.
 */
export async function startHttpService(
  options: { simulator?: SimulatorOptions; sim?: SimulatorHandle; env?: NodeJS.ProcessEnv; overrides?: AppOverrides; logger?: Logger } = {},
): Promise<HttpService> {
  const sim = options.sim ?? (await startSimulator(options.simulator));
  const config = loadConfig({ LOG_LEVEL: 'silent', SHUTDOWN_GRACE_MS: '1000', ...NO_HEDGING, ...options.env });
  let app: App;
  let http: Server;
  try {
    ({ http, app } = await createHttpService(config.shutdownGraceMs, (plugins) =>
      createApp(
        config,
        { baseUrl: sim.baseUrl, ...sim.credentials },
        { logger: options.logger ?? createLogger('silent'), ...options.overrides, plugins },
      ),
    ));
  } catch (error) {
    await sim.close();
    throw error;
  }
  const url = await listen(http, 0, '127.0.0.1');
  let closed = false;
  return {
    sim,
    app,
    http,
    url,
    async close() {
      if (closed) return;
      closed = true;
      // Drains the HTTP server and its WebSockets first (`createHttpService`).
      await app.stop();
      await sim.close();
    },
  };
}
