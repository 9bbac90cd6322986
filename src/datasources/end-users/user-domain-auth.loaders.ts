import DataLoader from 'dataloader';
import type { Page } from '../platform/page';
import { settleEach } from '../platform/per-key';
import { servedPageSize } from '../platform/paged-window';
import type { ThirdPartyLoginApi, ThirdPartyLoginDto } from './third-party-login.api';
import type { DomainProductDto, ProductDomainDto, UserDomainProductApi } from './user-domain-product.api';

export interface UserDomainAuthLoaders {
  /** Products authorized to a user domain, by page. */
  domainProductPage: DataLoader<{ userDomain: string; pageNum: number }, Page<DomainProductDto>, string>;
  /**
   * Every user domain a product is authorized to (all pages). One listing per product per request, however many
   * times the product appears in the query; an enterprise has a handful of Apps, so this is rarely a second page.
   */
  domainsOfProduct: DataLoader<string, ProductDomainDto[]>;
  /** Third-party login configs of a user domain (one call answers all of them). */
  thirdPartyLoginsByDomain: DataLoader<string, ThirdPartyLoginDto[]>;
}

export function createUserDomainAuthLoaders(products: UserDomainProductApi, logins: ThirdPartyLoginApi, pageSize: number): UserDomainAuthLoaders {
  const domainProductPage: UserDomainAuthLoaders['domainProductPage'] = new DataLoader(
    (keys) => settleEach(keys, ({ userDomain, pageNum }) => products.listDomainProducts(userDomain, { pageNum, pageSize })),
    { cacheKeyFn: (key) => `${key.userDomain}\u0000${key.pageNum}` },
  );
  const domainsOfProduct = new DataLoader<string, ProductDomainDto[]>((productKeys) =>
    settleEach(productKeys, async (productKey) => {
      const first = await products.listProductDomains(productKey, { pageNum: 1, pageSize });
      const pages = Math.ceil(first.total / servedPageSize(first, 1, pageSize));
      const rest = await Promise.all(
        Array.from({ length: Math.max(0, pages - 1) }, (_, i) => products.listProductDomains(productKey, { pageNum: i + 2, pageSize })),
      );
      return [first, ...rest].flatMap((page) => page.rows);
    }),
  );
  const thirdPartyLoginsByDomain = new DataLoader<string, ThirdPartyLoginDto[]>((domains) =>
    settleEach(domains, (userDomain) => logins.listConfigs(userDomain)),
  );
  return { domainProductPage, domainsOfProduct, thirdPartyLoginsByDomain };
}
