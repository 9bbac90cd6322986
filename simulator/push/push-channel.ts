import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Clock } from '../clock';
import type { SimulatorStore } from '../store/simulator.store';
import { BrokerPublisher } from './broker-publisher';
import { originOf } from './device-origin';
import { catalogueMessage, withTicketlessFallback } from './message-catalogue';
import type { PushHook } from './push-hook';
import type { PushIds, PushMessage } from './push-message';
import { targetQueues } from './push-routing';

/** The simulator's own broker user (push contract); its password is made per simulator. */
const INTERNAL_USERNAME = 'simulator-publisher';

/**
 * The platform's push side (§9): while attached to a broker it mirrors the §6.6 queues there and publishes §9
 * messages to the queues of matching started subscriptions. It also emits every message on `feed` while someone
 * listens there. Detached with nobody listening (the default) it does nothing at all.
 */
export class PushChannel implements PushHook {
  /** Every pushed message as `message` events of JSON text, for an embedding process (no broker needed). */
  readonly feed = new EventEmitter();
  readonly internalUser = { username: INTERNAL_USERNAME, password: randomBytes(24).toString('hex') };
  private publisher: BrokerPublisher | undefined;
  private attaching = false;
  private packetSequence = 0;
  private readonly ids: PushIds = {
    ticket: () => this.deps.store.nextTicket(this.deps.clock.now()),
    packetId: () => (this.packetSequence = (this.packetSequence % 65_535) + 1),
  };

  /** `ticketless`: keep the catalogue's ticket-less families without a ticket (strict rule `ticketlessPush`). */
  constructor(private readonly deps: { store: SimulatorStore; clock: Clock; ticketless?: boolean }) {}

  /** Connects the publisher and declares every existing queue. Rejects (and stays detached) when either fails. */
  async attach(brokerUrl: string): Promise<void> {
    if (this.publisher || this.attaching) throw new Error('push channel already attached; detach first');
    this.attaching = true;
    try {
      const publisher = await BrokerPublisher.connect(brokerUrl, this.internalUser, (error) => {
        if (this.publisher === publisher) this.publisher = undefined;
        console.error('[simulator] push broker connection lost; push detached', error?.message ?? '');
      });
      try {
        for (const queue of this.deps.store.admin.queues()) await publisher.declare(queue.queueName);
      } catch (error) {
        await publisher.close();
        throw error;
      }
      this.publisher = publisher;
    } finally {
      this.attaching = false;
    }
  }

  /** Closes the publisher; broker queues and their backlog stay. No-op when detached. */
  async detach(): Promise<void> {
    const publisher = this.publisher;
    this.publisher = undefined;
    await publisher?.close();
  }

  /**
   * Routes one §9 message as given (a missing `createdAt` or `ticket` is filled in) and resolves with how many
   * queues received it; 0 when detached.
   */
  async emitMessage(message: object): Promise<number> {
    const given = message as Partial<PushMessage>;
    if (typeof given.type !== 'string' || given.type === '') throw new TypeError('a push message needs a string `type`');
    if (!this.active) return 0;
    const withTime = { ...given, createdAt: given.createdAt ?? this.deps.clock.now() } as PushMessage;
    const [count] = await this.publish([withTicketlessFallback(withTime, this.ids, this.deps.ticketless === true)]);
    return count;
  }

  /**
   * One message of catalogue `kind` (§9.3) about the device, in the catalogue's shape; throws RangeError for an
   * unknown kind or device; 0 when inactive.
   */
  async emitCatalogue(kind: string, productKey: string, deviceKey: string): Promise<number> {
    const message = this.catalogue(kind, productKey, deviceKey);
    if (!this.active) return 0;
    const [count] = await this.publish([message]);
    return count;
  }

  /** The message `emitCatalogue` would publish, built whether or not a broker is attached. */
  catalogue(kind: string, productKey: string, deviceKey: string): PushMessage {
    const device = this.deps.store.device(productKey, deviceKey);
    if (!device) throw new RangeError(`no device ${productKey}/${deviceKey}`);
    const message = catalogueMessage(kind, device, { store: this.deps.store, ids: this.ids, now: this.deps.clock.now() });
    return withTicketlessFallback(message, this.ids, this.deps.ticketless === true);
  }

  /** A device's MATTR/REPORT uplink (§9.3), fresh ticket, generated `at` (default now). Throws for an unknown device; 0 when inactive. */
  async deviceReport(productKey: string, deviceKey: string, kv: Record<string, unknown>, at?: number): Promise<number> {
    const device = this.deps.store.device(productKey, deviceKey);
    if (!device) throw new RangeError(`no device ${productKey}/${deviceKey}`);
    if (!this.active) return 0;
    const now = at ?? this.deps.clock.now();
    const message: PushMessage = {
      type: 'MATTR',
      subtype: 'REPORT',
      ...originOf(this.deps.store, device),
      createdAt: now,
      ticket: this.ids.ticket(),
      data: { packetId: this.ids.packetId(), kv },
    };
    const [count] = await this.publish([message]);
    return count;
  }

  /** True while a broker is attached or someone listens on `feed`: only then are messages built at all. */
  get active(): boolean {
    return this.publisher !== undefined || this.feed.listenerCount('message') > 0;
  }

  async emit(build: (ids: PushIds) => PushMessage[]): Promise<void> {
    if (!this.active) return;
    try {
      await this.publish(build(this.ids));
    } catch (error) {
      console.error('[simulator] push emission failed', error);
    }
  }

  async queueCreated(queueName: string): Promise<void> {
    await this.publisher?.declare(queueName);
  }

  async queueCleared(queueName: string): Promise<void> {
    await this.publisher?.purge(queueName);
  }

  async queueDeleted(queueName: string): Promise<void> {
    await this.publisher?.remove(queueName);
  }

  /** Publishes in order, so each queue sees the messages in the order given; one count per message. */
  private async publish(messages: PushMessage[]): Promise<number[]> {
    for (const message of messages) this.feed.emit('message', JSON.stringify(message));
    const publisher = this.publisher;
    if (!publisher) return messages.map(() => 0);
    const confirms: Array<Promise<void>> = [];
    const counts = messages.map((message) => {
      const queues = targetQueues(this.deps.store.admin, message);
      for (const queue of queues) confirms.push(publisher.publish(queue, message));
      return queues.length;
    });
    await Promise.all(confirms);
    return counts;
  }
}
