import type { Channel, ChannelModel, ConsumeMessage, Options } from 'amqplib';
import { connect as amqpConnect } from 'amqplib';
import { signAccessKey, type AccessKeyCredentials } from '../auth/signing';
import type { Logger } from '../logger';
import type { ParkingLot } from './parking-lot';
import { parsePushMessage } from './push-message';
import { nullPushObserver, systemTimers, type Deliver, type PushObserver, type PushSource, type Timers } from './push-source';
import { backoffDelay } from './backoff';

/** amqplib's promise `connect`, injectable so unit tests can hand over a fake connection. */
export type AmqpConnect = (options: Options.Connect, socketOptions?: Record<string, unknown>) => Promise<ChannelModel>;

export interface AmqpConsumerOptions {
  /** `amqp[s]://host[:port][/vhost]`, no credentials (config validates that). */
  url: string;
  /** Full queue name `a.<accountId>.<name>` (reference §6.6). */
  queue: string;
  /** Signs the SASL PLAIN credentials afresh on every connect (reference §9.1). Never logged. */
  credentials: AccessKeyCredentials;
  logger: Logger;
  /** Unacknowledged deliveries in flight; the platform sample uses 1 (§9.1). Default 20. */
  prefetch?: number;
  /** First reconnect delay, ms; doubles per failed attempt up to `maxBackoffMs`. Default 500. */
  initialBackoffMs?: number;
  /** Longest reconnect delay, ms. Default 30 000. */
  maxBackoffMs?: number;
  /** AMQP heartbeat, s; the platform drops idle links after 30-60 s (§9.1). Default 30. */
  heartbeatSeconds?: number;
  clock?: { now(): number };
  timers?: Timers;
  /** Jitter source in [0, 1); 0.5 means no jitter. */
  random?: () => number;
  observer?: PushObserver;
  /** Keeps malformed bodies for an operator to inspect (they are never logged). */
  parking?: ParkingLot;
  connect?: AmqpConnect;
}

type Wanted = 'consume' | 'pause' | 'off';

/** The broker URL split into amqplib's connect options; the path is the vhost (`quec-open` when empty). */
export function amqpTarget(url: string): Pick<Options.Connect, 'protocol' | 'hostname' | 'port' | 'vhost'> {
  const parsed = new URL(url);
  const protocol = parsed.protocol.replace(/:$/, '');
  const vhost = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'quec-open';
  return { protocol, hostname: parsed.hostname, port: parsed.port ? Number(parsed.port) : protocol === 'amqps' ? 5671 : 5672, vhost };
}

/**
 * Consumes the configured platform queue over AMQP 0-9-1 (reference §9.1) and hands each message to `deliver`.
 *
 * - Connects when asked to consume and signs new credentials on every connect; the timestamp must be within
 *   10 minutes of the platform clock, so reused credentials would fail on a later reconnect.
 * - Acknowledges a message only after `deliver` took it; when nobody listens it is put back (requeued), and a body
 *   that is not a §9.2 message is acknowledged (redelivering it would fail forever), counted and logged once
 *   without its content.
 * - On connection loss or a refused connect it retries with exponential backoff (bounded, with jitter) until told
 *   to disconnect. Never throws to its caller and never logs the credentials.
 *
 * Requests (`consume`, `pause`, `disconnect`) set the wanted state; one serial loop brings the connection there.
 */
export class AmqpConsumer implements PushSource {
  private wanted: Wanted = 'off';
  private deliver: Deliver | undefined;
  private model: ChannelModel | undefined;
  private channel: Channel | undefined;
  private consumerTag: string | undefined;
  private retryTimer: unknown;
  private failures = 0;
  private steps: Promise<void> = Promise.resolve();
  private readonly secrets: string[] = [];
  private readonly log: Logger;
  private readonly timers: Timers;
  private readonly observer: PushObserver;
  private readonly target: ReturnType<typeof amqpTarget>;

  constructor(private readonly options: AmqpConsumerOptions) {
    this.target = amqpTarget(options.url);
    this.log = options.logger.child({ component: 'push', queue: options.queue, broker: `${this.target.hostname}:${this.target.port}` });
    this.timers = options.timers ?? systemTimers;
    this.observer = options.observer ?? nullPushObserver;
  }

  consume(deliver: Deliver): Promise<void> {
    this.deliver = deliver;
    return this.want('consume');
  }

  pause(): Promise<void> {
    return this.want('pause');
  }

  disconnect(): Promise<void> {
    return this.want('off');
  }

  /** Resolves once every requested change has been carried out (or has failed and scheduled a retry). */
  settled(): Promise<void> {
    return this.steps;
  }

  private want(state: Wanted): Promise<void> {
    this.wanted = state;
    if (state === 'off') this.cancelRetry();
    return this.reconcile();
  }

  /** Queues one pass of `step`; passes never overlap, so connect, consume, cancel and close stay ordered. */
  private reconcile(): Promise<void> {
    this.steps = this.steps.then(() => this.step()).catch((error: unknown) => this.log.error({ err: this.scrub(error) }, 'push channel step failed'));
    return this.steps;
  }

  private async step(): Promise<void> {
    if (this.wanted === 'off') {
      await this.close();
      return;
    }
    if (!this.model) {
      // Paused without a connection (it was lost meanwhile): nothing to hold open until someone subscribes.
      if (this.retryTimer !== undefined || this.wanted === 'pause') return;
      try {
        await this.open();
      } catch (error) {
        this.observer.pushConnection('failed');
        await this.close();
        this.scheduleRetry(error);
        return;
      }
    }
    try {
      if (this.wanted === 'consume' && !this.consumerTag) {
        const { consumerTag } = await this.channel!.consume(this.options.queue, (message) => this.onMessage(message), { noAck: false });
        this.consumerTag = consumerTag;
        this.failures = 0;
        this.log.info('push channel consuming');
      } else if (this.wanted === 'pause' && this.consumerTag) {
        const tag = this.consumerTag;
        this.consumerTag = undefined;
        await this.channel!.cancel(tag);
        this.log.info('push channel paused: nobody subscribed');
      }
    } catch (error) {
      // e.g. 404 NOT_FOUND for a queue that does not exist (yet): the broker closed the channel.
      await this.close();
      this.scheduleRetry(error);
    }
  }

  private async open(): Promise<void> {
    const { username, password } = signAccessKey(this.options.credentials, (this.options.clock ?? Date).now());
    this.secrets.splice(0, this.secrets.length, username, password);
    const connect = this.options.connect ?? (amqpConnect as AmqpConnect);
    const model = await connect({ ...this.target, username, password, heartbeat: this.options.heartbeatSeconds ?? 30 }, { timeout: 15_000 });
    this.model = model;
    model.on('error', (error: unknown) => this.log.warn({ err: this.scrub(error) }, 'push channel connection error'));
    model.on('close', () => this.onConnectionClosed(model));
    const channel = await model.createChannel();
    this.channel = channel;
    channel.on('error', (error: unknown) => this.log.warn({ err: this.scrub(error) }, 'push channel error'));
    // A channel closed by the broker (queue deleted, access revoked) takes the connection down with it, so one path
    // (connection closed -> backoff -> reconnect with fresh credentials) handles every loss.
    channel.on('close', () => {
      if (this.channel === channel && this.model === model) void model.close().catch(() => undefined);
    });
    await channel.prefetch(this.options.prefetch ?? 20);
    this.observer.pushConnection('connected');
    this.log.info('push channel connected');
  }

  private onConnectionClosed(model: ChannelModel): void {
    if (this.model !== model) return;
    this.model = undefined;
    this.channel = undefined;
    this.consumerTag = undefined;
    this.observer.pushConnection('closed');
    if (this.wanted === 'off') return;
    this.scheduleRetry(new Error('connection closed'));
  }

  private onMessage(message: ConsumeMessage | null): void {
    const channel = this.channel;
    if (message === null) {
      // The broker cancelled our consumer (queue deleted): reconnect and consume again once it exists.
      this.log.warn('push channel consumer cancelled by the broker');
      this.consumerTag = undefined;
      void this.model?.close().catch(() => undefined);
      return;
    }
    const parsed = parsePushMessage(message.content);
    if (!parsed.ok) {
      this.observer.pushMessage('malformed');
      this.observer.pushDiscarded('malformed', 1);
      this.log.warn(
        { reason: parsed.reason, bytes: message.content.length, redelivered: message.fields.redelivered },
        'parked a malformed push message',
      );
      this.options.parking?.park(message.content, parsed.reason);
      this.settle(channel, message, 'ack');
      return;
    }
    const taken = (outcome: boolean) => {
      this.observer.pushMessage(outcome ? 'delivered' : 'requeued');
      this.settle(channel, message, outcome ? 'ack' : 'requeue');
    };
    const failed = (error: unknown) => {
      // A fan-out bug must not poison the queue with endless redeliveries; the message is logged by kind and lost.
      this.log.error({ err: this.scrub(error), type: parsed.message.platformType, ticket: parsed.message.ticket }, 'push fan-out failed');
      this.observer.pushDiscarded('fan_out_failed', 1);
      taken(true);
    };
    let outcome: boolean | Promise<boolean>;
    try {
      outcome = this.deliver?.(parsed.message) ?? false;
    } catch (error) {
      failed(error);
      return;
    }
    // Acknowledged only once stored and handed over: a process that dies before leaves it to the broker to redeliver.
    if (typeof outcome === 'boolean') taken(outcome);
    else outcome.then(taken, failed);
  }

  private settle(channel: Channel | undefined, message: ConsumeMessage, how: 'ack' | 'requeue'): void {
    try {
      if (how === 'ack') channel?.ack(message);
      else channel?.nack(message, false, true);
    } catch (error) {
      // The channel closed under us: the broker redelivers the message to the next consumer.
      this.log.warn({ err: this.scrub(error) }, 'push message could not be settled');
    }
  }

  private scheduleRetry(error: unknown): void {
    if (this.wanted === 'off' || this.retryTimer !== undefined) return;
    this.failures += 1;
    const delayMs = backoffDelay(this.failures, this.options.initialBackoffMs ?? 500, this.options.maxBackoffMs ?? 30_000, this.options.random);
    this.log.warn({ err: this.scrub(error), attempt: this.failures, delayMs }, 'push channel unavailable; reconnecting');
    this.observer.pushReconnect('broker');
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = undefined;
      void this.reconcile();
    }, delayMs);
  }

  private cancelRetry(): void {
    if (this.retryTimer === undefined) return;
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async close(): Promise<void> {
    const model = this.model;
    this.model = undefined;
    this.channel = undefined;
    this.consumerTag = undefined;
    if (!model) return;
    try {
      await model.close();
    } catch {
      // Already closed (the broker went away): nothing left to release.
    }
    this.observer.pushConnection('closed');
    this.log.info('push channel disconnected');
  }

  /** An error's message with the signed username and password cut out, in case a library ever echoes them. */
  private scrub(error: unknown): string {
    let text = error instanceof Error ? error.message : String(error);
    for (const secret of this.secrets) if (secret) text = text.split(secret).join('[redacted]');
    return text;
  }
}
