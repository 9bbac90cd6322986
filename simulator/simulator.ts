import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenStore } from './auth/token.store';
import { FaultQueue } from './faults';
import { resolveOptions } from './options';
import { createAmqpAuthListener, isAmqpAuthPath } from './push/amqp-auth.listener';
import { amqpAuthPolicy } from './push/amqp-auth.policy';
import { PushChannel } from './push/push-channel';
import { PropertyReporter } from './push/property-reporter';
import { RequestLog } from './request-log';
import { Router, type RouteContext } from './router';
import { ROUTES } from './routes/route-registry';
import { seedData } from './seed/seed-snapshots';
import { createRequestListener } from './server';
import type { SimulatorHandle, SimulatorOptions } from './simulator.types';
import { SimulatorStore } from './store/simulator.store';

/** Account id in the token's `sub` claim (§2.4); any stable numeric string will do. */
const ACCOUNT_ID = '48213';

/**
 * Seeds the platform state and listens on host:port (port 0 = ephemeral). Rejects on invalid options
 * or when the port cannot be bound.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const resolved = resolveOptions(options);
  const store = new SimulatorStore(seedData(resolved.seed, resolved.deviceCount));
  const tokens = new TokenStore({ ttlSeconds: resolved.tokenTtlSeconds, accountId: ACCOUNT_ID });
  const router = new Router(ROUTES);
  const log = new RequestLog(resolved.requestLogLimit);
  const faults = new FaultQueue((endpoint) => router.has(endpoint));
  const push = new PushChannel({ store, clock: resolved.clock, ticketless: resolved.strict.ticketlessPush });
  const reporter = new PropertyReporter({ store, clock: resolved.clock, sink: push, seed: resolved.seed }, resolved.reportIntervalMs);
  const context: RouteContext = { store, tokens, clock: resolved.clock, options: resolved, push };
  let latencyMs = resolved.latencyMs;

  const api = createRequestListener({ router, context, log, faults, latencyMs: () => latencyMs });
  // The broker's auth questions (§9.1) share the port but not the OpenAPI pipeline: no log, latency or faults.
  const amqpAuth = createAmqpAuthListener(
    amqpAuthPolicy({ credentials: resolved.credentials, accountId: store.admin.accountId, clock: resolved.clock, internal: push.internalUser }),
  );
  const server = createServer((req, res) => (isAmqpAuthPath(req.url) ? amqpAuth(req, res) : api(req, res)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  reporter.start();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    baseUrl: `http://${host}:${address.port}`,
    credentials: { ...resolved.credentials },
    log: {
      entries: () => log.entries(),
      count: (endpoint?: string) => log.count(endpoint),
      counters: () => log.counters(),
      clear: () => log.clear(),
    },
    setLatency(ms: number) {
      if (!Number.isInteger(ms) || ms < 0) throw new RangeError('latency must be a non-negative integer (ms)');
      latencyMs = ms;
    },
    faults: {
      inject: (endpoint, fault) => faults.inject(endpoint, fault),
      random: (rules, seed) => faults.setRandom(rules, seed),
      clear: () => faults.clear(),
    },
    tokens: {
      revokeAll: () => tokens.revokeAll(),
      issuedCount: () => tokens.issuedCount(),
    },
    push: {
      attach: (brokerUrl) => push.attach(brokerUrl),
      detach: () => push.detach(),
      emit: (message) => push.emitMessage(message),
      deviceReport: (productKey, deviceKey, kv) => push.deviceReport(productKey, deviceKey, kv),
      emitCatalogue: (kind, productKey, deviceKey) => push.emitCatalogue(kind, productKey, deviceKey),
      catalogue: (kind, productKey, deviceKey) => push.catalogue(kind, productKey, deviceKey),
      feed: push.feed,
      reportOnce: () => reporter.round(),
    },
    store,
    close: async () => {
      reporter.stop();
      await push.detach();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
