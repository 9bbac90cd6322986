import type { Random } from './random';
import { DAY_MS, HOUR_MS, MINUTE_MS, SEED_ANCHOR_MS } from './seed.constants';

export interface DeviceTimeline {
  createTime: number;
  updateTime: number;
  activedTime: number | null;
  firstConnTime: number | null;
  lastConnTime: number | null;
  lastOfflineTime: number | null;
}

/**
 * Times ordered the way the platform records them: create < activated < first connection <= last
 * connection; an online device's last offline precedes its last connection, an offline device's follows it.
 */
export function deviceTimeline(random: Random, earliest: number, activated: boolean, online: boolean): DeviceTimeline {
  const latestCreate = SEED_ANCHOR_MS - 10 * DAY_MS;
  const createTime = random.int(earliest + HOUR_MS, Math.max(earliest + HOUR_MS, latestCreate));
  if (!activated) {
    const never = { activedTime: null, firstConnTime: null, lastConnTime: null, lastOfflineTime: null };
    return { createTime, updateTime: createTime, ...never };
  }
  const activedTime = createTime + random.int(10 * MINUTE_MS, 5 * DAY_MS);
  const firstConnTime = activedTime + random.int(300, 4000);
  let lastConnTime: number;
  let lastOfflineTime: number | null;
  if (online) {
    lastConnTime = Math.max(firstConnTime, SEED_ANCHOR_MS - random.int(MINUTE_MS, 3 * DAY_MS));
    const span = lastConnTime - firstConnTime;
    const wentOffline = span > 2 * MINUTE_MS && random.chance(0.8);
    lastOfflineTime = wentOffline ? lastConnTime - random.int(MINUTE_MS, Math.min(span - 1, 20 * DAY_MS)) : null;
  } else {
    lastConnTime = firstConnTime + random.int(0, SEED_ANCHOR_MS - DAY_MS - firstConnTime);
    lastOfflineTime = lastConnTime + random.int(MINUTE_MS, 6 * HOUR_MS);
  }
  return { createTime, updateTime: activedTime, activedTime, firstConnTime, lastConnTime, lastOfflineTime };
}
