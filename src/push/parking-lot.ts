import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import type { Logger } from '../logger';

/** Where a message the consumer cannot read goes instead of the log (bodies carry user data). */
export interface ParkingLot {
  /** Keeps `body` with the reason it was refused. Never throws and never waits the consumer. */
  park(body: Buffer, reason: string): void;
}

/** Largest body kept, bytes; a longer one is cut (the reason and its length are still recorded). */
const MAX_PARKED_BYTES = 64 * 1024;

/**
 * Parks refused bodies in the shared keyv under `live:parked:<sha256 of the body>` for `ttlMs` (a repeated body
 * takes one slot), as `{ reason, parkedAt, bytes, bodyBase64 }`, so an operator can read them back from Redis (or
 * from the memory store in a test) without them ever reaching a log line.
 */
export class KeyvParkingLot implements ParkingLot {
  constructor(
    private readonly cache: Keyv,
    private readonly logger: Logger,
    private readonly ttlMs = 24 * 3_600_000,
    private readonly clock: { now(): number } = Date,
  ) {}

  park(body: Buffer, reason: string): void {
    const key = parkedKeyOf(body);
    const entry = { reason, parkedAt: this.clock.now(), bytes: body.length, bodyBase64: body.subarray(0, MAX_PARKED_BYTES).toString('base64') };
    this.cache.set(key, entry, this.ttlMs).catch((error: unknown) => {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not park a malformed push message');
    });
  }
}

/** The key under which `body` is parked; for operators' scripts and tests. */
export function parkedKeyOf(body: Buffer | string): string {
  return `live:parked:${createHash('sha256').update(body).digest('hex')}`;
}
