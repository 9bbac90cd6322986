import type { PushIds, PushMessage } from './push-message';

/**
 * What the OpenAPI routes may ask of the push channel (§9.4). Every call is a no-op while no broker is attached,
 * so the routes behave exactly as without a push channel.
 */
export interface PushHook {
  /**
   * Routes the messages `build` returns to the matching started subscriptions. `build` runs only when a broker is
   * attached (so it may draw tickets without changing anything otherwise) and synchronously, so it may read state
   * the route is about to change. Never throws: a failed push does not fail the API call that caused it.
   */
  emit(build: (ids: PushIds) => PushMessage[]): Promise<void>;
  /** Declares the broker queue; rejects when the broker fails, so queue/create can refuse. */
  queueCreated(queueName: string): Promise<void>;
  queueCleared(queueName: string): Promise<void>;
  queueDeleted(queueName: string): Promise<void>;
}
