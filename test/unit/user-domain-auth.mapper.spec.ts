import {
  toAuthorizedProduct,
  toAuthorizedUserDomain,
  toPlatform,
  toPlatformName,
  toThirdPartyLogin,
} from '../../src/resolvers/end-users/user-domain-auth.mapper';
import { ThirdPartyLoginPlatform } from '../../src/schema/end-users/third-party-login-platform.enum';

describe('third-party login mappers', () => {
  it('should name every configurable platform in lower case upstream and read it back', () => {
    for (const platform of Object.values(ThirdPartyLoginPlatform).filter((p) => p !== ThirdPartyLoginPlatform.OTHER)) {
      expect(toPlatform(toPlatformName(platform))).toBe(platform);
    }
    expect(toPlatformName(ThirdPartyLoginPlatform.WECHAT)).toBe('wechat');
  });

  it('should read a platform it does not know, or the literal "other", as OTHER', () => {
    expect(toPlatform('line')).toBe(ThirdPartyLoginPlatform.OTHER);
    expect(toPlatform('other')).toBe(ThirdPartyLoginPlatform.OTHER);
    expect(toPlatform(null)).toBe(ThirdPartyLoginPlatform.OTHER);
    expect(toPlatform('GOOGLE')).toBe(ThirdPartyLoginPlatform.GOOGLE);
  });

  it('should map a config row with its ms times', () => {
    expect(
      toThirdPartyLogin({ userDomain: 'C.DM.1.1', platform: 'apple', appId: 'com.acme', createTime: 1718176968345, updateTime: '1718176968346' }),
    ).toEqual({
      platform: 'APPLE',
      appId: 'com.acme',
      createdAt: new Date(1718176968345),
      updatedAt: new Date(1718176968346),
    });
  });
});

describe('authorization row mappers', () => {
  it('should set only the product fields the row carries, so the rest load by key', () => {
    expect(toAuthorizedProduct({ productKey: 'p1abcd', productName: 'Plug', productId: 1, authTime: 2 })).toEqual({
      productKey: 'p1abcd',
      name: 'Plug',
    });
    expect(Object.keys(toAuthorizedProduct({ productKey: 'p1abcd', productName: '' }))).toEqual(['productKey']);
  });

  it('should set only the user-domain fields the row carries, so the rest load from the domain list', () => {
    expect(toAuthorizedUserDomain({ userDomain: 'C.DM.1.1', userDomainId: 12301, authTime: 2 })).toEqual({ domain: 'C.DM.1.1', id: '12301' });
    expect(Object.keys(toAuthorizedUserDomain({ userDomain: 'C.DM.1.1' }))).toEqual(['domain']);
  });
});
