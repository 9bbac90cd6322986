import type { Client } from 'graphql-ws';
import { startSimulator, type Device, type SimulatorHandle } from '../../../simulator';
import { pollUntil } from '../../helpers/poll';
import { graphqlData, metricReaches, startService, type RunningService } from '../../helpers/process';
import type { RabbitMqServer } from '../../helpers/rabbitmq-server';
import { redisAvailable, startRedis, type RedisServer } from '../../helpers/redis-server';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy';
import { wsClient } from '../../helpers/ws-client';
import { describeWithBroker, pushBroker } from './push-broker';

// Several replicas on one platform queue (docs/push.md, several replicas): three service processes share a real
// RabbitMQ queue fed by one simulator and a real Redis; one graphql-ws subscriber on each. One replica reaches the
// broker through a proxy that then stops forwarding its acknowledgements, so it publishes deliveries it can no longer
// acknowledge, and it is killed mid-stream. Every surviving subscriber must get every message exactly once: none
// lost (the killed replica's unacknowledged deliveries come back to the others), none twice (what it had published
// is acknowledged by the others without a second copy). "Nothing else arrived" is proven by a last message arriving
// after all the others, never by waiting. The two that survive then take the second test, a Redis that hangs.

const describeWithServices = redisAvailable() ? describeWithBroker : describe.skip;

const PHASE = 100;
const TOTAL = 3 * PHASE;
const SENTINEL = TOTAL + 1;
/** Generous: three services, a broker, Redis and the simulator share two cores with other test workers. */
const BOUND_MS = 120_000;
const line = (name: string, value = '1') => new RegExp(`^${name}(\\{[^}]*\\})? ${value}$`, 'm');

/** One subscriber's received sequence numbers, with a wait for a count. */
function collect(client: Client, device: Device) {
  const seqs: number[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  const iterator = client.iterate<{ deviceMessages: { data: { kv: { seq: number } } } }>({
    query: 'subscription($pk: String, $dk: String) { deviceMessages(productKey: $pk, deviceKey: $dk) { ticket data } }',
    variables: { pk: device.productKey, dk: device.deviceKey },
  });
  void (async () => {
    try {
      for await (const result of iterator) {
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        // Only this test's reports: the simulator may push others about the same device.
        const seq = result.data?.deviceMessages.data?.kv?.seq;
        if (typeof seq === 'number') seqs.push(seq);
        wake?.();
      }
    } catch (error) {
      failure = error;
      wake?.();
    }
  })();
  return {
    seqs,
    /** Resolves once `predicate` holds for what arrived; rejects when the subscription failed or after the bound. */
    async until(predicate: (seqs: number[]) => boolean, what: string): Promise<void> {
      const deadline = performance.now() + BOUND_MS;
      while (!predicate(seqs)) {
        if (failure) throw failure;
        if (performance.now() > deadline) throw new Error(`never got ${what}; got ${seqs.length}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          // A safety net for the bound only: arrivals wake the wait at once.
          setTimeout(resolve, 1000).unref();
        });
      }
    },
    stop: () => iterator.return?.(),
  };
}

/** What the hanging-Redis test counts on both replicas: a counter's name and the labels its series must carry. */
const COUNTED = {
  refused: ['quec_graph_push_dropped_total', 'reason="publish_failed"'],
  requeued: ['quec_graph_push_messages_total', 'outcome="requeued"'],
  duplicates: ['quec_graph_push_fanout_published_total', 'outcome="duplicate"'],
} as const;

/** Sum of a counter over its label sets in one exposition. */
async function counter(service: RunningService, name: string, labels = ''): Promise<number> {
  const body = await (await fetch(`${service.url}/metrics`)).text();
  let sum = 0;
  for (const match of body.matchAll(new RegExp(`^${name}\\{([^}]*)\\} (\\S+)$`, 'gm'))) if (match[1].includes(labels)) sum += Number(match[2]);
  return sum;
}

describeWithServices('push fan-out across replicas', () => {
  let sim: SimulatorHandle;
  let rabbit: RabbitMqServer;
  let redis: RedisServer;
  let proxy: TcpProxy;
  const services: RunningService[] = [];
  const clients: Client[] = [];
  let meter: Device;
  let queueName: string;
  let env: Record<string, string>;

  const report = (seq: number) => sim.push.deviceReport(meter.productKey, meter.deviceKey, { seq });
  /** Reports `from`..`to` in order; each resolves once the broker has it in the queue. */
  const send = async (from: number, to: number) => {
    for (let seq = from; seq <= to; seq += 1) expect(await report(seq)).toBeGreaterThan(0);
  };
  /** A graphql-ws subscriber on each service, once each consumes, follows the fan-out and has its subscriber. */
  async function subscribeOn(replicas: RunningService[]) {
    const subscribers = replicas.map((service) => {
      const client = wsClient(service.url);
      clients.push(client);
      return collect(client, meter);
    });
    for (const service of replicas) {
      await metricReaches(service.url, line('quec_graph_push_subscribers'), BOUND_MS);
      await metricReaches(service.url, line('quec_graph_push_fanout_reading'), BOUND_MS);
      await metricReaches(service.url, line('quec_graph_push_connected'), BOUND_MS);
    }
    return subscribers;
  }
  /** Each subscriber got `from`..`to` exactly once: nothing lost, nothing twice. */
  function expectExactlyOnce(subscribers: Array<ReturnType<typeof collect>>, from: number, to: number) {
    const expected = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    for (const subscriber of subscribers) {
      const seqs = subscriber.seqs.filter((seq) => seq >= from && seq <= to);
      const duplicated = seqs.length - new Set(seqs).size;
      const lost = expected.filter((seq) => !seqs.includes(seq));
      expect({ lost, duplicated }).toEqual({ lost: [], duplicated: 0 });
      expect([...seqs].sort((a, b) => a - b)).toEqual(expected);
    }
  }

  beforeAll(async () => {
    let simulatorPort: number;
    [{ rabbit, simulatorPort }, redis] = await Promise.all([pushBroker(), startRedis()]);
    sim = await startSimulator({ port: simulatorPort });
    await sim.push.attach(rabbit.url);
    queueName = sim.store.admin.queues()[0].queueName;
    const meterProduct = sim.store.products().find((p) => p.role === 'meter' && p.authorized)!;
    meter = sim.store.devices(meterProduct.productKey).find((d) => d.deviceStatus === 1)!;
    env = {
      QUEC_BASE_URL: sim.baseUrl,
      QUEC_ACCESS_KEY: sim.credentials.accessKey,
      QUEC_ACCESS_SECRET: sim.credentials.accessSecret,
      QUEC_AMQP_URL: rabbit.url,
      QUEC_AMQP_QUEUE: queueName,
      REDIS_URL: redis.url,
    };
    // One at a time: three cold starts at once on a loaded machine could outlast the ready bound. The two that survive
    // the first test run without live state: then the fan-out is the only thing that needs Redis, so in the second
    // test, on them, a hanging Redis meets each delivery at the 2 s publish bound (the live-state write, bounded the
    // same way, would fail first). The victim keeps the default, so the first test has both paths publishing.
    proxy = await startTcpProxy(rabbit.port);
    for (let i = 0; i < 2; i += 1) services.push(await startService({ ...env, QUEC_PUSH_LIVE_STATE: 'false' }));
    services.push(await startService({ ...env, QUEC_AMQP_URL: `amqp://127.0.0.1:${proxy.port}/quec-open` }));
    // The platform routes the meter product's property reports to the shared queue, through our own graph.
    const call = (query: string, variables: Record<string, unknown>) => graphqlData(`${services[0].url}/graphql`, query, variables);
    const { createDeviceMessageSubscription: created } = await call(
      'mutation($input: CreateDeviceMessageSubscriptionInput!) { createDeviceMessageSubscription(input: $input) { id } }',
      { input: { name: 'replicas', queueName, productKey: meter.productKey, messageTypes: ['PROPERTY'] } },
    );
    await call('mutation($id: ID!) { startMessageSubscription(id: $id) { status } }', { id: created.id });
  }, BOUND_MS);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all(services.map((s) => (s.child.exitCode === null && s.child.signalCode === null ? s.stop() : undefined)));
    await proxy?.close();
    await sim?.close();
    await redis?.stop();
  });

  it(
    'should give every surviving subscriber every message exactly once when a replica is killed mid-stream',
    async () => {
      const subscribers = await subscribeOn(services);
      const [first, second, victim] = services;
      const survivors = [subscribers[0], subscribers[1]];
      const started = performance.now();

      // Phase 1: all three take their share; each subscriber gets every message, whichever replica consumed it.
      await send(1, PHASE);
      for (const subscriber of subscribers) await subscriber.until((s) => s.length >= PHASE, `the first ${PHASE} messages`);
      expect(await counter(victim, 'quec_graph_push_fanout_published_total', 'outcome="published"')).toBeGreaterThan(0);

      // Phase 2: the victim's acknowledgements stop reaching the broker. It still takes its share (up to its prefetch)
      // and publishes it, so every subscriber, its own included, gets all of phase 2...
      proxy.freezeUpstream();
      const publishedBefore = await counter(victim, 'quec_graph_push_fanout_published_total', 'outcome="published"');
      await send(PHASE + 1, 2 * PHASE);
      for (const subscriber of subscribers) await subscriber.until((s) => new Set(s).size >= 2 * PHASE, `the first ${2 * PHASE} messages`);
      const publishedUnacknowledged = (await counter(victim, 'quec_graph_push_fanout_published_total', 'outcome="published"')) - publishedBefore;
      // ...then it dies holding them: the broker redelivers them to the survivors, which must not publish them again.
      const exited = new Promise((resolve) => victim.child.once('exit', resolve));
      victim.child.kill('SIGKILL');
      await exited;

      // Phase 3: the stream goes on with two replicas.
      await send(2 * PHASE + 1, TOTAL);
      for (const subscriber of survivors) await subscriber.until((s) => new Set(s).size >= TOTAL, `all ${TOTAL} messages`);
      // A last message: a duplicate of any earlier one would have been published before it, so it would show now.
      await send(SENTINEL, SENTINEL);
      for (const subscriber of survivors) await subscriber.until((s) => s.includes(SENTINEL), 'the last message');
      const elapsed = performance.now() - started;

      expectExactlyOnce(survivors, 1, SENTINEL);
      const takenBySurvivors = (await counter(first, 'quec_graph_push_messages_total')) + (await counter(second, 'quec_graph_push_messages_total'));
      const duplicates =
        (await counter(first, 'quec_graph_push_fanout_published_total', 'outcome="duplicate"')) +
        (await counter(second, 'quec_graph_push_fanout_published_total', 'outcome="duplicate"'));
      // Every message the victim published without its ack reaching the broker came back to a survivor as a duplicate;
      // it died holding some (its phase 2 share, or phase 1 acks not yet sent when they were held back).
      expect(duplicates).toBeGreaterThanOrEqual(publishedUnacknowledged);
      expect(duplicates).toBeGreaterThan(0);
      process.stdout.write(
        `push replicas e2e: ${SENTINEL} messages, 3 replicas, one killed mid-stream: ${elapsed.toFixed(0)} ms; ` +
          `the victim died holding ${publishedUnacknowledged} published but unacknowledged; survivors took ${takenBySurvivors} deliveries, ` +
          `${duplicates} of them redeliveries of published messages (acknowledged, not published again)\n`,
      );
      for (const subscriber of survivors) await subscriber.stop();
      // The next test subscribes on the survivors again; its wait for one subscriber must not see one of these.
      for (const service of [first, second]) await metricReaches(service.url, line('quec_graph_push_subscribers', '0'), BOUND_MS);
    },
    4 * BOUND_MS,
  );

  it(
    'should put back what a hanging Redis does not take, and give every subscriber every message once when it answers again',
    async () => {
      // The survivors of the first test, without live state (see beforeAll). Their counters carry that test's counts:
      // this one checks what they added.
      const replicas = services.slice(0, 2);
      const total = async (key: keyof typeof COUNTED) => {
        const [name, labels] = COUNTED[key];
        return (await counter(replicas[0], name, labels)) + (await counter(replicas[1], name, labels));
      };
      const start = { refused: await total('refused'), requeued: await total('requeued'), duplicates: await total('duplicates') };
      const added = async (key: keyof typeof COUNTED) => (await total(key)) - start[key];
      const subscribers = await subscribeOn(replicas);
      const base = 1000;

      await send(base + 1, base + PHASE);
      for (const subscriber of subscribers) await subscriber.until((s) => s.length >= PHASE, `the first ${PHASE} messages`);

      // Redis freezes with its connections open: publishes time out, their deliveries go back to the queue.
      redis.signal('SIGSTOP');
      try {
        await send(base + PHASE + 1, base + 2 * PHASE);
        await pollUntil(
          () => added('refused'),
          (refused) => refused > 0,
          'a publish refused while Redis hung',
          BOUND_MS,
          50,
        );
      } finally {
        redis.signal('SIGCONT');
      }

      await send(base + 2 * PHASE + 1, base + TOTAL);
      for (const subscriber of subscribers) await subscriber.until((s) => new Set(s).size >= TOTAL, `all ${TOTAL} messages`);
      await send(base + SENTINEL, base + SENTINEL);
      for (const subscriber of subscribers) await subscriber.until((s) => s.includes(base + SENTINEL), 'the last message');

      expectExactlyOnce(subscribers, base + 1, base + SENTINEL);
      const refused = await added('refused');
      const requeued = await added('requeued');
      // A timed-out publish still ran once Redis woke up; its redelivery then found the mark and was not published again.
      const duplicates = await added('duplicates');
      expect(refused).toBeGreaterThan(0);
      expect(requeued).toBeGreaterThanOrEqual(refused);
      expect(duplicates).toBeGreaterThan(0);
      process.stdout.write(
        `push replicas e2e, Redis hanging mid-stream: ${refused} publishes refused, ${requeued} deliveries put back, ` +
          `${duplicates} redeliveries of messages published late; every subscriber got all ${SENTINEL} once\n`,
      );
      for (const subscriber of subscribers) await subscriber.stop();
      // They still shut down cleanly: the fan-out's blocked stream read does not hold them.
      for (const replica of replicas) expect(await replica.stop()).toBe(0);
    },
    4 * BOUND_MS,
  );
});
