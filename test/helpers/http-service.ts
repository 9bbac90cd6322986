import type { Server } from 'node:http';
import { createApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';
import { createHttpServer, listen } from '../../src/http/server';
import { closeGracefully } from '../../src/http/shutdown';
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '../../simulator';

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
  const config = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
  let app: App;
  try {
    app = await createApp(config, { baseUrl: sim.baseUrl, ...sim.credentials }, { logger: options.logger ?? createLogger('silent'), ...options.overrides });
  } catch (error) {
    await sim.close();
    throw error;
  }
  const http = createHttpServer(app);
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
      await closeGracefully(http, 1000);
      await app.stop();
      await sim.close();
    },
  };
}
