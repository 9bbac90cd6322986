import { toEndUser } from '../datasources/end-user.mapper';
import { lazyDetail } from './lazy-detail.middleware';
import type { EndUserSource } from './end-user.type';

/** EndUser fields a bound-user row or a representation lacks load through `endUserByUid` (userInfo). */
export const LoadEndUserDetail = lazyDetail<EndUserSource>(
  async ({ uid }, { loaders }) => {
    const dto = await loaders.endUserByUid.load(uid);
    return dto && toEndUser(dto);
  },
  ({ uid }) => `End user ${uid}`,
);
