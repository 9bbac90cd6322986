import DataLoader from 'dataloader';
import type { Page } from '../platform/page';
import { perKey, settleEach } from '../platform/per-key';
import { servedPageSize } from '../platform/paged-window';
import { deviceRefKey, type DeviceRef } from './device-ref';
import type { DeviceGroupApi } from './device-group.api';
import type { DeviceGroupDto, GroupDeviceDto, GroupTaskDto } from './device-group.dto';

export interface DeviceGroupLoaders {
  /** Group lists (all, or the children of `parentId`); every row primes `deviceGroupById`. */
  deviceGroupPage: DataLoader<{ parentId?: number; pageNum: number }, Page<DeviceGroupDto>, string>;
  /** deviceGroupInfo per id; null for an unknown group (5306). */
  deviceGroupById: DataLoader<number, DeviceGroupDto | null>;
  groupDevicePage: DataLoader<{ dgid: number; pageNum: number }, Page<GroupDeviceDto>, string>;
  groupsOfDevicePage: DataLoader<DeviceRef & { pageNum: number }, Page<DeviceGroupDto>, string>;
  groupTaskPage: DataLoader<{ dgid: number; pageNum: number }, Page<GroupTaskDto>, string>;
  /**
   * Groups by id for batches (`_entities`): up to DETAIL_ONLY_UP_TO ids use detail calls, more read the whole
   * group list, whose rows carry every detail field, so N groups cost a few pages instead of N calls.
   */
  deviceGroupByIdPlanned: DataLoader<number, DeviceGroupDto | null>;
}

const DETAIL_ONLY_UP_TO = 2;

export function createDeviceGroupLoaders(api: DeviceGroupApi, pageSize: number): DeviceGroupLoaders {
  const deviceGroupById = new DataLoader<number, DeviceGroupDto | null>((ids) => perKey(ids, (id) => api.getGroup(id)));
  const prime = (page: Page<DeviceGroupDto>) => {
    for (const group of page.rows) deviceGroupById.prime(Number(group.dgid), group);
    return page;
  };
  const deviceGroupPage: DeviceGroupLoaders['deviceGroupPage'] = new DataLoader(
    (keys) => settleEach(keys, async ({ parentId, pageNum }) => prime(await api.listGroups(parentId, { pageNum, pageSize }))),
    { cacheKeyFn: (key) => `${key.parentId ?? '*'}\u0000${key.pageNum}` },
  );
  const groupDevicePage: DeviceGroupLoaders['groupDevicePage'] = new DataLoader(
    (keys) => settleEach(keys, ({ dgid, pageNum }) => api.listGroupDevices(dgid, { pageNum, pageSize })),
    { cacheKeyFn: (key) => `${key.dgid}\u0000${key.pageNum}` },
  );
  const groupsOfDevicePage: DeviceGroupLoaders['groupsOfDevicePage'] = new DataLoader(
    (keys) => settleEach(keys, async ({ pageNum, ...device }) => prime(await api.listGroupsOfDevice(device, { pageNum, pageSize }))),
    { cacheKeyFn: (key) => `${deviceRefKey(key)}\u0000${key.pageNum}` },
  );
  const groupTaskPage: DeviceGroupLoaders['groupTaskPage'] = new DataLoader(
    (keys) => settleEach(keys, ({ dgid, pageNum }) => api.listTasks(dgid, { pageNum, pageSize })),
    { cacheKeyFn: (key) => `${key.dgid}\u0000${key.pageNum}` },
  );
  const deviceGroupByIdPlanned = new DataLoader<number, DeviceGroupDto | null>(async (ids) => {
    if (ids.length <= DETAIL_ONLY_UP_TO) return deviceGroupById.loadMany(ids);
    try {
      const first = await deviceGroupPage.load({ pageNum: 1 });
      const pages = Math.ceil(first.total / servedPageSize(first, 1, pageSize));
      const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => deviceGroupPage.load({ pageNum: i + 2 })));
      const byId = new Map([first, ...rest].flatMap((page) => page.rows).map((row) => [Number(row.dgid), row] as const));
      return ids.map((id) => byId.get(id) ?? null);
    } catch (error) {
      return ids.map(() => (error instanceof Error ? error : new Error(String(error))));
    }
  });

  return { deviceGroupPage, deviceGroupById, groupDevicePage, groupsOfDevicePage, groupTaskPage, deviceGroupByIdPlanned };
}
