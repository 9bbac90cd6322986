import Keyv from 'keyv';
import { createLogger } from '../../src/logger';
import { LiveStateStore } from '../../src/push/live-state';
import { PushHub, type PushEvent, type PushFilter } from '../../src/push/push-hub';
import { nullPushObserver, type PushObserver } from '../../src/push/push-source';
import { PushMessageType } from '../../src/schema/messaging/push-message-type.enum';
import { FakePushSource, pushBody } from '../fakes/fake-push-source';
import { FakeTimers } from '../helpers/fake-timers';

const GRACE_MS = 5000;

function setup(bufferSize = 10) {
  const source = new FakePushSource();
  const timers = new FakeTimers();
  const counts = { dropped: 0, subscribers: [] as number[] };
  const observer: PushObserver = {
    ...nullPushObserver,
    pushMessage() {},
    pushConnection() {},
    pushStored() {},
    pushFannedOut() {},
    pushDiscarded: (reason, n) => {
      if (reason === 'slow_subscriber') counts.dropped += n;
    },
    pushSubscribers: (n) => counts.subscribers.push(n),
  };
  const hub = new PushHub(source, { bufferSize, idleDisconnectMs: GRACE_MS, timers, logger: createLogger('silent'), observer });
  return { source, timers, hub, counts };
}

/** Reads exactly `n` events that are already buffered; a missing one fails instead of hanging. */
async function take(iterator: AsyncIterator<PushEvent>, n: number): Promise<PushEvent[]> {
  const events: PushEvent[] = [];
  for (let i = 0; i < n; i += 1) {
    const result = await Promise.race([iterator.next(), new Promise<'none'>((resolve) => setImmediate(() => resolve('none')))]);
    if (result === 'none' || result.done) throw new Error(`expected ${n} events, got ${i}`);
    events.push(result.value);
  }
  return events;
}

/** True when nothing is buffered: a pending next() does not settle within a macrotask. */
async function nothingBuffered(iterator: AsyncIterator<PushEvent>): Promise<boolean> {
  const result = await Promise.race([iterator.next().then(() => 'event'), new Promise<'none'>((resolve) => setImmediate(() => resolve('none')))]);
  return result === 'none';
}

const tickets = (events: PushEvent[]) => events.map((e) => e.message.ticket);

describe('PushHub fan-out', () => {
  it('should deliver messages to a subscriber in queue order', async () => {
    const { source, hub } = setup();
    const subscription = hub.subscribe({});
    for (const t of ['a', 'b', 'c']) source.emit(pushBody({ ticket: t }));
    expect(tickets(await take(subscription, 3))).toEqual(['a', 'b', 'c']);
  });

  it('should resolve a waiting reader as soon as a message arrives', async () => {
    const { source, hub } = setup();
    const subscription = hub.subscribe({});
    const pending = subscription.next();
    source.emit(pushBody({ ticket: 'live' }));
    expect((await pending).value?.message.ticket).toBe('live');
  });

  it('should give every subscriber its own copy', async () => {
    const { source, hub } = setup();
    const first = hub.subscribe({});
    const second = hub.subscribe({});
    source.emit(pushBody({ ticket: 'x' }));
    expect(tickets(await take(first, 1))).toEqual(['x']);
    expect(tickets(await take(second, 1))).toEqual(['x']);
  });

  it.each<[string, PushFilter, string[]]>([
    ['product', { productKey: 'p2' }, ['p2-d1', 'p2-d2']],
    ['device', { productKey: 'p2', deviceKey: 'd2' }, ['p2-d2']],
    ['types', { types: new Set([PushMessageType.COMMAND_ACK, PushMessageType.ONLINE]) }, ['ack', 'online']],
  ])('should pass only the messages its %s filter selects', async (_name, filter, expected) => {
    const { source, hub } = setup();
    const subscription = hub.subscribe(filter);
    source.emit(pushBody({ ticket: 'p1-d1', productKey: 'p1', deviceKey: 'd1' }));
    source.emit(pushBody({ ticket: 'p2-d1', productKey: 'p2', deviceKey: 'd1' }));
    source.emit(pushBody({ ticket: 'ack', type: 'REQACK', subtype: undefined, productKey: 'p3', data: { status: 'succ' } }));
    source.emit(pushBody({ ticket: 'p2-d2', productKey: 'p2', deviceKey: 'd2' }));
    source.emit(pushBody({ ticket: 'online', type: 'ONLINE', subtype: undefined, productKey: 'p3', data: { value: 1 } }));
    expect(tickets(await take(subscription, expected.length))).toEqual(expected);
    expect(await nothingBuffered(subscription)).toBe(true);
  });
});

describe('PushHub bounded buffer', () => {
  it("should drop a slow subscriber's oldest events and say how many in the next one it reads", async () => {
    const { source, hub, counts } = setup(3);
    const slow = hub.subscribe({});
    const fast = hub.subscribe({});
    for (let i = 1; i <= 5; i += 1) {
      source.emit(pushBody({ ticket: `m${i}` }));
      expect(tickets(await take(fast, 1))).toEqual([`m${i}`]);
    }
    const events = await take(slow, 3);
    expect(events.map((e) => [e.message.ticket, e.droppedBefore])).toEqual([
      ['m3', 2],
      ['m4', 0],
      ['m5', 0],
    ]);
    expect(counts.dropped).toBe(2);
  });

  it('should count drops in front of the only event when the buffer holds one', async () => {
    const { source, hub } = setup(1);
    const slow = hub.subscribe({});
    for (let i = 1; i <= 4; i += 1) source.emit(pushBody({ ticket: `m${i}` }));
    expect((await take(slow, 1)).map((e) => [e.message.ticket, e.droppedBefore])).toEqual([['m4', 3]]);
  });

  it('should report later gaps separately', async () => {
    const { source, hub } = setup(2);
    const slow = hub.subscribe({});
    for (let i = 1; i <= 3; i += 1) source.emit(pushBody({ ticket: `m${i}` }));
    expect((await take(slow, 2)).map((e) => e.droppedBefore)).toEqual([1, 0]);
    for (let i = 4; i <= 7; i += 1) source.emit(pushBody({ ticket: `m${i}` }));
    expect((await take(slow, 2)).map((e) => [e.message.ticket, e.droppedBefore])).toEqual([
      ['m6', 2],
      ['m7', 0],
    ]);
  });
});

describe('PushHub subscribe and leave', () => {
  it('should end a waiting read at once when the subscriber leaves', async () => {
    const { hub } = setup();
    const subscription = hub.subscribe({});
    const pending = subscription.next();
    await subscription.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(hub.subscriberCount).toBe(0);
  });

  it('should stop buffering for a subscriber that left', async () => {
    const { source, hub } = setup();
    const stays = hub.subscribe({});
    const leaves = hub.subscribe({});
    await leaves.return();
    source.emit(pushBody({ ticket: 'after' }));
    expect(await leaves.next()).toEqual({ value: undefined, done: true });
    expect(tickets(await take(stays, 1))).toEqual(['after']);
  });

  it('should count subscribers for the metrics', async () => {
    const { hub, counts } = setup();
    const a = hub.subscribe({});
    const b = hub.subscribe({});
    await a.return();
    await a.return();
    await b.return();
    expect(counts.subscribers).toEqual([1, 2, 1, 0]);
  });
});

describe('PushHub lazy connection', () => {
  it('should not touch the source before the first subscriber', () => {
    const { source } = setup();
    expect(source.calls).toEqual([]);
  });

  it('should consume once for many subscribers', () => {
    const { source, hub } = setup();
    hub.subscribe({});
    hub.subscribe({ productKey: 'p1' });
    expect(source.calls).toEqual(['connect', 'consume']);
  });

  it('should pause at once when the last subscriber leaves and disconnect after the grace period', async () => {
    const { source, hub, timers } = setup();
    const a = hub.subscribe({});
    const b = hub.subscribe({});
    await a.return();
    expect(source.calls).toEqual(['connect', 'consume']);
    await b.return();
    expect(source.calls).toEqual(['connect', 'consume', 'pause']);
    timers.advance(GRACE_MS - 1);
    expect(source.state).toBe('paused');
    timers.advance(1);
    expect(source.calls).toEqual(['connect', 'consume', 'pause', 'disconnect']);
    expect(source.state).toBe('off');
  });

  it('should keep the connection when someone subscribes again within the grace period', async () => {
    const { source, hub, timers } = setup();
    await hub.subscribe({}).return();
    timers.advance(GRACE_MS / 2);
    hub.subscribe({});
    timers.advance(GRACE_MS * 2);
    expect(source.calls).toEqual(['connect', 'consume', 'pause', 'consume']);
    expect(source.state).toBe('consuming');
  });

  it('should reconnect for a subscriber after the grace period', async () => {
    const { source, hub, timers } = setup();
    await hub.subscribe({}).return();
    timers.advance(GRACE_MS);
    hub.subscribe({});
    expect(source.calls).toEqual(['connect', 'consume', 'pause', 'disconnect', 'connect', 'consume']);
  });

  it('should leave messages in the queue while nobody listens and hand them to the next subscriber', async () => {
    const { source, hub, timers } = setup();
    await hub.subscribe({}).return();
    timers.advance(GRACE_MS);
    source.emit(pushBody({ ticket: 'while-away-1' }));
    source.emit(pushBody({ ticket: 'while-away-2' }));
    expect(source.backlog).toHaveLength(2);
    const subscription = hub.subscribe({});
    expect(tickets(await take(subscription, 2))).toEqual(['while-away-1', 'while-away-2']);
    expect(source.backlog).toHaveLength(0);
  });

  it('should refuse a message delivered between the last leave and the pause taking effect', async () => {
    const { hub, source } = setup();
    const subscription = hub.subscribe({});
    await subscription.return();
    expect(source.deliverInFlight(pushBody())).toBe(false);
  });
});

describe('PushHub close', () => {
  it('should end every subscription and disconnect the source', async () => {
    const { hub, source } = setup();
    const subscription = hub.subscribe({});
    const pending = subscription.next();
    await hub.close();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(source.state).toBe('off');
    expect(hub.subscriberCount).toBe(0);
  });

  it('should end a subscription opened after close without consuming', async () => {
    const { hub, source } = setup();
    await hub.close();
    const subscription = hub.subscribe({});
    expect(await subscription.next()).toEqual({ value: undefined, done: true });
    expect(source.calls).toEqual(['disconnect']);
  });
});

describe('PushHub routing and live state', () => {
  it('should offer a message only to the subscribers of its device, however many others there are', async () => {
    const source = new FakePushSource();
    const offered: number[] = [];
    const observer: PushObserver = {
      ...nullPushObserver,
      pushMessage() {},
      pushConnection() {},
      pushStored() {},
      pushFannedOut: (n) => offered.push(n),
      pushDiscarded() {},
      pushSubscribers() {},
    };
    const hub = new PushHub(source, {
      bufferSize: 10,
      idleDisconnectMs: GRACE_MS,
      timers: new FakeTimers(),
      logger: createLogger('silent'),
      observer,
    });
    const others = Array.from({ length: 10_000 }, (_, i) => hub.subscribe({ productKey: 'p1', deviceKey: `other-${i}` }));
    const mine = hub.subscribe({ productKey: 'p1', deviceKeys: ['d1', 'd9'] });
    source.emit(pushBody({ ticket: 'for-d1', productKey: 'p1', deviceKey: 'd1' }));
    source.emit(pushBody({ ticket: 'for-d2', productKey: 'p1', deviceKey: 'd2' }));
    expect(offered).toEqual([1, 0]);
    expect(tickets(await take(mine, 1))).toEqual(['for-d1']);
    expect(await nothingBuffered(others[0])).toBe(true);
  });

  it('should consume from start() with a store, store before handing over, and never pause when subscribers leave', async () => {
    const source = new FakePushSource();
    const store = new LiveStateStore(new Keyv());
    const hub = new PushHub(source, { bufferSize: 10, idleDisconnectMs: GRACE_MS, timers: new FakeTimers(), logger: createLogger('silent'), store });
    hub.start();
    expect(source.state).toBe('consuming');
    const taken = await source.deliverInFlight(pushBody({ ticket: 'nobody-listens', createdAt: 1000, data: { kv: { temperature: 7 } } }));
    expect(taken).toBe(true);
    expect((await store.devices([{ productKey: 'p1', deviceKey: 'd1' }]))[0]!.properties.temperature.value).toBe(7);
    const subscription = hub.subscribe({ productKey: 'p1' });
    const repeat = source.deliverInFlight(pushBody({ ticket: 'nobody-listens', createdAt: 1000, data: { kv: { temperature: 7 } } }));
    await repeat;
    const [event] = await take(subscription, 1);
    expect(event.change).toEqual({ properties: [], connectivity: false, location: false, command: false });
    await subscription.return();
    expect(source.calls).not.toContain('pause');
  });

  it('should put a message back and pause when the store does not answer within storeTimeoutMs', async () => {
    const source = new FakePushSource();
    const timers = new FakeTimers();
    const dropped: string[] = [];
    // A Redis that stopped answering: node-redis would queue the write for ever.
    const hung = { apply: () => new Promise<never>(() => undefined) } as unknown as LiveStateStore;
    const observer: PushObserver = { ...nullPushObserver, pushDiscarded: (reason) => dropped.push(reason) };
    const hub = new PushHub(source, {
      bufferSize: 10,
      idleDisconnectMs: GRACE_MS,
      timers,
      logger: createLogger('silent'),
      observer,
      store: hung,
      storeTimeoutMs: 2000,
    });
    hub.start();
    let taken: boolean | undefined;
    void Promise.resolve(source.deliverInFlight(pushBody({ ticket: 'stuck' }))).then((value) => (taken = value));
    timers.advance(1999);
    await new Promise((resolve) => setImmediate(resolve));
    expect(taken).toBeUndefined();
    timers.advance(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(taken).toBe(false);
    expect(dropped).toEqual(['store_failed']);
    expect(source.calls).toContain('pause');
  });
});
