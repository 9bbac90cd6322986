import { createClient } from '@keyv/redis';
import { createLogger } from '../../src/logger';
import type { LiveChange } from '../../src/push/live-state';
import { PushHub, type PushEvent } from '../../src/push/push-hub';
import { parsePushMessage, type PushMessage } from '../../src/push/push-message';
import { nullPushObserver, type PushObserver } from '../../src/push/push-source';
import { type FanOutClient, RedisFanOut } from '../../src/push/redis-fan-out';
import { FakePushSource, pushBody } from '../fakes/fake-push-source';
import { FakeTimers } from '../helpers/fake-timers';
import { freePort } from '../helpers/free-port';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis-server';
import { pollUntil } from '../helpers/poll';

// The fan-out between replicas against a real redis-server: each message published once whichever replica takes it
// (or takes it again after a redelivery), read once by every replica, and refused (never acknowledged) while Redis
// is away. "Nothing else arrived" is proven by a later message arriving next, never by waiting.

const describeWithRedis = redisAvailable() ? describe : describe.skip;
const logger = createLogger('silent');
const BOUND_MS = 10_000;

/** An observer that lets a test wait until the fan-out follows the stream, and counts what it reports. */
function watchingObserver() {
  const counts = { published: 0, duplicate: 0, publishFailed: 0, reconnects: 0, gap: 0 };
  let reading = false;
  const waiters: Array<() => void> = [];
  const observer: PushObserver = {
    ...nullPushObserver,
    pushPublished: (outcome) => (counts[outcome] += 1),
    pushDiscarded: (reason, n) => {
      if (reason === 'publish_failed') counts.publishFailed += n;
      if (reason === 'fan_out_gap') counts.gap += n;
    },
    pushReconnect: () => (counts.reconnects += 1),
    pushFanOutReading: (now) => {
      reading = now;
      if (!now) return;
      for (const wake of waiters.splice(0)) wake();
    },
  };
  const following = () => (reading ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)));
  return { observer, counts, following, isReading: () => reading };
}

function message(overrides: Record<string, unknown> = {}): PushMessage {
  const parsed = parsePushMessage(JSON.stringify(pushBody(overrides)));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.message;
}

/** What one replica's fan-out handed over, with a way to wait for the next one. */
function receiver() {
  const got: Array<{ message: PushMessage; change?: LiveChange }> = [];
  let waiting: (() => void) | undefined;
  return {
    got,
    receive: (m: PushMessage, change: LiveChange | undefined) => {
      got.push({ message: m, change });
      waiting?.();
    },
    /** Resolves once `n` messages arrived in all; fails after a bound instead of hanging. */
    async count(n: number) {
      const deadline = Date.now() + BOUND_MS;
      while (got.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} messages, got ${got.length}`);
        await new Promise<void>((resolve) => {
          waiting = resolve;
          setTimeout(resolve, 100).unref();
        });
      }
      return got.map((g) => g.message.ticket);
    },
  };
}

describeWithRedis('RedisFanOut against a real Redis', () => {
  let redis: RedisServer;
  const opened: RedisFanOut[] = [];
  let queueSeq = 0;
  let queue: string;

  function replica(overrides: Partial<ConstructorParameters<typeof RedisFanOut>[0]> = {}, url = redis.url) {
    const watch = watchingObserver();
    const fanOut = new RedisFanOut({
      url,
      queue,
      dedupeTtlMs: 60_000,
      streamMaxLength: 1000,
      logger,
      observer: watch.observer,
      blockMs: 1000,
      initialBackoffMs: 20,
      maxBackoffMs: 200,
      ...overrides,
    });
    opened.push(fanOut);
    return { fanOut, ...watch };
  }

  beforeAll(async () => {
    redis = await startRedis();
  });
  beforeEach(() => {
    // Each test its own queue, so its own stream and dedupe marks.
    queueSeq += 1;
    queue = `a.test.fanout${queueSeq}`;
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((f) => f.close()));
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('should hand a message published by one replica to every replica once, with its live-state change', async () => {
    const [a, b] = [replica(), replica()];
    const [onA, onB] = [receiver(), receiver()];
    a.fanOut.start(onA.receive);
    b.fanOut.start(onB.receive);
    await Promise.all([a.following(), b.following()]);
    const change: LiveChange = { properties: ['temperature'], connectivity: false, location: false, command: false };
    const first = message({ ticket: 'm1' });
    await expect(a.fanOut.publish(first, change)).resolves.toBe('published');
    await expect(b.fanOut.publish(message({ ticket: 'm2' }), undefined)).resolves.toBe('published');
    expect(await onA.count(2)).toEqual(['m1', 'm2']);
    expect(await onB.count(2)).toEqual(['m1', 'm2']);
    expect(onB.got[0]).toEqual({ message: first, change });
    expect(onB.got[1].change).toBeUndefined();
  });

  it('should not publish a redelivered message again, on the replica that published it or on another', async () => {
    const [a, b] = [replica(), replica()];
    const onB = receiver();
    b.fanOut.start(onB.receive);
    await b.following();
    const once = message({ ticket: 'once' });
    await expect(a.fanOut.publish(once, undefined)).resolves.toBe('published');
    // A died before its acknowledgement: the broker hands the same body to B, or to A again after a restart.
    await expect(b.fanOut.publish(once, undefined)).resolves.toBe('duplicate');
    await expect(a.fanOut.publish(once, undefined)).resolves.toBe('duplicate');
    await expect(a.fanOut.publish(message({ ticket: 'next' }), undefined)).resolves.toBe('published');
    expect(await onB.count(2)).toEqual(['once', 'next']);
    expect(a.counts).toMatchObject({ published: 2, duplicate: 1 });
    expect(b.counts).toMatchObject({ published: 0, duplicate: 1 });
  });

  it('should publish a message exactly once when several replicas race with the same body', async () => {
    const replicas = [replica(), replica(), replica()];
    const racing = message({ ticket: 'race' });
    const outcomes = await Promise.all(replicas.flatMap(({ fanOut }) => [fanOut.publish(racing, undefined), fanOut.publish(racing, undefined)]));
    expect(outcomes.filter((o) => o === 'published')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(5);
  });

  it('should publish the same message again once its dedupe mark expired', async () => {
    const a = replica({ dedupeTtlMs: 50 });
    const again = message({ ticket: 'again' });
    await expect(a.fanOut.publish(again, undefined)).resolves.toBe('published');
    // The mark is gone once Redis says so (PTTL -2), not after a sleep.
    const outcome = await pollUntil(
      () => a.fanOut.publish(again, undefined),
      (o) => o !== 'duplicate',
      'the dedupe mark expiring',
      BOUND_MS,
      20,
    );
    expect(outcome).toBe('published');
  });

  it('should count exactly the entries a replica missed because the stream was trimmed past it', async () => {
    // B's stream reads wait at a gate, so it falls behind while A publishes far more than the stream keeps.
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    const gated = (client: FanOutClient): FanOutClient => ({
      connect: () => client.connect(),
      sendCommand: async (args) => {
        if (args[0] === 'XREAD') await gate;
        return client.sendCommand(args);
      },
      duplicate: () => gated(client.duplicate()),
      on: (event, listener) => client.on(event, listener),
      destroy: () => client.destroy(),
    });
    const a = replica({ streamMaxLength: 100 });
    const b = replica({
      streamMaxLength: 100,
      createClient: (url) => gated(createClient({ url, disableOfflineQueue: true }) as unknown as FanOutClient),
    });
    const onB = receiver();
    b.fanOut.start(onB.receive);
    await b.following();
    const total = 450;
    for (let i = 1; i <= total; i += 1) await a.fanOut.publish(message({ ticket: `g${i}` }), undefined);
    openGate();
    const deadline = Date.now() + BOUND_MS;
    while (onB.got.at(-1)?.message.ticket !== `g${total}` && Date.now() < deadline) await onB.count(onB.got.length + 1);
    // Trimmed entries are the oldest: B got an unbroken tail, and the gap counts exactly the head it never saw.
    const received = onB.got.map((g) => g.message.ticket);
    expect(b.counts.gap).toBeGreaterThan(0);
    expect(received).toEqual(Array.from({ length: total - b.counts.gap }, (_, i) => `g${b.counts.gap + i + 1}`));
  });

  it('should refuse to publish while Redis is away and resume following where it stopped once it is back', async () => {
    const port = await freePort();
    let own = await startRedis(port);
    try {
      const a = replica({}, own.url);
      const b = replica({}, own.url);
      const onB = receiver();
      b.fanOut.start(onB.receive);
      await b.following();
      await a.fanOut.publish(message({ ticket: 'before' }), undefined);
      expect(await onB.count(1)).toEqual(['before']);

      await own.stop();
      await expect(a.fanOut.publish(message({ ticket: 'while-away' }), undefined)).rejects.toThrow();
      // The reader noticed the loss (it reports 0 until a read succeeds again).
      const deadline = Date.now() + BOUND_MS;
      await pollUntil(
        async () => b.isReading(),
        (reading) => !reading,
        'the reader noticing Redis is gone',
        BOUND_MS,
        20,
      );
      expect(b.isReading()).toBe(false);

      own = await startRedis(port);
      await b.following();
      // The publisher reconnects by itself; until it has, a publish fails fast and the hub would requeue.
      await pollUntil(
        () =>
          a.fanOut.publish(message({ ticket: 'after' }), undefined).then(
            () => true,
            () => false,
          ),
        (published) => published,
        'a publish after Redis came back',
        deadline + BOUND_MS - Date.now(),
        20,
      );
      expect(await onB.count(2)).toEqual(['before', 'after']);
      expect(a.counts.reconnects + b.counts.reconnects).toBeGreaterThan(0);
    } finally {
      await own.stop();
    }
  });

  describe('behind the push hub', () => {
    /** One replica: a hub over its own fake queue, fanning out through the shared Redis. */
    function hubReplica(url = redis.url) {
      const source = new FakePushSource();
      const timers = new FakeTimers();
      const r = replica({}, url);
      const seen = { fannedOut: 0, lags: [] as number[] };
      const observer: PushObserver = {
        ...r.observer,
        pushFannedOut: (n) => (seen.fannedOut += n),
        pushLag: (ms) => seen.lags.push(ms),
      };
      const hub = new PushHub(source, {
        bufferSize: 100,
        idleDisconnectMs: 5000,
        timers,
        logger,
        observer,
        fanOut: r.fanOut,
        random: () => 0.5,
        clock: timers,
      });
      return { source, timers, hub, seen, ...r };
    }

    async function next(iterator: AsyncIterator<PushEvent>): Promise<PushEvent> {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no event within the bound')), BOUND_MS);
      });
      try {
        const result = await Promise.race([iterator.next(), bound]);
        if (result.done) throw new Error('subscription ended');
        return result.value;
      } finally {
        clearTimeout(timer);
      }
    }

    it('should give the subscribers of every replica each message once, whichever replica consumed it', async () => {
      const [a, b] = [hubReplica(), hubReplica()];
      const onA = a.hub.subscribe({ productKey: 'p1' });
      const onB = b.hub.subscribe({ productKey: 'p1' });
      a.hub.start();
      b.hub.start();
      await Promise.all([a.following(), b.following()]);
      // Consumed from the start, subscribers or not: other replicas' subscribers need this one's share.
      expect(a.source.state).toBe('consuming');
      const taken = a.source.deliverInFlight(pushBody({ ticket: 'on-a', productKey: 'p1' }));
      await expect(taken).resolves.toBe(true);
      await expect(b.source.deliverInFlight(pushBody({ ticket: 'on-b', productKey: 'p1' }))).resolves.toBe(true);
      for (const subscription of [onA, onB]) {
        expect((await next(subscription)).message.ticket).toBe('on-a');
        expect((await next(subscription)).message.ticket).toBe('on-b');
      }
      expect(a.seen.fannedOut).toBe(2);
      expect(a.seen.lags).toHaveLength(2);
    });

    it('should acknowledge a redelivery of a published message without handing it over twice', async () => {
      const [a, b] = [hubReplica(), hubReplica()];
      const onB = b.hub.subscribe({});
      a.hub.start();
      b.hub.start();
      await b.following();
      const body = pushBody({ ticket: 'redelivered' });
      await expect(a.source.deliverInFlight(body)).resolves.toBe(true);
      // A was killed before its ack reached the broker: B gets the same body and must acknowledge it.
      await expect(b.source.deliverInFlight(body)).resolves.toBe(true);
      await expect(b.source.deliverInFlight(pushBody({ ticket: 'later' }))).resolves.toBe(true);
      expect((await next(onB)).message.ticket).toBe('redelivered');
      expect((await next(onB)).message.ticket).toBe('later');
      expect(b.counts).toMatchObject({ duplicate: 1, published: 1 });
    });

    it('should put a message back and pause consuming with backoff while Redis is away', async () => {
      const own = await startRedis();
      const a = hubReplica(own.url);
      a.hub.start();
      await a.following();
      await own.stop();
      const refused = a.source.deliverInFlight(pushBody({ ticket: 'refused' }));
      // Taken before the first refusal was known: it goes back at once, without waiting for Redis in turn.
      const alsoInFlight = a.source.deliverInFlight(pushBody({ ticket: 'in-flight' }));
      await expect(refused).resolves.toBe(false);
      await expect(alsoInFlight).resolves.toBe(false);
      expect(a.counts.publishFailed).toBe(1);
      expect(a.source.state).toBe('paused');
      expect(a.timers.pendingDelays()).toEqual([500]);
      a.timers.advance(500);
      expect(a.source.state).toBe('consuming');
      // Still away: the next pause is twice as long.
      await expect(a.source.deliverInFlight(pushBody({ ticket: 'refused-again' }))).resolves.toBe(false);
      expect(a.source.state).toBe('paused');
      expect(a.timers.pendingDelays()).toEqual([1000]);
    });
  });
});
