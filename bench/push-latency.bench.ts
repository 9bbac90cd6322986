import { loadavg, uptime } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startSimulator, type Device, type SimulatorHandle } from '../simulator';
import { ChildRunner } from './per-request/ipc';
// The tests' RabbitMQ launcher: the build compiles it along with the bench (tsc follows the import).
import { startRabbitMq } from '../test/helpers/rabbitmq-server';
import type { RouterKind } from './push-latency/scan-router';
import type { ServiceReady, ServiceWindow } from './push-latency/service.process';
import { intFromEnv, keepReport, runScript } from './script';

/**
 * Push from broker to WebSocket client with many one-device subscribers (issue 11, "routing by device key, not a
 * scan"). A real RabbitMQ, the simulator publishing MATTR/REPORT messages into it (its §9 push channel), quec-graph
 * in its own process consuming the queue, and PUSH_BENCH_SUBSCRIBERS graphql-ws subscriptions
 * `deviceMessages(productKey, deviceKey)`, one device each, spread over PUSH_BENCH_SOCKETS sockets. Each message
 * carries its sequence number in `data.kv`; latency is from just before the simulator publishes it to its arrival
 * at the client (same process, same clock). Every message must arrive exactly once, at its device's subscriber:
 * the bench fails otherwise. Messages to devices nobody subscribed to are interleaved (consumed, delivered to no one).
 *
 * Two routers, alternating trials: `map` is the hub as shipped (subscribers indexed by device key), `scan` hands
 * every message to every subscriber's filter (the hub before device-keyed routing; bench/push-latency/scan-router.ts).
 * Two phases per trial: `burst` publishes as fast as broker confirms allow (PUSH_BENCH_IN_FLIGHT unconfirmed), so
 * latency includes queueing; `paced` publishes PUSH_BENCH_RATE messages/s, below what either router sustains.
 * Not a test: prints a table and writes bench/results/push-latency.md.
 */

const SUBSCRIBERS = intFromEnv('PUSH_BENCH_SUBSCRIBERS', 10_000, 1);
const SOCKETS = intFromEnv('PUSH_BENCH_SOCKETS', 50, 1);
/** Per phase, to devices with a subscriber. */
const MESSAGES = intFromEnv('PUSH_BENCH_MESSAGES', 5_000, 1);
/** Per phase, to devices without one, interleaved. */
const UNSUBSCRIBED_MESSAGES = intFromEnv('PUSH_BENCH_UNSUBSCRIBED_MESSAGES', 500, 0);
/** Trials per router, alternating map, scan, map, scan... */
const TRIALS = intFromEnv('PUSH_BENCH_TRIALS', 3, 1);
const RATE = intFromEnv('PUSH_BENCH_RATE', 100, 1);
const IN_FLIGHT = intFromEnv('PUSH_BENCH_IN_FLIGHT', 64, 1);
/** Bounds on every wait: the subscriptions registering, and one phase's messages arriving. */
const SUBSCRIBE_TIMEOUT_MS = 180_000;
const PHASE_TIMEOUT_MS = 300_000;
/** Devices seeded beyond the subscribed ones: the simulator spreads them over its products, one of them unauthorized. */
const SPARE_DEVICES = 1_000;

const QUEUE_NAME = 'quec_graph_push_bench';
const SUBSCRIPTION = `subscription($pk: String!, $dk: String!) { deviceMessages(productKey: $pk, deviceKey: $dk) { deviceKey data } }`;

type Phase = 'burst' | 'paced';

interface PhaseResult {
  router: RouterKind;
  trial: number;
  phase: Phase;
  expected: number;
  delivered: number;
  /** Delivered messages per second, from the first publish to the last arrival. */
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  fanOuts: number;
  serviceCpuMs: number;
  serviceRssBytes: number;
  clientRssBytes: number;
  /** From opening the sockets to every subscription registered in the hub (same for both routers: subscribing never routes). */
  subscribeSeconds: number;
}

/** The simulator with its own queue and started product subscriptions for property reports on every authorized product. */
async function startPlatform(): Promise<{ sim: SimulatorHandle; subscribed: Device[]; unsubscribed: Device[]; queueName: string }> {
  const sim = await startSimulator({ deviceCount: SUBSCRIBERS + SPARE_DEVICES });
  const { admin } = sim.store;
  const queueName = `a.${admin.accountId}.${QUEUE_NAME}`;
  const now = Date.now();
  const queue = {
    id: admin.newId(),
    queueName,
    queueDesc: 'push bench',
    status: 1,
    isFree: 0,
    createTime: now,
    updateTime: null,
    msgNum: 0,
  } as const;
  admin.addQueue(queue);
  const products = sim.store.authorizedProducts();
  for (const product of products) {
    admin.addSubscription({
      id: admin.newId(),
      subscribeName: `bench_${product.productKey}`,
      queueId: queue.id,
      kind: 'product',
      productKey: product.productKey,
      deviceKey: null,
      endUserDomain: null,
      // 6: MATTR, property reports (§6.6).
      msgTypes: [6],
      status: 1,
      createTime: now,
      updateTime: now,
    });
  }
  const devices = products.flatMap((p) => sim.store.devices(p.productKey));
  if (devices.length <= SUBSCRIBERS) throw new Error(`the simulator seeded ${devices.length} authorized devices, need more than ${SUBSCRIBERS}`);
  return { sim, subscribed: devices.slice(0, SUBSCRIBERS), unsubscribed: devices.slice(SUBSCRIBERS), queueName };
}

/** One phase's messages: MESSAGES to subscribed devices (each at most once while MESSAGES <= SUBSCRIBERS) with the unsubscribed interleaved, a subscribed one last. */
function plan(subscribed: Device[], unsubscribed: Device[], offset: number): Array<{ device: Device; routed: boolean }> {
  const out: Array<{ device: Device; routed: boolean }> = [];
  const every = UNSUBSCRIBED_MESSAGES > 0 ? MESSAGES / UNSUBSCRIBED_MESSAGES : Number.POSITIVE_INFINITY;
  let unrouted = 0;
  for (let i = 0; i < MESSAGES; i += 1) {
    while (unrouted < UNSUBSCRIBED_MESSAGES && unrouted * every <= i) {
      out.push({ device: unsubscribed[(offset + unrouted) % unsubscribed.length], routed: false });
      unrouted += 1;
    }
    out.push({ device: subscribed[(offset + i) % subscribed.length], routed: true });
  }
  return out;
}

/** Arrivals of the current phase, by sequence number; `done` resolves once every routed message has arrived. */
class Arrivals {
  sent = new Float64Array(0);
  arrived = new Float64Array(0);
  deviceOf: string[] = [];
  delivered = 0;
  expected = 0;
  problems: string[] = [];
  private finish: (() => void) | undefined;

  begin(messages: Array<{ device: Device; routed: boolean }>): Promise<void> {
    this.sent = new Float64Array(messages.length);
    this.arrived = new Float64Array(messages.length);
    this.deviceOf = messages.map((m) => `${m.device.productKey}/${m.device.deviceKey}`);
    this.delivered = 0;
    this.expected = messages.filter((m) => m.routed).length;
    this.problems = [];
    return new Promise((resolvePhase) => {
      this.finish = resolvePhase;
    });
  }

  /** One result on the subscription of `device`. */
  record(device: string, result: { data?: any; errors?: unknown }): void {
    const now = performance.now();
    const seq = result.data?.deviceMessages?.data?.kv?.benchSeq;
    if (result.errors || typeof seq !== 'number' || seq < 0 || seq >= this.sent.length) {
      this.problems.push(`unexpected result on ${device}: ${JSON.stringify(result).slice(0, 200)}`);
      return;
    }
    if (this.deviceOf[seq] !== device) this.problems.push(`message ${seq} for ${this.deviceOf[seq]} reached the subscriber of ${device}`);
    else if (this.arrived[seq] !== 0) this.problems.push(`message ${seq} arrived twice`);
    else {
      this.arrived[seq] = now;
      this.delivered += 1;
      if (this.delivered === this.expected) this.finish?.();
    }
  }
}

/** graphql-ws fails a subscription with an Error, a list of GraphQL errors, or the socket's close event. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return error.map((e: { message?: string }) => e.message).join('; ');
  const close = error as { code?: number; reason?: string };
  return close && typeof close.code === 'number' ? `socket closed ${close.code} ${close.reason ?? ''}` : String(error);
}

async function openSubscribers(url: string, devices: Device[], arrivals: Arrivals): Promise<Client[]> {
  const wsUrl = `${url.replace(/^http/, 'ws')}/graphql`;
  // Every socket is acknowledged before the first subscribe: graphql-ws closes a socket whose connection_init is not
  // handled within 3 s, which a loaded service busy with thousands of subscribes from the other sockets can miss.
  const connections: Array<Promise<void>> = [];
  const clients = Array.from({ length: SOCKETS }, () => {
    let connected: () => void = () => undefined;
    let closed: (event: unknown) => void = () => undefined;
    connections.push(
      new Promise<void>((resolveConnected, rejectClosed) => {
        connected = resolveConnected;
        closed = (event) => rejectClosed(new Error(`socket closed before it was acknowledged: ${describe(event)}`));
      }),
    );
    return createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, on: { connected, closed } });
  });
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`sockets not acknowledged within ${SUBSCRIBE_TIMEOUT_MS} ms`)), SUBSCRIBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.all(connections), bound]);
  } catch (error) {
    await Promise.all(clients.map((client) => client.dispose()));
    throw error;
  } finally {
    clearTimeout(timer);
  }
  devices.forEach((device, i) => {
    const key = `${device.productKey}/${device.deviceKey}`;
    clients[i % SOCKETS].subscribe(
      { query: SUBSCRIPTION, variables: { pk: device.productKey, dk: device.deviceKey } },
      {
        next: (result) => arrivals.record(key, result),
        error: (error) => arrivals.problems.push(`subscription of ${key} failed: ${describe(error)}`),
        complete: () => undefined,
      },
    );
  });
  return clients;
}

/** Polls the service until every subscription is registered in its hub; bounded. */
async function subscribersRegistered(service: ChildRunner<ServiceReady>, arrivals: Arrivals): Promise<void> {
  const deadline = Date.now() + SUBSCRIBE_TIMEOUT_MS;
  for (;;) {
    const count = await service.ask<number>('subscribers');
    if (count === SUBSCRIBERS) return;
    if (arrivals.problems.length > 0) throw new Error(arrivals.problems.slice(0, 5).join('\n'));
    if (Date.now() > deadline) throw new Error(`${count} of ${SUBSCRIBERS} subscriptions registered after ${SUBSCRIBE_TIMEOUT_MS} ms`);
    await sleep(200);
  }
}

async function runPhase(
  sim: SimulatorHandle,
  service: ChildRunner<ServiceReady>,
  arrivals: Arrivals,
  messages: Array<{ device: Device; routed: boolean }>,
  phase: Phase,
): Promise<Omit<PhaseResult, 'router' | 'trial' | 'subscribeSeconds'>> {
  const done = arrivals.begin(messages);
  await service.ask('windowStart');
  const start = performance.now();
  const inFlight = new Set<Promise<unknown>>();
  for (let seq = 0; seq < messages.length; seq += 1) {
    if (phase === 'paced') {
      const due = start + (seq * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
    }
    while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    const { device } = messages[seq];
    arrivals.sent[seq] = performance.now();
    const publishing = sim.push.deviceReport(device.productKey, device.deviceKey, { voltage: 230, benchSeq: seq }).then((queues) => {
      if (queues !== 1) throw new Error(`message ${seq} went to ${queues} queues, expected 1`);
    });
    const tracked = publishing.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'timeout'>((resolveBound) => {
    timer = setTimeout(() => resolveBound('timeout'), PHASE_TIMEOUT_MS);
  });
  const outcome = await Promise.race([done, bound]);
  clearTimeout(timer);
  const window = await service.ask<ServiceWindow>('windowEnd');
  if (outcome === 'timeout') arrivals.problems.push(`${arrivals.delivered} of ${arrivals.expected} messages arrived within ${PHASE_TIMEOUT_MS} ms`);
  if (arrivals.problems.length > 0) throw new Error(`${phase}: ${arrivals.problems.slice(0, 5).join('\n')}`);
  // Every message, with or without a subscriber, reached the hub's router: the last one published has a subscriber
  // and arrived, and the hub fans out in queue order.
  if (window.fanOuts !== messages.length)
    throw new Error(`${phase}: the hub fanned out ${window.fanOuts} messages, ${messages.length} were published`);

  const latencies: number[] = [];
  let last = 0;
  for (let seq = 0; seq < messages.length; seq += 1) {
    if (!messages[seq].routed) continue;
    latencies.push(arrivals.arrived[seq] - arrivals.sent[seq]);
    last = Math.max(last, arrivals.arrived[seq]);
  }
  latencies.sort((a, b) => a - b);
  const rank = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
  return {
    phase,
    expected: arrivals.expected,
    delivered: arrivals.delivered,
    perSecond: arrivals.delivered / ((last - start) / 1000),
    p50: rank(50),
    p99: rank(99),
    max: latencies[latencies.length - 1],
    fanOuts: window.fanOuts,
    serviceCpuMs: window.cpuMs,
    serviceRssBytes: window.rssBytes,
    clientRssBytes: process.memoryUsage.rss(),
  };
}

async function runTrial(
  platform: Awaited<ReturnType<typeof startPlatform>>,
  brokerUrl: string,
  router: RouterKind,
  trial: number,
): Promise<PhaseResult[]> {
  const { sim, subscribed, unsubscribed, queueName } = platform;
  const service = ChildRunner.fork<ServiceReady>(resolve(__dirname, 'push-latency/service.process.js'), [router], {
    BENCH_UPSTREAM_URL: sim.baseUrl,
    BENCH_ACCESS_KEY: sim.credentials.accessKey,
    BENCH_ACCESS_SECRET: sim.credentials.accessSecret,
    BENCH_AMQP_URL: brokerUrl,
    BENCH_AMQP_QUEUE: queueName,
  });
  const arrivals = new Arrivals();
  let clients: Client[] = [];
  try {
    const { url } = await service.ready;
    const subscribeStart = performance.now();
    clients = await openSubscribers(url, subscribed, arrivals);
    await subscribersRegistered(service, arrivals);
    const subscribeSeconds = (performance.now() - subscribeStart) / 1000;
    const results: PhaseResult[] = [];
    for (const [i, phase] of (['burst', 'paced'] as const).entries()) {
      // A different slice of devices per phase and trial; with MESSAGES <= SUBSCRIBERS each device gets one message per phase.
      const messages = plan(subscribed, unsubscribed, (trial * 2 + i) * MESSAGES);
      const result = { router, trial, subscribeSeconds, ...(await runPhase(sim, service, arrivals, messages, phase)) };
      process.stderr.write(`${router} #${trial} ${phase}: ${row(result)}\n`);
      results.push(result);
    }
    return results;
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    await service.stop();
  }
}

const mib = (bytes: number) => (bytes / 1048576).toFixed(0);

function row(r: PhaseResult): string {
  return `| ${r.router} | ${r.trial} | ${r.phase} | ${r.delivered} / ${r.expected} | ${r.fanOuts} | ${Math.round(r.perSecond)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${(r.serviceCpuMs / r.fanOuts).toFixed(3)} | ${mib(r.serviceRssBytes)} | ${mib(r.clientRssBytes)} | ${r.subscribeSeconds.toFixed(1)} |`;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function summary(results: PhaseResult[]): string[] {
  const lines: string[] = [];
  for (const phase of ['burst', 'paced'] as const) {
    for (const router of ['scan', 'map'] as const) {
      const mine = results.filter((r) => r.phase === phase && r.router === router);
      lines.push(
        `| ${phase} | ${router} | ${mine.length} | ${Math.round(median(mine.map((r) => r.perSecond)))} | ${median(mine.map((r) => r.p50)).toFixed(1)} | ${median(mine.map((r) => r.p99)).toFixed(1)} | ${median(mine.map((r) => r.serviceCpuMs / r.fanOuts)).toFixed(3)} |`,
      );
    }
  }
  return lines;
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg();
  const platform = await startPlatform();
  const rabbit = await startRabbitMq({ authBaseUrl: platform.sim.baseUrl }).catch(async (error: unknown) => {
    await platform.sim.close();
    throw error;
  });
  const results: PhaseResult[] = [];
  try {
    // Attached after the queue was added, so the simulator declares it on the broker.
    await platform.sim.push.attach(rabbit.url);
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      for (const router of ['map', 'scan'] as const) results.push(...(await runTrial(platform, rabbit.url, router, trial)));
    }
  } finally {
    await platform.sim.close();
    await rabbit.stop();
  }
  const loadAfter = loadavg();
  const report = [
    `### Push latency: simulator -> RabbitMQ -> quec-graph -> graphql-ws, ${SUBSCRIBERS} one-device subscribers on ${SOCKETS} sockets`,
    '',
    `Per phase ${MESSAGES} MATTR/REPORT messages to subscribed devices (one each) and ${UNSUBSCRIBED_MESSAGES} to devices without a subscriber, ` +
      `interleaved. burst: published as fast as broker confirms allow (${IN_FLIGHT} unconfirmed), latency includes queueing; ` +
      `paced: ${RATE} messages/s. Latency from just before the simulator publishes to arrival at the client. ` +
      'scan: every message offered to every subscriber (the hub before device-keyed routing); map: the hub as shipped. ' +
      `Trials alternate map, scan; ${TRIALS} per router. delivered / expected must match exactly (the bench fails otherwise); ` +
      'routed by hub: messages the hub fanned out, with and without a subscriber. msgs/s: delivered messages from the first ' +
      'publish to the last arrival. service CPU: user + system time of the service process over the phase per routed message.',
    '',
    '| router | trial | phase | delivered / expected | routed by hub | msgs/s | p50 (ms) | p99 (ms) | max (ms) | service CPU ms per msg | service RSS (MiB) | client RSS (MiB) | subscribe (s) |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(row),
    '',
    'Medians over trials (before = scan, after = map):',
    '',
    '| phase | router | trials | msgs/s | p50 (ms) | p99 (ms) | service CPU ms per msg |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...summary(results),
    '',
    `Shared machine (2 cores, other jobs running): load average ${loadBefore.map((l) => l.toFixed(2)).join(', ')} before, ` +
      `${loadAfter.map((l) => l.toFixed(2)).join(', ')} after; uptime ${(uptime() / 3600).toFixed(1)} h. ` +
      `The simulator, RabbitMQ and the clients run beside the service. node ${process.version}; started ${startedAt}.`,
    '',
  ].join('\n');
  keepReport('push-latency.md', report);
}

runScript(main);
