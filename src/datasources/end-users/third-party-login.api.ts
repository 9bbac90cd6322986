import type { PlatformClient } from '../platform/platform-client';

// Third-party login configuration of a user domain (reference §11.8). Only the endpoint names and methods are
// published: the base path (`QUEC_PATH_END_USER_ADMIN`), envelope B, the body {userDomain, platform, appId,
// appSecret}, lower-case platform names and the get call answering a plain array are [INFERRED].

/** A login config as we keep it: the appSecret that upstream hands back is dropped on arrival. */
export interface ThirdPartyLoginDto {
  userDomain?: string | null;
  platform: string;
  appId?: string | null;
  createTime?: number | string | null;
  updateTime?: number | string | null;
}

/** What a config is set to; `appSecret` is write-only: it goes upstream and is never read back. */
export interface ThirdPartyLoginWrite {
  userDomain: string;
  platform: string;
  appId: string;
  appSecret: string;
}

/** Every method throws UpstreamError. */
export interface ThirdPartyLoginApi {
  /** @throws UpstreamError NOT_FOUND (5015) for an unknown user domain */
  listConfigs(userDomain: string): Promise<ThirdPartyLoginDto[]>;
  /** Adds the platform's config, or replaces the one there is. @throws UpstreamError BAD_USER_INPUT (5362, 5363) */
  putConfig(config: ThirdPartyLoginWrite): Promise<void>;
  deleteConfig(userDomain: string, platform: string): Promise<void>;
}

export class HttpThirdPartyLoginApi implements ThirdPartyLoginApi {
  constructor(
    private readonly client: PlatformClient,
    private readonly basePath: string,
  ) {}

  async listConfigs(userDomain: string): Promise<ThirdPartyLoginDto[]> {
    const response = await this.client.request<Array<ThirdPartyLoginDto & { appSecret?: unknown }> | null>({
      endpoint: 'enduser.getThirdpartyConfig',
      method: 'GET',
      path: `${this.basePath}/getEnterpriseThirdpartyConfig`,
      query: { userDomain },
    });
    const rows = Array.isArray(response.data) ? response.data : [];
    // Every row carries the App's secret at that platform; it is dropped here, before anything can keep or print it.
    return rows.map(({ appSecret: _secret, ...row }) => row);
  }

  async putConfig(config: ThirdPartyLoginWrite): Promise<void> {
    await this.client.request({
      endpoint: 'enduser.addThirdpartyConfig',
      method: 'POST',
      path: `${this.basePath}/addEnterpriseThirdpartyConfig`,
      body: config,
    });
  }

  async deleteConfig(userDomain: string, platform: string): Promise<void> {
    await this.client.request({
      endpoint: 'enduser.deleteThirdpartyConfig',
      method: 'DELETE',
      path: `${this.basePath}/deleteEnterpriseThirdpartyConfig`,
      query: { userDomain, platform },
    });
  }
}
