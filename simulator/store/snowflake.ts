/** Twitter's snowflake epoch; with it every ticket from 2018 to 2080 is a 19-digit string. */
const EPOCH_MS = 1_288_834_974_657n;

/** Worker ids keep seeded and live tickets apart. */
export const SEED_WORKER = 1;
export const LIVE_WORKER = 2;

/**
 * Snowflake-like ticket (§6.5: "ticket: string (snowflake id)"): 41 bits of ms since the epoch, 10 bits of worker,
 * 12 bits of sequence. Times before the epoch are clamped to it.
 */
export function snowflake(at: number, worker: number, sequence: number): string {
  const elapsed = BigInt(Math.max(0, Math.floor(at) - Number(EPOCH_MS)));
  return ((elapsed << 22n) | (BigInt(worker & 0x3ff) << 12n) | BigInt(sequence & 0xfff)).toString();
}
