import type { UserDomainSource } from '../../schema/end-users/end-user.type';
import type { ProductSource } from '../../schema/catalog/product.type';
import { ThirdPartyLoginPlatform } from '../../schema/end-users/third-party-login-platform.enum';
import { type ThirdPartyLoginConfig } from '../../schema/end-users/third-party-login.type';
import type { ThirdPartyLoginDto } from '../../datasources/end-users/third-party-login.api';
import type { DomainProductDto, ProductDomainDto } from '../../datasources/end-users/user-domain-product.api';
import { toDate } from '../../datasources/platform/time';

/** Upstream platform name [INFERRED: the lower-case enum name, e.g. "wechat"]. */
export function toPlatformName(platform: ThirdPartyLoginPlatform): string {
  return platform.toLowerCase();
}

export function toPlatform(name: string | null | undefined): ThirdPartyLoginPlatform {
  const value = String(name ?? '').toUpperCase();
  return value !== ThirdPartyLoginPlatform.OTHER && value in ThirdPartyLoginPlatform
    ? (value as ThirdPartyLoginPlatform)
    : ThirdPartyLoginPlatform.OTHER;
}

export function toThirdPartyLogin(dto: ThirdPartyLoginDto): ThirdPartyLoginConfig {
  return { platform: toPlatform(dto.platform), appId: dto.appId ?? '', createdAt: toDate(dto.createTime), updatedAt: toDate(dto.updateTime) };
}

/** Only the fields the row carries are set, so the rest load by key when selected (loadProductDetail). */
export function toAuthorizedProduct(dto: DomainProductDto): ProductSource {
  return dto.productName ? { productKey: dto.productKey, name: dto.productName } : { productKey: dto.productKey };
}

/** Only the fields the row carries are set, so the rest load from the domain list when selected (loadUserDomainDetail). */
export function toAuthorizedUserDomain(dto: ProductDomainDto): UserDomainSource {
  return dto.userDomainId ? { domain: dto.userDomain, id: String(dto.userDomainId) } : { domain: dto.userDomain };
}
