import { createHash } from 'node:crypto';
import type { Logger } from '../logger';
import type { FannedOut, PushFanOut } from './fan-out';
import type { LiveChange } from './live-state';
import type { PushMessage } from './push-message';
import { nullPushObserver, systemTimers, type PushObserver, type Timers } from './push-source';
import { backoffDelay } from './backoff';
import { rejectAfter } from '../timeout';

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
 * acknowledgement leaves a redelivery that finds the mark and is acknowledged without a second copy. Each entry
 * carries the next number of a counter (`n`), so a reader knows exactly how many entries it missed if the stream
 * was trimmed past it.
 */
const PUBLISH_SCRIPT = `
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  local n = redis.call('INCR', KEYS[3])
  return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'n', n, 'm', ARGV[3])
end
return false
`;

/**
 * Where a reader starts: the id and number of the newest entry, or `0-0` and the counter when the stream is empty
 * (so a first entry numbered past it shows as a gap too). One script, so no entry slips in between the two.
 */
const TAIL_SCRIPT = `
local newest = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)[1]
if newest then
  for i = 1, #newest[2], 2 do
    if newest[2][i] == 'n' then return { newest[1], newest[2][i + 1] } end
  end
  return { newest[1] }
end
return { '0-0', redis.call('GET', KEYS[2]) or '0' }
`;

/** Entries read per XREAD. */
const BATCH = 200;

/**
 * The fan-out between replicas over a Redis stream (`XADD` by the replica that took the message, `XREAD` by every
 * replica from where it last read). A stream rather than pub/sub: a replica whose Redis connection drops for a
 * moment resumes from its last entry instead of losing what was published meanwhile, and each entry is read once
 * per replica, so a subscriber never sees a message twice.
 *
 * Keys (one hash tag, so they share a Cluster slot): `quec-graph:{push:<queue>}:stream`, its entry counter
 * `quec-graph:{push:<queue>}:count`, and `quec-graph:{push:<queue>}:seen:<sha256 of the message>`.
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
  /** The number (`n`) of the last entry read; undefined before the first. */
  private lastNumber: number | undefined;

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
      '3',
      seenKey,
      this.streamKey,
      `${this.prefix}:count`,
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
   * waits (exponential backoff with jitter) and resumes where it stopped.
   */
  private async follow(reader: FanOutClient): Promise<void> {
    let position: string | undefined;
    let failures = 0;
    await this.readerUp;
    while (!this.closed) {
      try {
        if (position === undefined) {
          position = await this.tail(reader);
          this.observer.pushFanOutReading(true);
        }
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
        for (const entry of entries) {
          position = entry.id;
          this.count(entry.number);
          this.hand(entry.json);
        }
      } catch (error) {
        if (this.closed) return;
        failures += 1;
        this.observer.pushFanOutReading(false);
        if (failures === 1)
          this.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'push fan-out cannot read the stream; retrying');
        await this.pause(failures);
      }
    }
  }

  /** The id of the newest entry (or 0-0): messages published from here on are read, older ones are not. */
  private async tail(reader: FanOutClient): Promise<string> {
    const [id, number] = (await reader.sendCommand(['EVAL', TAIL_SCRIPT, '2', this.streamKey, `${this.prefix}:count`])) as [string, string?];
    this.lastNumber = number === undefined ? undefined : Number(number);
    return id;
  }

  /**
   * Entries are numbered without holes, so a jump means the stream trimmed entries this replica had not read yet
   * (it fell more than the stream's length behind): their messages never reach its subscribers. Counted, logged.
   */
  private count(number: number | undefined): void {
    const last = this.lastNumber;
    this.lastNumber = number;
    if (number === undefined || last === undefined) return;
    if (number > last + 1) {
      this.observer.pushDiscarded('fan_out_gap', number - last - 1);
      this.log.error(
        { missed: number - last - 1, streamMaxLength: this.options.streamMaxLength },
        'push fan-out: the stream trimmed entries this replica had not read; its subscribers missed them',
      );
    } else if (number <= last) {
      // The counter started over: Redis lost its data (a restart without persistence). Nothing to count.
      this.log.warn({ last, number }, 'push fan-out stream started over');
    }
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
    const delayMs = backoffDelay(failures, this.options.initialBackoffMs ?? 100, this.options.maxBackoffMs ?? 5000, this.options.random);
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
    return rejectAfter(work, ms, 'Redis', this.timers);
  }
}

interface StreamEntry {
  id: string;
  number: number | undefined;
  json: string | undefined;
}

/** XREAD's reply for our one stream; none when it timed out. Fields come as a flat [name, value, ...] list. */
function entriesOf(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  const [, entries] = reply[0] as [string, Array<[string, string[]]>];
  return entries.map(([id, fields]) => ({ id, number: numberOf(fields), json: fieldOf(fields, 'm') }));
}

function fieldOf(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

function numberOf(fields: string[]): number | undefined {
  const text = fieldOf(fields, 'n');
  return text !== undefined && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
}

/**
 * node-redis (what @keyv/redis holds), loaded only when the fan-out is configured. Without an offline queue a command
 * fails at once while the connection is down, so a message goes back to the platform's queue instead of waiting.
 */
function nodeRedisClient(url: string): FanOutClient {
  const { createClient } = require('@keyv/redis') as typeof import('@keyv/redis');
  return createClient({ url, disableOfflineQueue: true }) as unknown as FanOutClient;
}
