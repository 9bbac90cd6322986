import { toUserDomain } from './end-user.mapper';
import { lazyDetail } from '../lazy-detail';
import type { UserDomainSource } from '../../schema/end-users/end-user.type';

/** UserDomain fields a row lacks (e.g. a product's authorized user domains) load through `userDomainByName`. */
export const loadUserDomainDetail = lazyDetail<UserDomainSource>(
  async ({ domain }, { loaders }) => {
    const dto = await loaders.userDomainByName.load(domain);
    return dto && toUserDomain(dto);
  },
  ({ domain }) => `User domain ${domain}`,
);
