import type { Device } from '../store/store.types';
import { DAY_MS, SEED_ANCHOR_MS } from './seed.constants';

/** How far back seeded history reaches (§6.5 history is a rolling log). */
export const HISTORY_DAYS = 30;

/**
 * The span a device was talking to the platform, clipped to the last HISTORY_DAYS of it: for online devices up
 * to a per-device instant in the hour before the seed anchor, otherwise up to the last offline time. null for
 * devices never activated.
 */
export function activityWindow(device: Device): { start: number; end: number } | null {
  if (device.firstConnTime === null) return null;
  const end =
    device.deviceStatus === 1
      ? Math.max((device.lastConnTime as number) + 1000, SEED_ANCHOR_MS - 1 - (device.id % 3600) * 1000)
      : (device.lastOfflineTime ?? device.lastConnTime ?? device.firstConnTime);
  const start = Math.max(device.firstConnTime, end - HISTORY_DAYS * DAY_MS);
  return end > start ? { start, end } : null;
}

/** `count` ascending times in [start, end], the last one exactly `end`. */
export function ascendingTimes(count: number, start: number, end: number, pick: (min: number, max: number) => number): number[] {
  const times = Array.from({ length: count - 1 }, () => pick(start, end - 1));
  times.sort((a, b) => a - b);
  times.push(end);
  return times;
}
