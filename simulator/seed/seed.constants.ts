/**
 * Every seeded timestamp is placed before this instant (2025-06-01T00:00:00Z) rather than the wall
 * clock, so the same seed yields byte-identical data on every run.
 */
export const SEED_ANCHOR_MS = Date.UTC(2025, 5, 1);

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Below this the seed cannot give every product devices and every gateway 5..50 sub-devices. */
export const MIN_DEVICE_COUNT = 30;
