import type { Logger } from '../logger';
import type { PushMessageType } from '../schema/messaging/push-message-type.enum';
import type { PushFanOut } from './fan-out';
import type { LiveChange, LiveStateStore } from './live-state';
import type { PushMessage } from './push-message';
import { nullPushObserver, systemTimers, type PushObserver, type PushSource, type Timers } from './push-source';
import { backoffDelay } from './backoff';
import { rejectAfter } from '../timeout';

/**
 * Which messages one subscriber wants; an absent field does not filter. The hub routes by device, product and
 * ticket through maps (a message reaches only the subscribers indexed under its keys, never a scan of all of them);
 * `accept` then decides per event.
 */
export interface PushFilter {
  productKey?: string;
  /** One device; needs `productKey`. */
  deviceKey?: string;
  /** Several devices of `productKey`; each is indexed on its own. */
  deviceKeys?: readonly string[];
  /** Only messages with this ticket (a command and its acknowledgement). */
  ticket?: string;
  types?: ReadonlySet<PushMessageType>;
  /** A last word per event, e.g. "only when one of these property codes changed". */
  accept?: (event: Omit<PushEvent, 'droppedBefore'>) => boolean;
}

/** One message as a subscriber receives it. */
export interface PushEvent {
  message: PushMessage;
  /** What the message changed in the live state store; undefined when the service keeps no live state. */
  change?: LiveChange;
  /** Messages this subscriber lost just before this one because its buffer was full. */
  droppedBefore: number;
}

export interface PushHubOptions {
  /** Events buffered per subscriber; past this the oldest is dropped and counted in the next event. */
  bufferSize: number;
  /** How long the connection stays open after the last subscriber left, ms, so a quick resubscribe reuses it. */
  idleDisconnectMs: number;
  /**
   * Keeps the latest device state. With a store the hub consumes from `start()` on, whether anyone subscribes or
   * not, and a message is taken (acknowledged) once it is stored and handed to the subscribers.
   */
  store?: LiveStateStore;
  /** Longest wait for the store to take one message, ms; slower counts as a store failure (requeue, back off). Default 2000. */
  storeTimeoutMs?: number;
  timers?: Timers;
  logger: Logger;
  observer?: PushObserver;
  /** Told of every message taken from the source, before fan-out (the shared read cache drops what it changed). */
  onMessage?: (message: PushMessage) => void;
  /**
   * Carries messages between replicas (Redis): a message taken here is stored, published there and acknowledged;
   * subscribers here get what arrives from it, whichever replica took the message. With one the hub, like with a
   * store, consumes from `start()` on: subscribers on other replicas depend on this one taking its share.
   */
  fanOut?: PushFanOut;
  /** After a store or fan-out failure, the first pause before consuming again, ms; doubles up to the max. Default 500. */
  initialBackoffMs?: number;
  /** Default 30 000. */
  maxBackoffMs?: number;
  /** Jitter source in [0, 1); 0.5 means no jitter. */
  random?: () => number;
  /** For the lag between a message's `createdAt` and its hand-over. */
  clock?: { now(): number };
}

/**
 * The fan-out between one message source and the GraphQL subscribers of this process.
 *
 * Without a live state store or a fan-out between replicas the source consumes only while someone listens: the
 * first subscriber starts it, the last one to leave pauses it at once (messages stay in the platform's queue, which
 * keeps a 6 h backlog, reference §9.1) and closes the connection after `idleDisconnectMs` unless someone subscribes
 * again. With either it consumes from `start()` until `close()`, so the store stays current and the other replicas'
 * subscribers get this replica's share. With a fan-out, a message is acknowledged once stored and published, and
 * subscribers here get messages from the fan-out only, so each gets each message once whichever replica took it.
 * A store or publish failure puts the message back and pauses consuming with backoff. Every subscriber has its own
 * bounded buffer, so a slow one never holds up the queue or the others: when it falls `bufferSize` events behind it
 * loses its oldest events and the next event it reads says how many (`droppedBefore`).
 */
export class PushHub {
  private readonly subscribers = new Set<PushSubscription>();
  private readonly byDevice = new Map<string, Set<PushSubscription>>();
  private readonly byProduct = new Map<string, Set<PushSubscription>>();
  private readonly byTicket = new Map<string, Set<PushSubscription>>();
  private readonly everywhere = new Set<PushSubscription>();
  private readonly timerFns: Timers;
  private readonly observer: PushObserver;
  private idleTimer: unknown;
  private backoffTimer: unknown;
  private failures = 0;
  private consuming = false;
  private closed = false;
  /** Fan-outs in arrival order: stores run in parallel (serialised per device), subscribers see queue order. */
  private fanOuts: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly source: PushSource,
    private readonly options: PushHubOptions,
  ) {
    if (!Number.isInteger(options.bufferSize) || options.bufferSize < 1) throw new RangeError('bufferSize must be a positive integer');
    this.timerFns = options.timers ?? systemTimers;
    this.observer = options.observer ?? nullPushObserver;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** The timers the hub schedules with (tests pass fake ones). */
  get timers(): Timers {
    return this.timerFns;
  }

  /** The live state store, when this hub keeps one. */
  get store(): LiveStateStore | undefined {
    return this.options.store;
  }

  /**
   * Starts consuming when a store is kept (so it fills before anyone subscribes) or messages fan out between replicas
   * (others' subscribers need this one's share), and follows the fan-out; a no-op otherwise.
   */
  start(): void {
    if (this.closed) return;
    this.options.fanOut?.start((message, change) => this.handOver(message, change));
    if (this.alwaysConsumes) this.startConsuming();
  }

  /** A new subscriber; iterate it for events, `return()` it to leave. After `close()` it ends at once. */
  subscribe(filter: PushFilter): PushSubscription {
    const subscription = new PushSubscription(filter, this.options.bufferSize, this.observer, () => this.remove(subscription));
    if (this.closed) {
      subscription.end();
      return subscription;
    }
    this.subscribers.add(subscription);
    for (const [index, key] of routesOf(filter)) addTo(this.indexes(index), key, subscription);
    if (routesOf(filter).length === 0) this.everywhere.add(subscription);
    this.observer.pushSubscribers(this.subscribers.size);
    this.cancelIdleTimer();
    this.startConsuming();
    return subscription;
  }

  /** Ends every subscription and closes the source; for shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelIdleTimer();
    const ending = [...this.subscribers];
    this.subscribers.clear();
    this.byDevice.clear();
    this.byProduct.clear();
    this.byTicket.clear();
    this.everywhere.clear();
    for (const subscription of ending) subscription.end();
    this.observer.pushSubscribers(0);
    this.consuming = false;
    this.cancelBackoff();
    await this.source.disconnect();
    await this.options.fanOut?.close();
  }

  /** Whether the source is consumed whether or not anyone subscribes here. */
  private get alwaysConsumes(): boolean {
    return this.options.store !== undefined || this.options.fanOut !== undefined;
  }

  private startConsuming(): void {
    if (this.consuming || this.backoffTimer !== undefined) return;
    this.consuming = true;
    this.source.consume((message) => this.deliver(message)).catch((error: unknown) => this.logFailure('consume', error));
  }

  private deliver(message: PushMessage): boolean | Promise<boolean> {
    this.options.onMessage?.(message);
    const { store, fanOut } = this.options;
    if (!store && !fanOut) {
      if (this.subscribers.size === 0) return false;
      this.handOver(message, undefined);
      return true;
    }
    const stored = store
      ? rejectAfter(store.apply(message), this.options.storeTimeoutMs ?? 2000, 'The live state store', this.timerFns)
      : Promise.resolve(undefined);
    const done = this.fanOuts
      .then(() => stored)
      .then(
        async (change) => {
          if (change) this.observer.pushStored(change.properties.length > 0 || change.connectivity || change.location || change.command);
          if (!fanOut) {
            this.handOver(message, change);
            return this.succeeded();
          }
          // Deliveries already in flight when a publish failed go straight back too, instead of each waiting for Redis.
          if (this.backoffTimer !== undefined) return false;
          try {
            // Subscribers here get it back from the fan-out, like those of every other replica.
            await fanOut.publish(message, change);
            return this.succeeded();
          } catch (error) {
            return this.failed('publish', 'publish_failed', error);
          }
        },
        // The store is down: leave the message in the queue for a later attempt rather than lose its state.
        (error: unknown) => this.failed('store', 'store_failed', error),
      );
    this.fanOuts = done;
    return done;
  }

  private succeeded(): true {
    this.failures = 0;
    return true;
  }

  /**
   * A message the store or the fan-out did not take goes back to the queue (false), and the hub stops consuming for
   * a while (exponential backoff with jitter) instead of spinning on redeliveries while Redis is away.
   */
  private failed(step: string, reason: 'store_failed' | 'publish_failed', error: unknown): false {
    this.observer.pushDiscarded(reason, 1);
    if (this.backoffTimer !== undefined || this.closed) return false;
    this.failures += 1;
    const delayMs = backoffDelay(this.failures, this.options.initialBackoffMs ?? 500, this.options.maxBackoffMs ?? 30_000, this.options.random);
    this.options.logger.warn(
      { step, err: error instanceof Error ? error.message : String(error), attempt: this.failures, delayMs },
      'push message put back in the queue; pausing the consumer',
    );
    this.consuming = false;
    this.source.pause().catch((pauseError: unknown) => this.logFailure('pause', pauseError));
    this.backoffTimer = this.timerFns.setTimeout(() => {
      this.backoffTimer = undefined;
      if (!this.closed && (this.alwaysConsumes || this.subscribers.size > 0)) this.startConsuming();
    }, delayMs);
    return false;
  }

  /** Hands a message to this replica's subscribers (from the source, or from the fan-out) and counts it. */
  private handOver(message: PushMessage, change: LiveChange | undefined): void {
    this.observer.pushLag(Math.max(0, (this.options.clock ?? Date).now() - message.createdAt));
    this.observer.pushFannedOut(this.fanOut(message, change));
  }

  /** Hands the message to the subscribers indexed under its device, product and ticket, and to the unfiltered ones. */
  private fanOut(message: PushMessage, change: LiveChange | undefined): number {
    const { productKey, deviceKey, ticket } = message;
    const targets = new Set<PushSubscription>(this.everywhere);
    if (productKey) {
      for (const s of this.byProduct.get(productKey) ?? []) targets.add(s);
      if (deviceKey) for (const s of this.byDevice.get(deviceRoute(productKey, deviceKey)) ?? []) targets.add(s);
    }
    if (ticket) for (const s of this.byTicket.get(ticket) ?? []) targets.add(s);
    let offered = 0;
    for (const subscription of targets) if (subscription.offer(message, change)) offered += 1;
    return offered;
  }

  private indexes(index: RouteIndex): Map<string, Set<PushSubscription>> {
    return index === 'device' ? this.byDevice : index === 'product' ? this.byProduct : this.byTicket;
  }

  private remove(subscription: PushSubscription): void {
    if (!this.subscribers.delete(subscription)) return;
    this.everywhere.delete(subscription);
    for (const [index, key] of routesOf(subscription.filter)) removeFrom(this.indexes(index), key, subscription);
    this.observer.pushSubscribers(this.subscribers.size);
    if (this.subscribers.size > 0 || this.closed || this.alwaysConsumes) return;
    this.consuming = false;
    this.source.pause().catch((error: unknown) => this.logFailure('pause', error));
    this.idleTimer = this.timerFns.setTimeout(() => {
      this.idleTimer = undefined;
      this.source.disconnect().catch((error: unknown) => this.logFailure('disconnect', error));
    }, this.options.idleDisconnectMs);
  }

  private cancelBackoff(): void {
    if (this.backoffTimer === undefined) return;
    this.timerFns.clearTimeout(this.backoffTimer);
    this.backoffTimer = undefined;
  }

  private cancelIdleTimer(): void {
    if (this.idleTimer === undefined) return;
    this.timerFns.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private logFailure(step: string, error: unknown): void {
    this.options.logger.warn({ step, err: error instanceof Error ? error.message : String(error) }, 'push channel step failed');
  }
}

type RouteIndex = 'device' | 'product' | 'ticket';

const deviceRoute = (productKey: string, deviceKey: string) => `${productKey}\n${deviceKey}`;

/**
 * The index entries of a filter, the most selective only: its ticket, else its devices, else its product. A filter
 * with none is unrouted and sees every message.
 */
function routesOf(filter: PushFilter): Array<[RouteIndex, string]> {
  if (filter.ticket !== undefined) return [['ticket', filter.ticket]];
  const routes: Array<[RouteIndex, string]> = [];
  const deviceKeys = filter.deviceKeys ?? (filter.deviceKey !== undefined ? [filter.deviceKey] : []);
  if (filter.productKey !== undefined && deviceKeys.length > 0) {
    for (const dk of new Set(deviceKeys)) routes.push(['device', deviceRoute(filter.productKey, dk)]);
  } else if (filter.productKey !== undefined) {
    routes.push(['product', filter.productKey]);
  }
  return routes;
}

function addTo(index: Map<string, Set<PushSubscription>>, key: string, subscription: PushSubscription): void {
  const set = index.get(key);
  if (set) set.add(subscription);
  else index.set(key, new Set([subscription]));
}

function removeFrom(index: Map<string, Set<PushSubscription>>, key: string, subscription: PushSubscription): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(subscription);
  if (set.size === 0) index.delete(key);
}

/**
 * One subscriber's stream of events, in queue order. An async iterator whose `return()` takes effect at once, even
 * while a `next()` is waiting (graphql-ws calls `return()` when the client completes or disconnects).
 */
export class PushSubscription implements AsyncIterableIterator<PushEvent> {
  private buffer: PushEvent[] = [];
  private waiting: ((result: IteratorResult<PushEvent>) => void) | undefined;
  private done = false;
  private readonly devices: ReadonlySet<string> | undefined;

  constructor(
    readonly filter: PushFilter,
    private readonly capacity: number,
    private readonly observer: PushObserver,
    private readonly onLeave: () => void,
  ) {
    const keys = filter.deviceKeys ?? (filter.deviceKey !== undefined ? [filter.deviceKey] : undefined);
    this.devices = keys && keys.length > 0 ? new Set(keys) : undefined;
  }

  /** Queues the message when it passes this subscriber's filter; says whether it did. */
  offer(message: PushMessage, change?: LiveChange): boolean {
    if (this.done || !this.matches(message, change)) return false;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: { message, change, droppedBefore: 0 }, done: false });
      return true;
    }
    let dropped = 0;
    if (this.buffer.length >= this.capacity) {
      const oldest = this.buffer.shift()!;
      dropped = oldest.droppedBefore + 1;
      // The gap sits in front of the new oldest event; with a buffer of one, in front of this one.
      if (this.buffer.length > 0) {
        this.buffer[0].droppedBefore += dropped;
        dropped = 0;
      }
      this.observer.pushDiscarded('slow_subscriber', 1);
    }
    this.buffer.push({ message, change, droppedBefore: dropped });
    return true;
  }

  /** Ends the stream without leaving the hub (the hub is closing). */
  end(): void {
    this.finish();
  }

  next(): Promise<IteratorResult<PushEvent>> {
    const event = this.buffer.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<PushEvent>> {
    this.finish();
    this.onLeave();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<PushEvent>> {
    this.finish();
    this.onLeave();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The hub already routed by device, product and ticket; what is left is the kind and the filter's last word. */
  private matches(message: PushMessage, change: LiveChange | undefined): boolean {
    const { productKey, types, accept } = this.filter;
    if (productKey !== undefined && message.productKey !== productKey) return false;
    if (this.devices !== undefined && (message.deviceKey === null || !this.devices.has(message.deviceKey))) return false;
    if (types !== undefined && !types.has(message.type)) return false;
    return accept === undefined || accept({ message, change });
  }

  private finish(): void {
    this.done = true;
    this.buffer = [];
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.({ value: undefined, done: true });
  }
}
