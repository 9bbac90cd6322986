import type { PlatformClient } from './platform-client';
import { toPageFromPageInfo, type Page, type PageInfoDto, type PageRequest } from './page';

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
}

export interface SmsTemplateDto {
  stid: string;
  templateName: string;
  thirdTemplateId?: string | null;
  content?: string | null;
  status?: number | null;
  enabled?: number | null;
  createTime?: number | string | null;
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
  listTemplates(page: PageRequest): Promise<Page<SmsTemplateDto>>;
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
    const response = await this.client.request<{ accountId: number }>({ endpoint: 'sms.addAccount', method: 'POST', path: `${this.basePath}/addEntSmsAccount`, body: account });
    return Number(response.data.accountId);
  }

  async updateAccount(accountId: number, changes: { accountName?: string } & Partial<SmsCredentials>): Promise<void> {
    await this.client.request({ endpoint: 'sms.setAccount', method: 'PUT', path: `${this.basePath}/setEntSmsAccount`, body: { accountId, ...changes } });
  }

  async setAccountEnabled(accountId: number, enabled: boolean): Promise<void> {
    await this.client.request({ endpoint: 'sms.enableAccount', method: 'PUT', path: `${this.basePath}/enabledEntSmsAccount`, body: { accountId, enabled: enabled ? 1 : 0 } });
  }

  async deleteAccount(accountId: number): Promise<void> {
    await this.client.request({ endpoint: 'sms.deleteAccount', method: 'DELETE', path: `${this.basePath}/deleteEntSmsAccount`, query: { accountId } });
  }

  async listSignatures(page: PageRequest): Promise<Page<SmsSignDto>> {
    const response = await this.client.request<PageInfoDto<SmsSignDto>>({ endpoint: 'sms.signList', method: 'GET', path: `${this.basePath}/entSmsSignList`, query: pageQuery(page) });
    return toPageFromPageInfo(response.data);
  }

  async listTemplates(page: PageRequest): Promise<Page<SmsTemplateDto>> {
    const response = await this.client.request<PageInfoDto<SmsTemplateDto>>({ endpoint: 'sms.templateList', method: 'GET', path: `${this.basePath}/entSmsTemplateList`, query: pageQuery(page) });
    return toPageFromPageInfo(response.data);
  }
}
