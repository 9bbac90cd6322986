// Records behind the §11.8 "user-domain product authorization" and "third-party login config" endpoints. Only
// the endpoint names are published; every field name here is [INFERRED].

/** One product authorized to one user domain (App): its end users may bind and control the product's devices. */
export interface UserDomainProductAuth {
  userDomain: string;
  productKey: string;
  authTime: number;
}

/** Third-party login (WeChat, Apple, ...) of one App; `appSecret` is the App's credential at that platform. */
export interface ThirdPartyLoginConfig {
  userDomain: string;
  /** Lower-case platform name, e.g. "wechat" [INFERRED]. */
  platform: string;
  appId: string;
  appSecret: string;
  createTime: number;
  updateTime: number;
}

export interface UserDomainAuthSeed {
  productAuths: UserDomainProductAuth[];
  thirdPartyConfigs: ThirdPartyLoginConfig[];
}
