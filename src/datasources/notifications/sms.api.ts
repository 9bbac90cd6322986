import type { PlatformClient } from '../platform/platform-client';
import { toPageFromPageInfo, type Page, type PageInfoDto, type PageRequest } from '../platform/page';

// SMS management (reference §11.7). Only endpoint names and methods are published: the base path
// (`QUEC_PATH_SMS`), envelope B and the field names are [INFERRED] from the 5078-5201 codes.

/** An SMS provider account as we keep it: the provider key pair that upstream hands back is dropped on arrival. */
export interface SmsAccountDto {
  accountId: number;
  accountName: string;
  smsPlatform?: string | null;
  /** 1 enabled, 0 disabled */
  enabled?: number | null;
  createTime?: number | string | null;
}

export interface SmsSignDto {
  ssid: string;
  signName: string;
  /** 0 pending, 1 approved, 2 rejected */
  status?: number | null;
  enabled?: number | null;
  createTime?: number | string | null;
  /** User domains authorized to send with it */
  userDomainList?: string[] | null;
}

export interface SmsTemplateDto {
  stid: string;
  templateName: string;
  thirdTemplateId?: string | null;
  content?: string | null;
  status?: number | null;
  enabled?: number | null;
  createTime?: number | string | null;
  /** User domains authorized to send with it */
  userDomainList?: string[] | null;
}

/** What `addEntSmsTemplate` takes [INFERRED field names]. */
export interface NewSmsTemplate {
  templateName: string;
  thirdTemplateId: string;
  content: string;
}

/** Provider credentials; write-only: they go upstream and are never read back. */
export interface SmsCredentials {
  accessKey: string;
  accessSecret: string;
}

export interface SmsApi {
  listAccounts(page: PageRequest): Promise<Page<SmsAccountDto>>;
  /** @returns the new account id */
  createAccount(account: { accountName: string; smsPlatform: string } & SmsCredentials): Promise<number>;
  updateAccount(accountId: number, changes: { accountName?: string } & Partial<SmsCredentials>): Promise<void>;
  setAccountEnabled(accountId: number, enabled: boolean): Promise<void>;
  deleteAccount(accountId: number): Promise<void>;
  listSignatures(page: PageRequest): Promise<Page<SmsSignDto>>;
  /** @returns the new signature id (ssid), e.g. "C3" */
  createSignature(signName: string): Promise<string>;
  setSignatureEnabled(ssid: string, enabled: boolean): Promise<void>;
  deleteSignature(ssid: string): Promise<void>;
  /** Replaces the whole set of user domains allowed to use the signature; `[]` revokes all. */
  setSignatureUserDomains(ssid: string, userDomains: readonly string[]): Promise<void>;
  listTemplates(page: PageRequest): Promise<Page<SmsTemplateDto>>;
  /** @returns the new template id (stid) */
  createTemplate(template: NewSmsTemplate): Promise<string>;
  setTemplateEnabled(stid: string, enabled: boolean): Promise<void>;
  deleteTemplate(stid: string): Promise<void>;
  /** Replaces the whole set of user domains allowed to use the template; `[]` revokes all. */
  setTemplateUserDomains(stid: string, userDomains: readonly string[]): Promise<void>;
}

const pageQuery = ({ pageNum, pageSize }: PageRequest) => ({ page: pageNum, pageSize });

export class HttpSmsApi implements SmsApi {
  constructor(
    private readonly client: PlatformClient,
    private readonly basePath: string,
  ) {}

  async listAccounts(page: PageRequest): Promise<Page<SmsAccountDto>> {
    const response = await this.client.request<PageInfoDto<SmsAccountDto & { accessKey?: unknown; accessSecret?: unknown }>>({
      endpoint: 'sms.accountList',
      method: 'GET',
      path: `${this.basePath}/entSmsAccountList`,
      query: pageQuery(page),
    });
    const { rows, total } = toPageFromPageInfo(response.data);
    // The provider key pair comes back in every row; it is dropped here, before anything can keep or print it.
    return { rows: rows.map(({ accessKey: _key, accessSecret: _secret, ...row }) => row), total };
  }

  async createAccount(account: { accountName: string; smsPlatform: string } & SmsCredentials): Promise<number> {
    const response = await this.client.request<{ accountId: number }>({
      endpoint: 'sms.addAccount',
      method: 'POST',
      path: `${this.basePath}/addEntSmsAccount`,
      body: account,
    });
    return Number(response.data.accountId);
  }

  async updateAccount(accountId: number, changes: { accountName?: string } & Partial<SmsCredentials>): Promise<void> {
    await this.client.request({
      endpoint: 'sms.setAccount',
      method: 'PUT',
      path: `${this.basePath}/setEntSmsAccount`,
      body: { accountId, ...changes },
    });
  }

  async setAccountEnabled(accountId: number, enabled: boolean): Promise<void> {
    await this.client.request({
      endpoint: 'sms.enableAccount',
      method: 'PUT',
      path: `${this.basePath}/enabledEntSmsAccount`,
      body: { accountId, enabled: enabled ? 1 : 0 },
    });
  }

  async deleteAccount(accountId: number): Promise<void> {
    await this.client.request({
      endpoint: 'sms.deleteAccount',
      method: 'DELETE',
      path: `${this.basePath}/deleteEntSmsAccount`,
      query: { accountId },
    });
  }

  async listSignatures(page: PageRequest): Promise<Page<SmsSignDto>> {
    const response = await this.client.request<PageInfoDto<SmsSignDto>>({
      endpoint: 'sms.signList',
      method: 'GET',
      path: `${this.basePath}/entSmsSignList`,
      query: pageQuery(page),
    });
    return toPageFromPageInfo(response.data);
  }

  async createSignature(signName: string): Promise<string> {
    const response = await this.client.request<{ ssid: string }>({
      endpoint: 'sms.addSign',
      method: 'POST',
      path: `${this.basePath}/addEntSmsSign`,
      body: { signName },
    });
    return String(response.data.ssid);
  }

  async setSignatureEnabled(ssid: string, enabled: boolean): Promise<void> {
    await this.client.request({
      endpoint: 'sms.enableSign',
      method: 'PUT',
      path: `${this.basePath}/enabledEntSmsSign`,
      body: { ssid, enabled: enabled ? 1 : 0 },
    });
  }

  async deleteSignature(ssid: string): Promise<void> {
    await this.client.request({ endpoint: 'sms.deleteSign', method: 'DELETE', path: `${this.basePath}/deleteEntSmsSign`, query: { ssid } });
  }

  async setSignatureUserDomains(ssid: string, userDomains: readonly string[]): Promise<void> {
    await this.client.request({
      endpoint: 'sms.signUserDomainAuth',
      method: 'POST',
      path: `${this.basePath}/entSmsSignUserDomainAuth`,
      body: { ssid, userDomainList: [...userDomains] },
    });
  }

  async listTemplates(page: PageRequest): Promise<Page<SmsTemplateDto>> {
    const response = await this.client.request<PageInfoDto<SmsTemplateDto>>({
      endpoint: 'sms.templateList',
      method: 'GET',
      path: `${this.basePath}/entSmsTemplateList`,
      query: pageQuery(page),
    });
    return toPageFromPageInfo(response.data);
  }

  async createTemplate(template: NewSmsTemplate): Promise<string> {
    const response = await this.client.request<{ stid: string }>({
      endpoint: 'sms.addTemplate',
      method: 'POST',
      path: `${this.basePath}/addEntSmsTemplate`,
      body: template,
    });
    return String(response.data.stid);
  }

  async setTemplateEnabled(stid: string, enabled: boolean): Promise<void> {
    await this.client.request({
      endpoint: 'sms.enableTemplate',
      method: 'PUT',
      path: `${this.basePath}/enabledEntSmsTemplate`,
      body: { stid, enabled: enabled ? 1 : 0 },
    });
  }

  async deleteTemplate(stid: string): Promise<void> {
    await this.client.request({ endpoint: 'sms.deleteTemplate', method: 'DELETE', path: `${this.basePath}/deleteEntSmsTemplate`, query: { stid } });
  }

  async setTemplateUserDomains(stid: string, userDomains: readonly string[]): Promise<void> {
    await this.client.request({
      endpoint: 'sms.templateUserDomainAuth',
      method: 'POST',
      path: `${this.basePath}/entSmsTemplateUserDomainAuth`,
      body: { stid, userDomainList: [...userDomains] },
    });
  }
}
