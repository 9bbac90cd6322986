import type { PushMessage } from './push-message';

/**
 * Hands one message to the in-process subscribers. Returns false when nobody is listening, in which case the source
 * must leave the message in its queue: the platform keeps the backlog for whoever listens next (reference §9.1).
 */
export type Deliver = (message: PushMessage) => boolean;

/** Where pushed messages come from: the AMQP consumer, or a fake in tests. Every method is idempotent. */
export interface PushSource {
  /** Connects if needed and starts (or resumes) handing messages to `deliver`, in queue order. Never rejects. */
  consume(deliver: Deliver): Promise<void>;
  /** Stops taking messages at once; they stay queued. The connection may stay open so `consume` resumes quickly. */
  pause(): Promise<void>;
  /** Stops taking messages and closes the connection. */
  disconnect(): Promise<void>;
}

/** Timer functions, injectable so tests drive grace periods and backoff without waiting. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real timers, unref'd: a pending reconnect or idle disconnect never keeps the process alive on its own. */
export const systemTimers: Timers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/** What the push channel reports; `Metrics` implements it, tests may count. */
export interface PushObserver {
  /** A message from the queue: handed to subscribers, put back for lack of any, or dropped as malformed. */
  pushMessage(outcome: 'delivered' | 'requeued' | 'malformed'): void;
  /** Events a slow subscriber lost because its buffer was full. */
  pushDropped(count: number): void;
  /** Current number of GraphQL subscribers. */
  pushSubscribers(count: number): void;
  /** A connection attempt to the broker and whether it succeeded. */
  pushConnection(outcome: 'connected' | 'failed' | 'closed'): void;
}

export const nullPushObserver: PushObserver = {
  pushMessage() {},
  pushDropped() {},
  pushSubscribers() {},
  pushConnection() {},
};
