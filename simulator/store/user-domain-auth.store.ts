import type { ThirdPartyLoginConfig, UserDomainAuthSeed, UserDomainProductAuth } from './user-domain-auth.types';

/**
 * Product authorizations and third-party login configs of the user domains (§11.8 [INFERRED]). Reached as
 * `SimulatorStore.admin.domainAuth`; both are keyed by user domain plus product key or platform.
 */
export class UserDomainAuthStore {
  private readonly auths: UserDomainProductAuth[];
  private readonly configs: ThirdPartyLoginConfig[];

  constructor(seed: UserDomainAuthSeed) {
    this.auths = seed.productAuths.map((auth) => ({ ...auth }));
    this.configs = seed.thirdPartyConfigs.map((config) => ({ ...config }));
  }

  /** Authorizations, oldest first; of one user domain and/or one product when given. */
  productAuths(filter: { userDomain?: string; productKey?: string } = {}): UserDomainProductAuth[] {
    return this.auths
      .filter(
        (a) =>
          (filter.userDomain === undefined || a.userDomain === filter.userDomain) &&
          (filter.productKey === undefined || a.productKey === filter.productKey),
      )
      .sort((a, b) => a.authTime - b.authTime);
  }

  productAuth(userDomain: string, productKey: string): UserDomainProductAuth | undefined {
    return this.auths.find((a) => a.userDomain === userDomain && a.productKey === productKey);
  }

  addProductAuth(auth: UserDomainProductAuth): void {
    this.auths.push(auth);
  }

  deleteProductAuth(userDomain: string, productKey: string): void {
    const index = this.auths.findIndex((a) => a.userDomain === userDomain && a.productKey === productKey);
    if (index >= 0) this.auths.splice(index, 1);
  }

  /** Configs of one user domain, oldest first. */
  thirdPartyConfigs(userDomain: string): ThirdPartyLoginConfig[] {
    return this.configs.filter((c) => c.userDomain === userDomain).sort((a, b) => a.createTime - b.createTime);
  }

  thirdPartyConfig(userDomain: string, platform: string): ThirdPartyLoginConfig | undefined {
    return this.configs.find((c) => c.userDomain === userDomain && c.platform === platform);
  }

  /** Add-or-replace by (userDomain, platform); a replaced config keeps its createTime. */
  putThirdPartyConfig(config: ThirdPartyLoginConfig): void {
    const existing = this.thirdPartyConfig(config.userDomain, config.platform);
    if (existing) Object.assign(existing, { appId: config.appId, appSecret: config.appSecret, updateTime: config.updateTime });
    else this.configs.push(config);
  }

  deleteThirdPartyConfig(userDomain: string, platform: string): void {
    const index = this.configs.findIndex((c) => c.userDomain === userDomain && c.platform === platform);
    if (index >= 0) this.configs.splice(index, 1);
  }
}
