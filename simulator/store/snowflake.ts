/** Twitter's snowflake epoch; with it every ticket from 2018 to 2080 is a 19-digit string. */
const EPOCH_MS = 1_288_834_974_657n;
const EPOCH_NUMBER = Number(EPOCH_MS);

// Every seeded message gets a ticket. Module-level copies, because inside a vm context (jest's test environment)
// every lookup of a global such as BigInt or Math goes through the context's interceptor.
const toBigInt = BigInt;
const { floor, max } = Math;

/** Worker ids keep seeded and live tickets apart. */
export const SEED_WORKER = 1;
export const LIVE_WORKER = 2;

/**
 * Snowflake-like ticket (§6.5: "ticket: string (snowflake id)"): 41 bits of ms since the epoch, 10 bits of worker,
 * 12 bits of sequence. Times before the epoch are clamped to it.
 */
export function snowflake(at: number, worker: number, sequence: number): string {
  const elapsed = toBigInt(max(0, floor(at) - EPOCH_NUMBER));
  return ((elapsed << 22n) | (toBigInt(worker & 0x3ff) << 12n) | toBigInt(sequence & 0xfff)).toString();
}
