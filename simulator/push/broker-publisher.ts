import * as amqp from 'amqplib';
import type { PushMessage } from './push-message';

/** Seconds; the platform's idle timeout is 30–60 s (§9.1). */
const HEARTBEAT_S = 30;

/**
 * The platform side of the broker: one AMQP 0-9-1 connection as the simulator's internal user. Publishing goes
 * through one confirm channel, so a resolved publish is in the queue and messages keep their order per queue.
 * Queue management uses a short-lived channel per call, because a broker-side error (e.g. purging a queue someone
 * deleted behind our back) closes the channel it happened on.
 */
export class BrokerPublisher {
  private closing = false;

  private constructor(
    private readonly model: amqp.ChannelModel,
    private readonly channel: amqp.ConfirmChannel,
  ) {}

  /**
   * Connects to `brokerUrl` (`amqp[s]://host:port/<vhost>`; credentials in it are ignored) as `user`. `onLost` runs
   * once if the connection ends without `close()`. Rejects when the broker refuses or cannot be reached.
   */
  static async connect(brokerUrl: string, user: { username: string; password: string }, onLost: (error?: Error) => void): Promise<BrokerPublisher> {
    const url = new URL(brokerUrl);
    if (url.protocol !== 'amqp:' && url.protocol !== 'amqps:') throw new RangeError(`not an AMQP URL: ${url.protocol}`);
    const secure = url.protocol === 'amqps:';
    const model = await amqp.connect({
      protocol: secure ? 'amqps' : 'amqp',
      hostname: url.hostname,
      port: url.port === '' ? (secure ? 5671 : 5672) : Number(url.port),
      username: user.username,
      password: user.password,
      vhost: decodeURIComponent(url.pathname.slice(1)) || '/',
      heartbeat: HEARTBEAT_S,
    });
    // Without an 'error' listener an AMQP connection error would crash whichever process embeds the simulator.
    model.on('error', () => undefined);
    try {
      const channel = await model.createConfirmChannel();
      channel.on('error', () => undefined);
      const publisher = new BrokerPublisher(model, channel);
      const lost = (error?: Error) => {
        if (!publisher.closing) onLost(error);
        publisher.closing = true;
      };
      model.once('close', lost);
      channel.once('close', () => lost(new Error('publisher channel closed by the broker')));
      return publisher;
    } catch (error) {
      await model.close().catch(() => undefined);
      throw error;
    }
  }

  /** Platform queues are durable (§9.1: backlog kept 6 h). */
  declare(queue: string): Promise<void> {
    return this.withChannel((ch) => ch.assertQueue(queue, { durable: true }));
  }

  purge(queue: string): Promise<void> {
    return this.withChannel((ch) => ch.purgeQueue(queue));
  }

  remove(queue: string): Promise<void> {
    return this.withChannel((ch) => ch.deleteQueue(queue));
  }

  /** UTF-8 JSON, persistent, one message per delivery (§9.1); resolves when the broker confirms. */
  publish(queue: string, message: PushMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      this.channel.sendToQueue(
        queue,
        Buffer.from(JSON.stringify(message), 'utf8'),
        { persistent: true, contentType: 'application/json', contentEncoding: 'utf-8', messageId: message.ticket },
        (error: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve()),
      );
    });
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.model.close().catch(() => undefined);
  }

  private async withChannel(work: (channel: amqp.Channel) => Promise<unknown>): Promise<void> {
    const channel = await this.model.createChannel();
    channel.on('error', () => undefined);
    try {
      await work(channel);
    } finally {
      await channel.close().catch(() => undefined);
    }
  }
}
