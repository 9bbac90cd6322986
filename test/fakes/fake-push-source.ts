import { parsePushMessage, type PushMessage } from '../../src/push/push-message';
import type { Deliver, PushSource } from '../../src/push/push-source';

/**
 * An in-memory stand-in for the AMQP queue: messages emitted while nobody consumes (or that `deliver` refuses) stay
 * in `backlog` and are handed over, in order, when consumption resumes, like a broker requeue.
 */
export class FakePushSource implements PushSource {
  state: 'off' | 'consuming' | 'paused' = 'off';
  /** Every call, in order: connect (first consume after off), consume, pause, disconnect. */
  readonly calls: string[] = [];
  readonly backlog: PushMessage[] = [];
  private deliver: Deliver | undefined;

  async consume(deliver: Deliver): Promise<void> {
    if (this.state === 'off') this.calls.push('connect');
    this.calls.push('consume');
    this.state = 'consuming';
    this.deliver = deliver;
    this.flush();
  }

  async pause(): Promise<void> {
    this.calls.push('pause');
    if (this.state === 'consuming') this.state = 'paused';
  }

  async disconnect(): Promise<void> {
    this.calls.push('disconnect');
    this.state = 'off';
  }

  /** Queues one message (a §9 object, parsed like the consumer does) and delivers it if someone consumes. */
  emit(body: object): void {
    const parsed = parsePushMessage(JSON.stringify(body));
    if (!parsed.ok) throw new Error(`fake source: ${parsed.reason}`);
    this.backlog.push(parsed.message);
    this.flush();
  }

  /** Calls the hub's `deliver` directly, as a delivery already in flight when a pause was requested would. */
  deliverInFlight(body: object): boolean | Promise<boolean> {
    const parsed = parsePushMessage(JSON.stringify(body));
    if (!parsed.ok || !this.deliver) throw new Error('fake source: nothing to deliver to');
    return this.deliver(parsed.message);
  }

  private flush(): void {
    while (this.state === 'consuming' && this.backlog.length > 0) {
      if (!this.deliver!(this.backlog[0])) return;
      this.backlog.shift();
    }
  }
}

let ticket = 0;

/** A minimal valid §9 message; override any field. */
export function pushBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  ticket += 1;
  return {
    type: 'MATTR',
    subtype: 'REPORT',
    productKey: 'p1',
    deviceKey: 'd1',
    createdAt: 1_700_000_000_000 + ticket,
    ticket: `t${ticket}`,
    data: { packetId: ticket, kv: { temperature: 20 + ticket } },
    ...overrides,
  };
}
