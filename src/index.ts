import 'reflect-metadata';
import { loadConfig, ConfigError } from './config';
import { createApp, type UpstreamTarget } from './app';
import { createLogger } from './logger';
import { createHttpServer, listen } from './http/server';
import { closeGracefully } from './http/shutdown';
// The process entry is the one place in src/ allowed to start the embedded simulator (house style).
import { startSimulator, type SimulatorHandle } from '../simulator';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let simulator: SimulatorHandle | undefined;
  let upstream: UpstreamTarget;
  if (config.upstream.kind === 'platform') {
    upstream = config.upstream;
    logger.info({ upstream: config.upstream.baseUrl }, 'using the Quectel platform');
  } else {
    simulator = await startSimulator({ port: config.simulatorPort });
    upstream = { baseUrl: simulator.baseUrl, ...simulator.credentials };
    logger.info({ upstream: simulator.baseUrl }, 'no QUEC_ACCESS_KEY/QUEC_ACCESS_SECRET set: using the embedded simulator');
    if (config.push) await attachSimulatorPush(simulator, config.push.url, logger);
  }

  const app = await createApp(config, upstream, { logger });
  // Say which mode this process runs in: who may call it is the first thing an operator needs to know.
  if (!app.authenticator.required && config.allowRemoteWithoutAuth) {
    logger.warn({ host: config.host }, `${app.authenticator.describe()}; AUTH_DISABLED_ALLOW_REMOTE=true: anyone reaching this port acts with every scope`);
  } else {
    logger.info({ host: config.host }, app.authenticator.describe());
  }
  const http = createHttpServer(app);
  const url = await listen(http, config.port, config.host);
  logger.info({ url, graphql: `${url}/graphql` }, 'quec-graph ready');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const { forced } = await closeGracefully(http, config.shutdownGraceMs);
    if (forced) logger.warn({ graceMs: config.shutdownGraceMs }, 'cut connections still busy after the grace period');
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
 * `<simulator>/amqp/auth/*`, see README "Push channel"). A broker that is not there only costs the push channel.
 */
async function attachSimulatorPush(simulator: SimulatorHandle, brokerUrl: string, logger: ReturnType<typeof createLogger>): Promise<void> {
  try {
    await simulator.push.attach(brokerUrl);
    logger.info({ broker: new URL(brokerUrl).host }, 'embedded simulator publishes push messages to the broker');
  } catch (error) {
    logger.warn({ broker: new URL(brokerUrl).host, err: error instanceof Error ? error.message : String(error) }, 'embedded simulator could not attach to the push broker');
  }
}

main().catch((error: unknown) => {
  // A configuration error is the operator's to fix: print it plainly, without a stack trace.
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`quec-graph failed to start: ${message}\n`);
  process.exit(1);
});
