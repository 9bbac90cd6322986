import { EventEmitter } from 'node:events';
import type { ChannelModel, ConsumeMessage, Options } from 'amqplib';
import { sha256Hex, signAccessKey } from '../../src/auth/signing';
import { createLogger } from '../../src/logger';
import { AmqpConsumer, amqpTarget } from '../../src/push/amqp-consumer';
import type { PushMessage } from '../../src/push/push-message';
import { nullPushObserver, type PushObserver } from '../../src/push/push-source';
import { PushMessageType } from '../../src/schema/messaging/push-message-type.enum';
import { pushBody } from '../fakes/fake-push-source';
import { TICKETLESS_MESSAGES } from '../fixtures/vendor-push-messages';
import { FakeTimers } from '../helpers/fake-timers';

const QUEUE = 'a.1358403955870720.testQueue';
const CREDENTIALS = { accessKey: 'AK-test', accessSecret: 'SECRET-never-logged' };

/** One AMQP channel as amqplib exposes it, recording what the consumer asked of it. */
class FakeChannel extends EventEmitter {
  prefetchCount: number | undefined;
  consumer: ((message: ConsumeMessage | null) => void) | undefined;
  consumeOptions: Options.Consume | undefined;
  readonly settled: Array<[string, string]> = [];
  consumeError: Error | undefined;
  private tags = 0;

  constructor(private readonly journal: string[]) {
    super();
  }

  async prefetch(count: number) {
    this.prefetchCount = count;
    return {};
  }

  async consume(queue: string, onMessage: (message: ConsumeMessage | null) => void, options: Options.Consume) {
    this.journal.push(`consume ${queue}`);
    if (this.consumeError) throw this.consumeError;
    this.consumer = onMessage;
    this.consumeOptions = options;
    this.tags += 1;
    return { consumerTag: `ctag-${this.tags}` };
  }

  async cancel(tag: string) {
    this.journal.push(`cancel ${tag}`);
    this.consumer = undefined;
    return { consumerTag: tag };
  }

  ack(message: ConsumeMessage) {
    this.journal.push(`ack ${message.fields.deliveryTag}`);
    this.settled.push(['ack', String(message.fields.deliveryTag)]);
  }

  nack(message: ConsumeMessage, _allUpTo: boolean, requeue: boolean) {
    this.journal.push(`nack ${message.fields.deliveryTag} requeue=${requeue}`);
  }

  /** The broker delivering one message body. */
  deliver(body: string | object, deliveryTag: number): void {
    const content = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
    this.consumer!({
      content,
      fields: { deliveryTag, redelivered: false, consumerTag: 'x', exchange: '', routingKey: QUEUE },
      properties: {},
    } as unknown as ConsumeMessage);
  }
}

class FakeConnection extends EventEmitter {
  readonly channel: FakeChannel;
  closed = false;

  constructor(journal: string[]) {
    super();
    this.channel = new FakeChannel(journal);
  }

  async createChannel() {
    return this.channel;
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    this.emit('close');
  }

  /** The broker or the network dropping the connection. */
  drop(): void {
    this.emit('error', new Error('Connection closed: 320 (CONNECTION-FORCED)'));
    this.closed = true;
    this.emit('close', new Error('closed'));
  }
}

function setup(options: { failures?: Error[] } = {}) {
  const timers = new FakeTimers();
  const journal: string[] = [];
  const connects: Options.Connect[] = [];
  const connections: FakeConnection[] = [];
  const failures = [...(options.failures ?? [])];
  const logLines: string[] = [];
  const counts: Record<string, number> = {};
  const observer: PushObserver = {
    ...nullPushObserver,
    pushReconnect: (link) => (counts[`reconnect_${link}`] = (counts[`reconnect_${link}`] ?? 0) + 1),
    pushMessage: (outcome) => (counts[outcome] = (counts[outcome] ?? 0) + 1),
    pushConnection: (outcome) => (counts[outcome] = (counts[outcome] ?? 0) + 1),
    pushStored() {},
    pushFannedOut() {},
    pushDiscarded() {},
    pushSubscribers() {},
  };
  const consumer = new AmqpConsumer({
    url: 'amqps://iot-amqp.example.test:5671/quec-open',
    queue: QUEUE,
    credentials: CREDENTIALS,
    logger: createLogger('info', { write: (line: string) => logLines.push(line) }),
    clock: timers,
    timers,
    random: () => 0.5,
    observer,
    connect: async (connectOptions) => {
      connects.push(connectOptions);
      journal.push('connect');
      const failure = failures.shift();
      if (failure) throw failure;
      const connection = new FakeConnection(journal);
      connections.push(connection);
      return connection as unknown as ChannelModel;
    },
  });
  const delivered: PushMessage[] = [];
  let accept = true;
  const deliver = (message: PushMessage) => {
    journal.push(`deliver ${message.ticket}`);
    delivered.push(message);
    return accept;
  };
  return {
    consumer,
    timers,
    journal,
    connects,
    connections,
    logs: () => logLines.join(''),
    counts,
    delivered,
    deliver,
    refuse: () => (accept = false),
    channel: () => connections[connections.length - 1].channel,
  };
}

describe('amqpTarget and the SASL credentials', () => {
  it('should split the URL into amqplib options, the path being the vhost', () => {
    expect(amqpTarget('amqps://iot-amqp.acceleronix.io:5671/quec-open')).toEqual({
      protocol: 'amqps',
      hostname: 'iot-amqp.acceleronix.io',
      port: 5671,
      vhost: 'quec-open',
    });
    expect(amqpTarget('amqp://127.0.0.1')).toEqual({ protocol: 'amqp', hostname: '127.0.0.1', port: 5672, vhost: 'quec-open' });
    expect(amqpTarget('amqps://broker')).toMatchObject({ port: 5671 });
  });

  it('should sign the login username of §2.1 with the secret (§9.1)', () => {
    const { username, password } = signAccessKey(CREDENTIALS, 1700000000123);
    expect(username).toBe('ver=1&auth_mode=accessKey&sign_method=sha256&access_key=AK-test&timestamp=1700000000123');
    expect(password).toBe(sha256Hex(username + CREDENTIALS.accessSecret));
    expect(password).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('AmqpConsumer connecting', () => {
  it('should connect with signed credentials, a heartbeat and a bounded prefetch, then consume without auto-ack', async () => {
    const t = setup();
    await t.consumer.consume(t.deliver);
    expect(t.connects).toHaveLength(1);
    expect(t.connects[0]).toEqual({
      protocol: 'amqps',
      hostname: 'iot-amqp.example.test',
      port: 5671,
      vhost: 'quec-open',
      heartbeat: 30,
      ...signAccessKey(CREDENTIALS, t.timers.now()),
    });
    expect(t.channel().prefetchCount).toBe(20);
    expect(t.channel().consumeOptions).toEqual({ noAck: false });
    expect(t.journal).toEqual(['connect', `consume ${QUEUE}`]);
    expect(t.counts.connected).toBe(1);
  });

  it('should not connect before it is asked to consume', () => {
    const t = setup();
    expect(t.connects).toHaveLength(0);
  });
});

describe('AmqpConsumer messages', () => {
  it('should hand a message over and acknowledge it only afterwards', async () => {
    const t = setup();
    await t.consumer.consume(t.deliver);
    t.channel().deliver(pushBody({ ticket: 'T1', type: 'REQACK', subtype: undefined, data: { status: 'succ' } }), 1);
    expect(t.journal.slice(-2)).toEqual(['deliver T1', 'ack 1']);
    expect(t.delivered[0]).toMatchObject({ type: PushMessageType.COMMAND_ACK, ticket: 'T1' });
    expect(t.counts.delivered).toBe(1);
  });

  it('should put a message back when nobody takes it', async () => {
    const t = setup();
    await t.consumer.consume(t.deliver);
    t.refuse();
    t.channel().deliver(pushBody({ ticket: 'T2' }), 7);
    expect(t.journal.slice(-2)).toEqual(['deliver T2', 'nack 7 requeue=true']);
    expect(t.counts.requeued).toBe(1);
  });

  it('should acknowledge, count and log a malformed body once, without its content, and keep consuming', async () => {
    const t = setup();
    await t.consumer.consume(t.deliver);
    t.channel().deliver('{"type":"ONLINE","ticket":"SENSITIVE-PAYLOAD","createdAt":"never"}', 3);
    t.channel().deliver('not json SENSITIVE-PAYLOAD', 4);
    t.channel().deliver(pushBody({ ticket: 'good' }), 5);
    expect(t.journal.slice(-4)).toEqual(['ack 3', 'ack 4', 'deliver good', 'ack 5']);
    expect(t.counts.malformed).toBe(2);
    const warnings = t
      .logs()
      .split('\n')
      .filter((line) => line.includes('malformed push message'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('createdAt must be epoch milliseconds');
    expect(t.logs()).not.toContain('SENSITIVE-PAYLOAD');
  });

  it("should deliver the vendor's ticket-less product, thing-model, authorization and rule messages, not drop them", async () => {
    const t = setup();
    await t.consumer.consume(t.deliver);
    Object.values(TICKETLESS_MESSAGES).forEach((body, i) => {
      t.channel().deliver(body, 20 + i);
    });
    expect(t.delivered.map((m) => m.type)).toEqual([
      PushMessageType.PRODUCT_CHANGE,
      PushMessageType.PRODUCT_CHANGE,
      PushMessageType.THING_MODEL_RELEASE,
      PushMessageType.PRODUCT_AUTHORIZATION,
      PushMessageType.USER_DOMAIN_AUTHORIZATION,
      PushMessageType.RULE_NOTICE,
    ]);
    expect(t.counts).toMatchObject({ delivered: 6 });
    expect(t.counts.malformed).toBeUndefined();
  });

  it('should survive a fan-out that throws, acknowledging rather than redelivering forever', async () => {
    const t = setup();
    await t.consumer.consume(() => {
      throw new Error('bug');
    });
    t.channel().deliver(pushBody(), 9);
    expect(t.journal.slice(-1)).toEqual(['ack 9']);
  });
});

describe('AmqpConsumer pause and disconnect', () => {
  it('should cancel the consumer on pause and consume again on the same connection', async () => {
    const t = setup();
    await t.consumer.consume(t.deliver);
    await t.consumer.pause();
    await t.consumer.consume(t.deliver);
    expect(t.journal).toEqual(['connect', `consume ${QUEUE}`, 'cancel ctag-1', `consume ${QUEUE}`]);
  });

  it('should close the connection on disconnect and not come back', async () => {
    const t = setup();
    await t.consumer.consume(t.deliver);
    await t.consumer.disconnect();
    expect(t.connections[0].closed).toBe(true);
    t.timers.advance(60_000);
    await t.consumer.settled();
    expect(t.connects).toHaveLength(1);
    expect(t.timers.pendingDelays()).toEqual([]);
  });
});

describe('AmqpConsumer reconnecting', () => {
  it('should reconnect after a connection loss with new credentials and resume consuming', async () => {
    const t = setup();
    await t.consumer.consume(t.deliver);
    t.timers.advance(11 * 60_000);
    t.connections[0].drop();
    expect(t.timers.pendingDelays()).toEqual([500]);
    t.timers.advance(500);
    await t.consumer.settled();
    expect(t.connects).toHaveLength(2);
    expect(t.connects[1].username).not.toBe(t.connects[0].username);
    expect(t.connects[1]).toMatchObject(signAccessKey(CREDENTIALS, t.timers.now()));
    expect(t.journal.filter((entry) => entry.startsWith('consume'))).toHaveLength(2);
    t.channel().deliver(pushBody({ ticket: 'after' }), 1);
    expect(t.delivered.map((m) => m.ticket)).toEqual(['after']);
  });

  it('should back off exponentially up to the bound while the broker refuses', async () => {
    const refused = () => new Error('Handshake terminated by server: 403 (ACCESS-REFUSED)');
    const t = setup({ failures: Array.from({ length: 9 }, refused) });
    await t.consumer.consume(t.deliver);
    const delays: number[] = [];
    for (let attempt = 0; attempt < 9; attempt += 1) {
      const [delay] = t.timers.pendingDelays();
      delays.push(delay);
      t.timers.advance(delay);
      await t.consumer.settled();
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(t.connects).toHaveLength(10);
    expect(t.journal.slice(-1)).toEqual([`consume ${QUEUE}`]);
    expect(t.counts.failed).toBe(9);
    expect(t.counts.reconnect_broker).toBe(9);
  });

  it('should restart the backoff after a successful consume', async () => {
    const t = setup({ failures: [new Error('ECONNREFUSED'), new Error('ECONNREFUSED')] });
    await t.consumer.consume(t.deliver);
    t.timers.advance(500);
    await t.consumer.settled();
    t.timers.advance(1000);
    await t.consumer.settled();
    t.connections[0].drop();
    expect(t.timers.pendingDelays()).toEqual([500]);
  });

  it('should retry when the queue cannot be consumed (404 NOT_FOUND)', async () => {
    const t = setup();
    await t.consumer.consume(t.deliver);
    await t.consumer.pause();
    t.channel().consumeError = new Error('Operation failed: BasicConsume; 404 (NOT-FOUND)');
    await t.consumer.consume(t.deliver);
    expect(t.connections[0].closed).toBe(true);
    expect(t.timers.pendingDelays()).toEqual([500]);
    t.timers.advance(500);
    await t.consumer.settled();
    expect(t.connects).toHaveLength(2);
    expect(t.channel().consumer).toBeDefined();
  });

  it('should reconnect when the broker cancels the consumer (queue deleted)', async () => {
    const t = setup();
    await t.consumer.consume(t.deliver);
    t.channel().consumer!(null);
    await Promise.resolve();
    expect(t.connections[0].closed).toBe(true);
    expect(t.timers.pendingDelays()).toEqual([500]);
    t.timers.advance(500);
    await t.consumer.settled();
    expect(t.connects).toHaveLength(2);
  });

  it('should stay disconnected while paused after a loss, and reconnect once asked to consume', async () => {
    const t = setup();
    await t.consumer.consume(t.deliver);
    await t.consumer.pause();
    t.connections[0].drop();
    t.timers.advance(500);
    await t.consumer.settled();
    expect(t.connects).toHaveLength(1);
    await t.consumer.consume(t.deliver);
    expect(t.connects).toHaveLength(2);
  });

  it('should never log the secret or the signed credentials, even when an error echoes them', async () => {
    const t = setup();
    const echo = (options: Options.Connect) => new Error(`refused user ${options.username} with password ${options.password}`);
    await t.consumer.consume(t.deliver);
    const first = t.connects[0];
    t.connections[0].emit('error', echo(first));
    t.connections[0].drop();
    t.timers.advance(500);
    await t.consumer.settled();
    const logs = t.logs();
    expect(logs).toContain('[redacted]');
    for (const secret of [CREDENTIALS.accessSecret, first.password!, first.username!, t.connects[1].password!]) expect(logs).not.toContain(secret);
  });
});
