import type { PushMessage } from './push-message';

/**
 * Hands one message to the hub (live state store, then subscribers). Returns (or resolves to) false when the message
 * was not taken (nobody listening and no store, or the store failed), in which case the source must leave it in its
 * queue: the platform keeps the backlog for whoever listens next (reference §9.1). A source acknowledges a message
 * only once this settled true, so a process that dies meanwhile loses nothing.
 */
export type Deliver = (message: PushMessage) => boolean | Promise<boolean>;

/** Where pushed messages come from: the AMQP consumer, or a fake in tests. Every method is idempotent. */
export interface PushSource {
  /** Connects if needed and starts (or resumes) handing messages to `deliver`, in queue order. Never rejects. */
  consume(deliver: Deliver): Promise<void>;
  /** Stops taking messages at once; they stay queued. The connection may stay open so `consume` resumes quickly. */
  pause(): Promise<void>;
  /** Stops taking messages and closes the connection. */
  disconnect(): Promise<void>;
}

// The push path's timers are the shared ones of src/timeout.ts, which also bound its store and fan-out calls.
export { systemTimers, type Timers } from '../timeout';

/**
 * Why a message or an event was not delivered: a bad body, a subscriber too slow, a store that failed (requeued), a
 * fan-out bug, the Redis fan-out refusing a publish (requeued) or a replica that fell so far behind the fan-out
 * stream that entries it had not read were trimmed.
 */
export type DropReason = 'malformed' | 'slow_subscriber' | 'store_failed' | 'fan_out_failed' | 'publish_failed' | 'fan_out_gap';

/** A link of the push path: the platform's broker, or the Redis fan-out between replicas. */
export type PushLink = 'broker' | 'fanout';

/** What the push channel reports; `Metrics` implements it, tests may count. */
export interface PushObserver {
  /** A message from the queue: handed to subscribers, put back for lack of any, or dropped as malformed. */
  pushMessage(outcome: 'delivered' | 'requeued' | 'malformed'): void;
  /** A message was folded into the live state store; `changed` is false when it moved nothing (older, repeated). */
  pushStored(changed: boolean): void;
  /** A message reached this many subscribers (0 included). */
  pushFannedOut(subscribers: number): void;
  /** Messages or events lost, and why. */
  pushDiscarded(reason: DropReason, count: number): void;
  /** Current number of GraphQL subscribers. */
  pushSubscribers(count: number): void;
  /** A connection attempt to the broker and whether it succeeded. */
  pushConnection(outcome: 'connected' | 'failed' | 'closed'): void;
  /** A link was lost and is being re-established (one call per attempt). */
  pushReconnect(link: PushLink): void;
  /**
   * How long after the platform created it (`createdAt`) a message reached this replica's subscribers, ms: the time
   * it waited in the platform's queue, in this service and in the fan-out. Observed whether anyone matched or not.
   */
  pushLag(ms: number): void;
  /** The Redis fan-out took a message: `published` to every replica, or `duplicate` (already published: a redelivery). */
  pushPublished(outcome: 'published' | 'duplicate'): void;
  /** Whether this replica follows the Redis fan-out stream now (false while Redis is away). */
  pushFanOutReading(reading: boolean): void;
}

export const nullPushObserver: PushObserver = {
  pushMessage() {},
  pushStored() {},
  pushFannedOut() {},
  pushDiscarded() {},
  pushSubscribers() {},
  pushConnection() {},
  pushReconnect() {},
  pushLag() {},
  pushPublished() {},
  pushFanOutReading() {},
};
