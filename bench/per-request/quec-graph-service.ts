import 'reflect-metadata';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createHttpService, listen } from '../../src/http/server';
import { createLogger } from '../../src/logger';

export interface Upstream {
  baseUrl: string;
  accessKey: string;
  accessSecret: string;
}

/**
 * quec-graph as it ships (NODE_ENV=production defaults, the real HTTP service) on a free loopback port, for a bench
 * process of its own, against `upstream`; `env` adds variables (a push queue, a wider limiter). Production logging
 * (one line per request at the default level) goes to stdout, which the benches send to /dev/null.
 */
export async function startQuecGraph(upstream: Upstream, env: NodeJS.ProcessEnv = {}): Promise<{ url: string; app: App }> {
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    QUEC_BASE_URL: upstream.baseUrl,
    QUEC_ACCESS_KEY: upstream.accessKey,
    QUEC_ACCESS_SECRET: upstream.accessSecret,
    ...env,
  });
  const logger = createLogger(config.logLevel);
  const { http, app } = await createHttpService(config.shutdownGraceMs, (plugins) => createApp(config, upstream, { logger, plugins }));
  return { url: await listen(http, 0, '127.0.0.1'), app };
}
