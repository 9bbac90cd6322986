import type { LiveChange } from './live-state';
import type { PushMessage } from './push-message';

/** One message as the fan-out carries it between replicas: the message and what it changed in the live state. */
export type FannedOut = (message: PushMessage, change: LiveChange | undefined) => void;

/**
 * Carries every message taken from the platform queue, by whichever replica took it, to the subscribers of every
 * replica, once each. Without one the hub hands messages to its own subscribers only (one replica, or replicas that
 * each see only what they consumed).
 */
export interface PushFanOut {
  /**
   * Publishes a message to every replica unless it was published before (a redelivery of a message a replica
   * published but died before acknowledging): `published` or `duplicate`. Rejects when the shared store did not
   * take it; the caller must then leave the message in the platform's queue.
   */
  publish(message: PushMessage, change: LiveChange | undefined): Promise<'published' | 'duplicate'>;
  /** Hands every message published from now on (by any replica, this one included) to `receive`, in publish order. */
  start(receive: FannedOut): void;
  /** Stops following and closes the connections. */
  close(): Promise<void>;
}
