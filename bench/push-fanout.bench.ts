import { performance } from 'node:perf_hooks';
import { PUSH_BUFFER_SIZE } from '../src/app';
import { createLogger } from '../src/logger';
import { PushHub, type PushSubscription } from '../src/push/push-hub';
import { parsePushMessage } from '../src/push/push-message';
import type { Deliver, PushSource } from '../src/push/push-source';

// The in-process half of the push channel (src/push): parsing §9 bodies and fanning them out to GraphQL
// subscribers with per-subscriber filters and bounded buffers. The broker and graphql-ws are left out on purpose:
// test/e2e/push/channel.spec.ts prints the end-to-end latency against a real RabbitMQ.

const MESSAGES = 20_000;
const DEVICES = 200;
/** The consumer's AMQP prefetch: at most this many deliveries arrive before the event loop turns. */
const BURST = 20;

/** A source that hands over whatever the bench pushes, as the AMQP consumer does with queue deliveries. */
class BenchSource implements PushSource {
  deliver: Deliver | undefined;
  async consume(deliver: Deliver): Promise<void> {
    this.deliver = deliver;
  }
  async pause(): Promise<void> {
    this.deliver = undefined;
  }
  async disconnect(): Promise<void> {
    this.deliver = undefined;
  }
}

function bodies(): Buffer[] {
  return Array.from({ length: MESSAGES }, (_, i) =>
    Buffer.from(
      JSON.stringify({
        type: 'MATTR',
        subtype: 'REPORT',
        productKey: 'p1awgC',
        deviceKey: `86000000000${String(i % DEVICES).padStart(4, '0')}`,
        createdAt: 1_790_000_000_000 + i,
        ticket: String(1_400_000_000_000_000_000n + BigInt(i)),
        data: { packetId: i % 65_535, kv: { voltage: 229.5, current: 1.2, switch: true } },
      }),
    ),
  );
}

async function drain(subscription: PushSubscription): Promise<{ events: number; dropped: number }> {
  let events = 0;
  let dropped = 0;
  for (;;) {
    const next = await subscription.next();
    if (next.done) return { events, dropped };
    events += 1;
    dropped += next.value.droppedBefore;
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One row: `subscribers` listeners, each on one device (`perDevice`) or on the whole product, with the production
 * buffer size. Deliveries come in prefetch-sized bursts and the subscribers drain between them, as they do when
 * graphql-ws pulls from them.
 */
async function row(subscribers: number, perDevice: boolean, raw: Buffer[]): Promise<string> {
  const source = new BenchSource();
  const hub = new PushHub(source, { bufferSize: PUSH_BUFFER_SIZE, idleDisconnectMs: 5_000, logger: createLogger('silent') });
  const subscriptions = Array.from({ length: subscribers }, (_, i) =>
    hub.subscribe(perDevice ? { productKey: 'p1awgC', deviceKey: `86000000000${String(i % DEVICES).padStart(4, '0')}` } : { productKey: 'p1awgC' }),
  );
  const drains = subscriptions.map(drain);

  const start = performance.now();
  let parseMs = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const parseStart = performance.now();
    const parsed = parsePushMessage(raw[i]);
    parseMs += performance.now() - parseStart;
    if (!parsed.ok) throw new Error(parsed.reason);
    source.deliver!(parsed.message);
    if ((i + 1) % BURST === 0) await turn();
  }
  await turn();
  await hub.close();
  const results = await Promise.all(drains);
  const totalMs = performance.now() - start;

  const events = results.reduce((sum, r) => sum + r.events, 0);
  const dropped = results.reduce((sum, r) => sum + r.dropped, 0);
  const expected = (perDevice ? MESSAGES / DEVICES : MESSAGES) * subscribers;
  if (events + dropped < expected) throw new Error(`delivered ${events} and dropped ${dropped}, expected ${expected} in all`);
  return `| ${subscribers} | ${perDevice ? 'one device each' : 'whole product'} | ${MESSAGES} | ${events} | ${dropped} | ${parseMs.toFixed(1)} | ${totalMs.toFixed(1)} | ${((totalMs * 1000) / MESSAGES).toFixed(2)} | ${Math.round(MESSAGES / (totalMs / 1000))} |`;
}

export async function runPushFanoutBench(): Promise<string> {
  const raw = bodies();
  const rows: string[] = [];
  for (const [subscribers, perDevice] of [
    [1, false],
    [10, false],
    [100, true],
    [1000, true],
  ] as const) {
    rows.push(await row(subscribers, perDevice, raw));
  }
  return [
    `### Push fan-out: ${MESSAGES} §9 MATTR/REPORT bodies over ${DEVICES} devices, parsed and handed to GraphQL subscribers in prefetch-sized bursts (${BURST}), buffer ${PUSH_BUFFER_SIZE} per subscriber, in process`,
    '',
    '| subscribers | filter | messages | events delivered | events dropped | parse (ms) | total (ms) | µs per message | messages/s |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
