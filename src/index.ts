// First, so the modules below load through Node's compile cache where there is one.
import './compile-cache';
import 'reflect-metadata';
import { loadConfig, ConfigError, REGION_BASE_URLS } from './config';
import type { AppOverrides, UpstreamTarget } from './app';
import { createLogger } from './logger';
import { loadDotEnv } from './env-file';
// The process entry is the one place in src/ allowed to start the embedded simulator (house style).
import type { SimulatorHandle } from '../simulator';

async function main(): Promise<void> {
  const envFile = loadDotEnv();
  const config = loadConfig();
  // The app, the HTTP layer and the simulator load only once the configuration is known to be good: most of a start's
  // CPU is loading them, so a misconfigured start fails in a fraction of the time.
  const [{ createApp }, { InProcessPushSource }, { createHttpService, createOpsServer, listen }] = await Promise.all([
    import('./app'),
    import('./push/in-process-source'),
    import('./http/server'),
  ]);
  const logger = createLogger(config.logLevel);
  // Says where the configuration came from, so nobody believes they are on the platform while on the simulator.
  logger.info(
    { envFile: envFile ?? null },
    envFile ? 'read .env (variables set in the environment win)' : 'no .env file: configuration from the environment only',
  );
  let simulator: SimulatorHandle | undefined;
  let upstream: UpstreamTarget;
  let pushSource: AppOverrides['pushSource'];
  if (config.upstream.kind === 'platform') {
    upstream = config.upstream;
    const region = Object.entries(REGION_BASE_URLS).find(([, url]) => url === upstream.baseUrl)?.[0] ?? null;
    logger.info({ upstream: upstream.baseUrl, region }, 'using the Quectel platform');
  } else {
    const { startSimulator } = await import('../simulator');
    simulator = await startSimulator({ port: config.simulatorPort, reportIntervalMs: config.simulatorReportIntervalMs });
    upstream = { baseUrl: simulator.baseUrl, ...simulator.credentials };
    logger.info({ upstream: simulator.baseUrl }, 'no QUEC_ACCESS_KEY/QUEC_ACCESS_SECRET set: using the embedded simulator');
    if (config.push) await attachSimulatorPush(simulator, config.push.url, logger);
    else {
      // No broker: the simulator's pushed messages reach the push path in process, so subscriptions work as is.
      const feed = simulator.push.feed;
      pushSource = (deps) => new InProcessPushSource(feed, deps);
      logger.info({ reportIntervalMs: config.simulatorReportIntervalMs }, 'push: the embedded simulator feeds subscriptions in process');
    }
  }

  const { http, app } = await createHttpService(config.shutdownGraceMs, (plugins) => createApp(config, upstream, { logger, plugins, pushSource }));
  // Say which mode this process runs in: who may call it is the first thing an operator needs to know.
  if (!app.authenticator.required && config.allowRemoteWithoutAuth) {
    logger.warn(
      { host: config.host },
      `${app.authenticator.describe()}; AUTH_DISABLED_ALLOW_REMOTE=true: anyone reaching this port acts with every scope`,
    );
  } else {
    logger.info({ host: config.host }, app.authenticator.describe());
  }
  const ops = config.ops && createOpsServer(app);
  const opsUrl = ops && config.ops ? await listen(ops, config.ops.port, config.ops.host) : undefined;
  const url = await listen(http, config.port, config.host);
  logger.info({ url, graphql: `${url}/graphql`, ...(opsUrl ? { ops: opsUrl } : {}) }, 'quec-graph ready');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: finishing in-flight requests');
    // The ops listener serves short requests only (metrics, readiness): stop accepting and end its connections.
    ops?.close();
    ops?.closeAllConnections();
    // Refuses new connections, closes WebSockets (1001), waits for in-flight requests up to the grace period.
    await app.stop();
    await simulator?.close();
    logger.info('stopped');
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * With the embedded simulator and a push broker configured, the simulator publishes its §9.4 messages there, like the
 * platform would. The broker must ask the simulator who may connect (its HTTP auth backend at
 * `<simulator>/amqp/auth/*`, see docs/push.md). A broker that is not there only costs the push channel.
 */
async function attachSimulatorPush(simulator: SimulatorHandle, brokerUrl: string, logger: ReturnType<typeof createLogger>): Promise<void> {
  try {
    await simulator.push.attach(brokerUrl);
    logger.info({ broker: new URL(brokerUrl).host }, 'embedded simulator publishes push messages to the broker');
  } catch (error) {
    logger.warn(
      { broker: new URL(brokerUrl).host, err: error instanceof Error ? error.message : String(error) },
      'embedded simulator could not attach to the push broker',
    );
  }
}

main().catch((error: unknown) => {
  // A configuration error is the operator's to fix: print it plainly, without a stack trace.
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`quec-graph failed to start: ${message}\n`);
  process.exit(1);
});
