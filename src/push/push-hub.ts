import type { Logger } from '../logger';
import type { PushMessageType } from '../schema/messaging/push-message-type.enum';
import type { PushMessage } from './push-message';
import { nullPushObserver, systemTimers, type PushObserver, type PushSource, type Timers } from './push-source';

/** Which messages one subscriber wants; an absent field does not filter. */
export interface PushFilter {
  productKey?: string;
  deviceKey?: string;
  types?: ReadonlySet<PushMessageType>;
}

/** One message as a subscriber receives it. */
export interface PushEvent {
  message: PushMessage;
  /** Messages this subscriber lost just before this one because its buffer was full. */
  droppedBefore: number;
}

export interface PushHubOptions {
  /** Events buffered per subscriber; past this the oldest is dropped and counted in the next event. */
  bufferSize: number;
  /** How long the connection stays open after the last subscriber left, ms, so a quick resubscribe reuses it. */
  idleDisconnectMs: number;
  timers?: Timers;
  logger: Logger;
  observer?: PushObserver;
}

/**
 * The in-process fan-out between one message source and the GraphQL subscribers.
 *
 * The source consumes only while someone listens: the first subscriber starts it, the last one to leave pauses it
 * at once (messages stay in the platform's queue, which keeps a 6 h backlog, reference §9.1) and closes the
 * connection after `idleDisconnectMs` unless someone subscribes again. Every subscriber has its own bounded buffer,
 * so a slow one never holds up the queue or the others: when it falls `bufferSize` events behind it loses its
 * oldest events and the next event it reads says how many (`droppedBefore`).
 */
export class PushHub {
  private readonly subscribers = new Set<PushSubscription>();
  private readonly timers: Timers;
  private readonly observer: PushObserver;
  private idleTimer: unknown;
  private consuming = false;
  private closed = false;

  constructor(
    private readonly source: PushSource,
    private readonly options: PushHubOptions,
  ) {
    if (!Number.isInteger(options.bufferSize) || options.bufferSize < 1) throw new RangeError('bufferSize must be a positive integer');
    this.timers = options.timers ?? systemTimers;
    this.observer = options.observer ?? nullPushObserver;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** A new subscriber; iterate it for events, `return()` it to leave. After `close()` it ends at once. */
  subscribe(filter: PushFilter): PushSubscription {
    const subscription = new PushSubscription(filter, this.options.bufferSize, this.observer, () => this.remove(subscription));
    if (this.closed) {
      subscription.end();
      return subscription;
    }
    this.subscribers.add(subscription);
    this.observer.pushSubscribers(this.subscribers.size);
    this.cancelIdleTimer();
    if (!this.consuming) {
      this.consuming = true;
      this.source.consume((message) => this.deliver(message)).catch((error: unknown) => this.logFailure('consume', error));
    }
    return subscription;
  }

  /** Ends every subscription and closes the source; for shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelIdleTimer();
    const ending = [...this.subscribers];
    this.subscribers.clear();
    for (const subscription of ending) subscription.end();
    this.observer.pushSubscribers(0);
    this.consuming = false;
    await this.source.disconnect();
  }

  private deliver(message: PushMessage): boolean {
    if (this.subscribers.size === 0) return false;
    for (const subscription of this.subscribers) subscription.offer(message);
    return true;
  }

  private remove(subscription: PushSubscription): void {
    if (!this.subscribers.delete(subscription)) return;
    this.observer.pushSubscribers(this.subscribers.size);
    if (this.subscribers.size > 0 || this.closed) return;
    this.consuming = false;
    this.source.pause().catch((error: unknown) => this.logFailure('pause', error));
    this.idleTimer = this.timers.setTimeout(() => {
      this.idleTimer = undefined;
      this.source.disconnect().catch((error: unknown) => this.logFailure('disconnect', error));
    }, this.options.idleDisconnectMs);
  }

  private cancelIdleTimer(): void {
    if (this.idleTimer === undefined) return;
    this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private logFailure(step: string, error: unknown): void {
    this.options.logger.warn({ step, err: error instanceof Error ? error.message : String(error) }, 'push channel step failed');
  }
}

/**
 * One subscriber's stream of events, in queue order. An async iterator whose `return()` takes effect at once, even
 * while a `next()` is waiting (graphql-ws calls `return()` when the client completes or disconnects).
 */
export class PushSubscription implements AsyncIterableIterator<PushEvent> {
  private buffer: PushEvent[] = [];
  private waiting: ((result: IteratorResult<PushEvent>) => void) | undefined;
  private done = false;

  constructor(
    private readonly filter: PushFilter,
    private readonly capacity: number,
    private readonly observer: PushObserver,
    private readonly onLeave: () => void,
  ) {}

  /** Queues the message when it passes this subscriber's filter. */
  offer(message: PushMessage): void {
    if (this.done || !this.matches(message)) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: { message, droppedBefore: 0 }, done: false });
      return;
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
      this.observer.pushDropped(1);
    }
    this.buffer.push({ message, droppedBefore: dropped });
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

  private matches(message: PushMessage): boolean {
    const { productKey, deviceKey, types } = this.filter;
    if (productKey !== undefined && message.productKey !== productKey) return false;
    if (deviceKey !== undefined && message.deviceKey !== deviceKey) return false;
    return types === undefined || types.has(message.type);
  }

  private finish(): void {
    this.done = true;
    this.buffer = [];
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.({ value: undefined, done: true });
  }
}
