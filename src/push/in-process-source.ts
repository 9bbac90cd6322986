import type { Logger } from '../logger';
import type { ParkingLot } from './parking-lot';
import { parsePushMessage } from './push-message';
import { nullPushObserver, type Deliver, type PushObserver, type PushSource } from './push-source';

/**
 * A producer of platform push messages in this process, e.g. the embedded simulator: each `message` event carries
 * one §9.2 body exactly as the broker would (UTF-8 JSON text). A Node EventEmitter fits.
 */
export interface PushFeed {
  on(event: 'message', listener: (body: string) => void): unknown;
  off(event: 'message', listener: (body: string) => void): unknown;
}

/**
 * The push source for an in-process feed: no broker, no queue. Messages are parsed like the AMQP consumer parses
 * them (a malformed one is counted, parked and skipped); there is nothing to acknowledge, and a message emitted
 * while nobody consumes is gone, as it would be on a platform subscription that was not started.
 */
export class InProcessPushSource implements PushSource {
  private listener: ((body: string) => void) | undefined;

  constructor(
    private readonly feed: PushFeed,
    private readonly options: { logger: Logger; observer?: PushObserver; parking?: ParkingLot },
  ) {}

  async consume(deliver: Deliver): Promise<void> {
    if (this.listener) this.feed.off('message', this.listener);
    const observer = this.options.observer ?? nullPushObserver;
    const log = this.options.logger.child({ component: 'push', source: 'in-process' });
    this.listener = (body) => {
      const parsed = parsePushMessage(body);
      if (!parsed.ok) {
        observer.pushMessage('malformed');
        observer.pushDiscarded('malformed', 1);
        log.warn({ reason: parsed.reason, bytes: Buffer.byteLength(body) }, 'parked a malformed push message');
        this.options.parking?.park(Buffer.from(body, 'utf8'), parsed.reason);
        return;
      }
      const settle = (taken: boolean) => observer.pushMessage(taken ? 'delivered' : 'requeued');
      try {
        const outcome = deliver(parsed.message);
        if (typeof outcome === 'boolean') settle(outcome);
        else
          outcome.then(settle, (error: unknown) => {
            log.error({ err: error instanceof Error ? error.message : String(error), type: parsed.message.platformType }, 'push fan-out failed');
            observer.pushDiscarded('fan_out_failed', 1);
          });
      } catch (error) {
        // A fan-out bug must not reach the feed's emitter (it would throw into the producer).
        log.error({ err: error instanceof Error ? error.message : String(error), type: parsed.message.platformType }, 'push fan-out failed');
        observer.pushDiscarded('fan_out_failed', 1);
      }
    };
    this.feed.on('message', this.listener);
    observer.pushConnection('connected');
  }

  async pause(): Promise<void> {
    this.detach();
  }

  async disconnect(): Promise<void> {
    this.detach();
  }

  private detach(): void {
    if (!this.listener) return;
    this.feed.off('message', this.listener);
    this.listener = undefined;
    (this.options.observer ?? nullPushObserver).pushConnection('closed');
  }
}
