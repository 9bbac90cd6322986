import DataLoader from 'dataloader';
import type { Page } from '../platform/page';
import { perKey, settleEach } from '../platform/per-key';
import { servedPageSize } from '../platform/paged-window';
import type { EndUserApi } from './end-user.api';
import type { BoundUserDto, BoundUserFilter, EndUserDto, UserDeviceDto, UserDomainDto } from './end-user.dto';
import { deviceRefKey, type DeviceRef } from '../devices/device-ref';

export interface EndUserLoaders {
  userDomainPage: DataLoader<number, Page<UserDomainDto>>;
  /** A user domain by its domain string, answered from the domain list (there is no detail call); null when unknown. */
  userDomainByName: DataLoader<string, UserDomainDto | null>;
  /** Users of a domain; every row primes `endUserByUid`. */
  domainUserPage: DataLoader<{ userDomain: string; pageNum: number }, Page<EndUserDto>, string>;
  /** userInfo per uid; null for an unknown user (5033). */
  endUserByUid: DataLoader<string, EndUserDto | null>;
  userDevicePage: DataLoader<{ uid: string; pageNum: number }, Page<UserDeviceDto>, string>;
  boundUserPage: DataLoader<BoundUserFilter & { pageNum: number }, Page<BoundUserDto>, string>;
  deviceUserPage: DataLoader<DeviceRef & { pageNum: number }, Page<BoundUserDto>, string>;
}

export function createEndUserLoaders(api: EndUserApi, pageSize: number): EndUserLoaders {
  const endUserByUid = new DataLoader<string, EndUserDto | null>((uids) => perKey(uids, (uid) => api.getUser(uid)));
  const userDomainPage = new DataLoader<number, Page<UserDomainDto>>((pageNums) =>
    settleEach(pageNums, (pageNum) => api.listUserDomains({ pageNum, pageSize })),
  );
  // An enterprise has a handful of Apps: one listing answers any number of domains, where a call per key would not.
  const userDomainByName = new DataLoader<string, UserDomainDto | null>(async (domains) => {
    const first = await userDomainPage.load(1);
    const pages = Math.ceil(first.total / servedPageSize(first, 1, pageSize));
    const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => userDomainPage.load(i + 2)));
    const rows = [first, ...rest].flatMap((page) => page.rows);
    return domains.map((domain) => rows.find((row) => row.userDomain === domain) ?? null);
  });
  const domainUserPage: EndUserLoaders['domainUserPage'] = new DataLoader(
    (keys) =>
      settleEach(keys, async ({ userDomain, pageNum }) => {
        const page = await api.listDomainUsers(userDomain, { pageNum, pageSize });
        for (const user of page.rows) endUserByUid.prime(user.uid, user);
        return page;
      }),
    { cacheKeyFn: (key) => `${key.userDomain}\u0000${key.pageNum}` },
  );
  const userDevicePage: EndUserLoaders['userDevicePage'] = new DataLoader(
    (keys) => settleEach(keys, ({ uid, pageNum }) => api.listUserDevices(uid, { pageNum, pageSize })),
    { cacheKeyFn: (key) => `${key.uid}\u0000${key.pageNum}` },
  );
  // Bound-user rows lack status and registration fields, so they do not prime `endUserByUid`.
  const boundUserPage: EndUserLoaders['boundUserPage'] = new DataLoader(
    (keys) => settleEach(keys, ({ pageNum, ...filter }) => api.listBoundUsers(filter, { pageNum, pageSize })),
    { cacheKeyFn: (key) => [key.productKey, key.uid, key.userDomain, key.pageNum].map((v) => v ?? '*').join('\u0000') },
  );
  const deviceUserPage: EndUserLoaders['deviceUserPage'] = new DataLoader(
    (keys) => settleEach(keys, ({ productKey, deviceKey, pageNum }) => api.listDeviceUsers(productKey, deviceKey, { pageNum, pageSize })),
    { cacheKeyFn: (key) => `${deviceRefKey(key)}\u0000${key.pageNum}` },
  );
  return { userDomainPage, userDomainByName, domainUserPage, endUserByUid, userDevicePage, boundUserPage, deviceUserPage };
}
