import { createHash } from 'node:crypto';
import type { Logger } from '../logger';
import type { FannedOut, PushFanOut } from './fan-out';
import type { LiveChange } from './live-state';
import type { PushMessage } from './push-message';
import { nullPushObserver, systemTimers, type PushObserver, type Timers } from './push-source';

/** The few things the fan-out asks of a Redis connection; node-redis's client has them (raw RESP2 replies). */
export interface FanOutClient {
  connect(): Promise<unknown>;
  sendCommand(args: string[]): Promise<unknown>;
  duplicate(): FanOutClient;
  on(event: 'error' | 'ready' | 'reconnecting', listener: (error?: unknown) => void): unknown;
  destroy(): void;
}

export interface RedisFanOutOptions {
  /** `redis://` or `rediss://` URL (REDIS_URL). */
  url: string;
  /** The platform queue the replicas share; it scopes the keys, so deployments on other queues never mix. */
  queue: string;
  /** How long a published message is remembered, so a redelivery of it is not published again, ms. */
  dedupeTtlMs: number;
  /** Entries the stream keeps (approximately) for replicas that fall behind. */
  streamMaxLength: number;
  logger: Logger;
  observer?: PushObserver;
  timers?: Timers;
  /** Longest wait for one publish, ms; slower counts as failed (the message goes back to the queue). Default 2000. */
  publishTimeoutMs?: number;
  /** How long one stream read waits for new entries before asking again, ms. Default 5000. */
  blockMs?: number;
  /** First delay before reading again after a failure, ms; doubles up to `maxBackoffMs`. Default 100. */
  initialBackoffMs?: number;
  /** Default 5000. */
  maxBackoffMs?: number;
  /** Jitter source in [0, 1); 0.5 means no jitter. */
  random?: () => number;
  /** Makes the publishing connection; node-redis's `createClient` by default (the reader is its duplicate). */
  createClient?: (url: string) => FanOutClient;
}

/**
 * Remembers the message (SET NX PX on its digest) and appends it to the stream only when it was new, in one step, so
 * "published" and "remembered as published" can never disagree: a replica that dies after this and before its
 * acknowledgement leaves a redelivery that finds the mark and is acknowledged without a second copy.
 */
const PUBLISH_SCRIPT = `
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'm', ARGV[3])
end
return false
`;

/** Entries read per XREAD. */
const BATCH = 200;

/**
 * The fan-out between replicas over a Redis stream (`XADD` by the replica that took the message, `XREAD` by every
 * replica from where it last read). A stream rather than pub/sub: a replica whose Redis connection drops for a
 * moment resumes from its last entry instead of losing what was published meanwhile, and each entry is read once
 * per replica, so a subscriber never sees a message twice.
 *
 * Keys (one hash tag, so they share a Cluster slot): `quec-graph:{push:<queue>}:stream` and
 * `quec-graph:{push:<queue>}:seen:<sha256 of the message>`.
 */
export class RedisFanOut implements PushFanOut {
  private readonly prefix: string;
  private readonly streamKey: string;
  private readonly log: Logger;
  private readonly observer: PushObserver;
  private readonly timers: Timers;
  private publisher: FanOutClient | undefined;
  private reader: FanOutClient | undefined;
  /** Settle once each connection is first established (or the fan-out closes): only then do commands fail fast. */
  private publisherUp: Promise<unknown> = Promise.resolve();
  private readerUp: Promise<unknown> = Promise.resolve();
  private closing!: () => void;
  private readonly closed$ = new Promise<void>((resolve) => {
    this.closing = resolve;
  });
  private receive: FannedOut | undefined;
  private closed = false;
  private wake: (() => void) | undefined;
  private waitTimer: unknown;
  private following: Promise<void> = Promise.resolve();
  /** The newest trimmed entry already reported as a gap, so one gap is counted once. */
  private reportedGap = '0-0';

  constructor(private readonly options: RedisFanOutOptions) {
    this.prefix = `quec-graph:{push:${options.queue}}`;
    this.streamKey = `${this.prefix}:stream`;
    this.log = options.logger.child({ component: 'push-fanout' });
    this.observer = options.observer ?? nullPushObserver;
    this.timers = options.timers ?? systemTimers;
  }

  async publish(message: PushMessage, change: LiveChange | undefined): Promise<'published' | 'duplicate'> {
    const client = this.connect().publisher;
    const timeoutMs = this.options.publishTimeoutMs ?? 2000;
    // At start-up the first messages may come before Redis answered: wait for it (bounded) instead of requeueing them.
    await this.bounded(this.publisherUp, timeoutMs);
    const body = JSON.stringify(message);
    const seenKey = `${this.prefix}:seen:${createHash('sha256').update(body).digest('hex')}`;
    const entry = change === undefined ? `{"message":${body}}` : `{"message":${body},"change":${JSON.stringify(change)}}`;
    const args = [
      'EVAL',
      PUBLISH_SCRIPT,
      '2',
      seenKey,
      this.streamKey,
      String(this.options.dedupeTtlMs),
      String(this.options.streamMaxLength),
      entry,
    ];
    const reply = await this.bounded(client.sendCommand(args), timeoutMs);
    const outcome = reply === null || reply === undefined ? 'duplicate' : 'published';
    this.observer.pushPublished(outcome);
    return outcome;
  }

  start(receive: FannedOut): void {
    if (this.receive || this.closed) return;
    this.receive = receive;
    const { reader } = this.connect();
    this.following = this.follow(reader);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.closing();
    this.wake?.();
    for (const client of [this.reader, this.publisher]) {
      try {
        // Ends a blocked XREAD at once; a publish still waiting fails and its message is requeued by the broker.
        client?.destroy();
      } catch {
        // Never connected: nothing to release.
      }
    }
    await this.following;
  }

  /** Both connections, made on first use. node-redis reconnects by itself; commands fail fast while it does. */
  private connect(): { publisher: FanOutClient; reader: FanOutClient } {
    if (!this.publisher || !this.reader) {
      const create = this.options.createClient ?? nodeRedisClient;
      const publisher = create(this.options.url);
      const reader = publisher.duplicate();
      this.watch(publisher, 'publisher');
      this.watch(reader, 'reader');
      this.publisher = publisher;
      this.reader = reader;
      // connect() settles only once connected (it keeps retrying meanwhile); failures arrive as `error` events.
      const up = (client: FanOutClient) => Promise.race([client.connect().catch(() => undefined), this.closed$]);
      this.publisherUp = up(publisher);
      this.readerUp = up(reader);
    }
    return { publisher: this.publisher, reader: this.reader };
  }

  private watch(client: FanOutClient, role: string): void {
    let down = false;
    client.on('error', (error) => {
      if (down || this.closed) return;
      down = true;
      this.log.warn({ role, err: error instanceof Error ? error.message : String(error) }, 'push fan-out lost Redis; reconnecting');
    });
    client.on('reconnecting', () => {
      if (!this.closed) this.observer.pushReconnect('fanout');
    });
    client.on('ready', () => {
      if (!down) return;
      down = false;
      this.log.info({ role }, 'push fan-out reconnected to Redis');
    });
  }

  /**
   * Reads the stream from its end at start-up, then from the last entry read, until closed. After a failure it
   * waits (exponential backoff with jitter) and resumes where it stopped, checking whether entries it had not read
   * were trimmed meanwhile.
   */
  private async follow(reader: FanOutClient): Promise<void> {
    let position: string | undefined;
    let failures = 0;
    let suspectGap = false;
    await this.readerUp;
    while (!this.closed) {
      try {
        if (position === undefined) {
          position = await this.tail(reader);
          this.observer.pushFanOutReading(true);
        }
        if (suspectGap) await this.checkGap(reader, position);
        suspectGap = false;
        const entries = entriesOf(
          await reader.sendCommand([
            'XREAD',
            'COUNT',
            String(BATCH),
            'BLOCK',
            String(this.options.blockMs ?? 5000),
            'STREAMS',
            this.streamKey,
            position,
          ]),
        );
        if (failures > 0) {
          failures = 0;
          this.observer.pushFanOutReading(true);
          this.log.info('push fan-out stream followed again');
        }
        for (const [id, json] of entries) {
          position = id;
          this.hand(json);
        }
        // A full batch means this replica is behind: the next read checks nothing it still needs was trimmed.
        suspectGap = entries.length === BATCH;
      } catch (error) {
        if (this.closed) return;
        failures += 1;
        suspectGap = position !== undefined;
        this.observer.pushFanOutReading(false);
        if (failures === 1)
          this.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'push fan-out cannot read the stream; retrying');
        await this.pause(failures);
      }
    }
  }

  /** The id of the newest entry (or 0-0): messages published from here on are read, older ones are not. */
  private async tail(reader: FanOutClient): Promise<string> {
    const newest = (await reader.sendCommand(['XREVRANGE', this.streamKey, '+', '-', 'COUNT', '1'])) as Array<[string, unknown]> | null;
    return newest?.[0]?.[0] ?? '0-0';
  }

  /** Counts (once) entries after `position` that the stream trimmed before this replica read them (Redis 7+). */
  private async checkGap(reader: FanOutClient, position: string): Promise<void> {
    let info: unknown;
    try {
      info = await reader.sendCommand(['XINFO', 'STREAM', this.streamKey]);
    } catch {
      return; // No stream yet (nothing published), or Redis before 7: no gap to know of.
    }
    const fields = Array.isArray(info) ? info : [];
    const deleted = fields[fields.indexOf('max-deleted-entry-id') + 1];
    if (typeof deleted !== 'string' || compareIds(deleted, position) <= 0 || compareIds(deleted, this.reportedGap) <= 0) return;
    this.reportedGap = deleted;
    this.observer.pushDiscarded('fan_out_gap', 1);
    this.log.error(
      { position, trimmedUpTo: deleted, streamMaxLength: this.options.streamMaxLength },
      'push fan-out: entries this replica had not read were trimmed; its subscribers missed messages',
    );
  }

  private hand(json: string | undefined): void {
    try {
      const { message, change } = JSON.parse(json ?? '') as { message: PushMessage; change?: LiveChange };
      this.receive?.(message, change);
    } catch (error) {
      this.observer.pushDiscarded('fan_out_failed', 1);
      this.log.error({ err: error instanceof Error ? error.message : String(error) }, 'push fan-out entry could not be handed over');
    }
  }

  private pause(failures: number): Promise<void> {
    const initial = this.options.initialBackoffMs ?? 100;
    const max = this.options.maxBackoffMs ?? 5000;
    const base = Math.min(max, initial * 2 ** Math.min(failures - 1, 30));
    const delayMs = Math.round(Math.min(max, base * (0.8 + 0.4 * (this.options.random ?? Math.random)())));
    return new Promise((resolve) => {
      this.wake = () => {
        this.timers.clearTimeout(this.waitTimer);
        this.wake = undefined;
        resolve();
      };
      this.waitTimer = this.timers.setTimeout(() => this.wake?.(), delayMs);
    });
  }

  private bounded<T>(work: Promise<T>, ms: number): Promise<T> {
    let timer: unknown;
    const timeout = new Promise<never>((_, reject) => {
      timer = this.timers.setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    });
    return Promise.race([work, timeout]).finally(() => this.timers.clearTimeout(timer));
  }
}

/** XREAD's reply for one stream as `[id, value of field m]` pairs; none when it timed out. */
function entriesOf(reply: unknown): Array<[string, string | undefined]> {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  const [, entries] = reply[0] as [string, Array<[string, string[]]>];
  return entries.map(([id, fields]) => [id, fields[fields.indexOf('m') + 1]]);
}

/** Orders stream ids `<ms>-<seq>` numerically. */
export function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  if (am !== bm) return am < bm ? -1 : 1;
  return as === bs ? 0 : (as ?? 0n) < (bs ?? 0n) ? -1 : 1;
}

/**
 * node-redis (what @keyv/redis holds), loaded only when the fan-out is configured. Without an offline queue a command
 * fails at once while the connection is down, so a message goes back to the platform's queue instead of waiting.
 */
function nodeRedisClient(url: string): FanOutClient {
  const { createClient } = require('@keyv/redis') as typeof import('@keyv/redis');
  return createClient({ url, disableOfflineQueue: true }) as unknown as FanOutClient;
}
