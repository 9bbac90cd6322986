import type { UserDomain } from '../store/admin.types';
import type { Product } from '../store/store.types';
import type { ThirdPartyLoginConfig, UserDomainAuthSeed, UserDomainProductAuth } from '../store/user-domain-auth.types';
import type { Random } from './random';
import { DAY_MS } from './seed.constants';

/**
 * Which seeded products each App carries, following the simulator's type rule (user-domain-product.routes.ts):
 * the consumer App (type "1") gets the direct-connected and gateway products, the installer App (type "2") the
 * gateways and their sub-device products, so gateways sit in both. Products not authorized to the SaaS app are
 * never authorized onwards.
 */
const CARRIES: Readonly<Record<string, ReadonlyArray<Product['accessType']>>> = { '1': [0, 1], '2': [1, 2] };

/** Login platforms configured per App type [INFERRED names]. */
const LOGINS: Readonly<Record<string, readonly string[]>> = { '1': ['wechat', 'apple'], '2': ['google'] };

/** Draws from the admin seed's PRNG after everything else it makes, so earlier admin data stays as it was. */
export function generateUserDomainAuthSeed(random: Random, userDomains: UserDomain[], products: Product[]): UserDomainAuthSeed {
  const productAuths: UserDomainProductAuth[] = [];
  const thirdPartyConfigs: ThirdPartyLoginConfig[] = [];
  for (const domain of userDomains) {
    for (const product of products) {
      if (!product.authorized || !(CARRIES[domain.userDomainType] ?? []).includes(product.accessType)) continue;
      const authTime = Math.max(product.createTime, domain.addTime) + random.int(1, 30) * DAY_MS + random.int(0, DAY_MS - 1);
      productAuths.push({ userDomain: domain.userDomain, productKey: product.productKey, authTime });
    }
    for (const platform of LOGINS[domain.userDomainType] ?? []) {
      const createTime = domain.addTime + random.int(1, 20) * DAY_MS + random.int(0, DAY_MS - 1);
      thirdPartyConfigs.push({
        userDomain: domain.userDomain,
        platform,
        appId: platform === 'wechat' ? `wx${random.hex(16).toLowerCase()}` : `${platform}.${random.alnum(10)}`,
        appSecret: `tps_${random.alnum(32)}`,
        createTime,
        updateTime: createTime,
      });
    }
  }
  return { productAuths, thirdPartyConfigs };
}
