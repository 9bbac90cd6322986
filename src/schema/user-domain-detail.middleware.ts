import { toUserDomain } from '../datasources/end-user.mapper';
import { lazyDetail } from './lazy-detail.middleware';
import type { UserDomainSource } from './end-user.type';

/** UserDomain fields a row lacks (e.g. a product's authorized user domains) load through `userDomainByName`. */
export const LoadUserDomainDetail = lazyDetail<UserDomainSource>(
  async ({ domain }, { loaders }) => {
    const dto = await loaders.userDomainByName.load(domain);
    return dto && toUserDomain(dto);
  },
  ({ domain }) => `User domain ${domain}`,
);
