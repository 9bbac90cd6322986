import { toEndUser } from './end-user.mapper';
import { lazyDetail } from '../lazy-detail';
import type { EndUserSource } from '../../schema/end-users/end-user.type';

/** EndUser fields a bound-user row or a representation lacks load through `endUserByUid` (userInfo). */
export const loadEndUserDetail = lazyDetail<EndUserSource>(
  async ({ uid }, { loaders }) => {
    const dto = await loaders.endUserByUid.load(uid);
    return dto && toEndUser(dto);
  },
  ({ uid }) => `End user ${uid}`,
);
