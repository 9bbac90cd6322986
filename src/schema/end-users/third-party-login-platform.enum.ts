import { registerEnumType } from 'type-graphql';

export enum ThirdPartyLoginPlatform {
  WECHAT = 'WECHAT',
  QQ = 'QQ',
  ALIPAY = 'ALIPAY',
  APPLE = 'APPLE',
  GOOGLE = 'GOOGLE',
  FACEBOOK = 'FACEBOOK',
  TWITTER = 'TWITTER',
  OTHER = 'OTHER',
}
registerEnumType(ThirdPartyLoginPlatform, {
  name: 'ThirdPartyLoginPlatform',
  description:
    'An identity provider an App lets its end users sign in with. The platform does not document these names publicly; they are our best reading of its consoles.',
  valuesConfig: {
    WECHAT: { description: 'WeChat (Open Platform mobile App login).' },
    QQ: { description: 'Tencent QQ.' },
    ALIPAY: { description: 'Alipay.' },
    APPLE: { description: 'Sign in with Apple.' },
    GOOGLE: { description: 'Google.' },
    FACEBOOK: { description: 'Facebook.' },
    TWITTER: { description: 'Twitter / X.' },
    OTHER: { description: 'A platform this service does not know yet; shown, but cannot be configured.' },
  },
});
