import type { PlatformClient } from '../platform/platform-client';
import { toPageFromPageInfo, type Page, type PageInfoDto, type PageRequest } from '../platform/page';

// Mail accounts (reference §11.8). Only endpoint names and methods are published: the base path
// (`QUEC_PATH_MAIL`), envelope B and the field names are [INFERRED] from the 5423-5447 codes.

/** An SMTP account as we keep it: the password that upstream hands back is dropped on arrival. */
export interface MailAccountDto {
  accountId: number;
  accountName: string;
  smtpServer?: string | null;
  smtpPort?: number | null;
  account?: string | null;
  senderAddress?: string | null;
  /** 1 enabled, 0 disabled */
  enabled?: number | null;
  createTime?: number | string | null;
  /** User domains (Apps) the account is authorized to. */
  userDomainList?: string[] | null;
}

export interface MailAccountFields {
  accountName?: string;
  smtpServer?: string;
  smtpPort?: number;
  account?: string;
  /** Write-only: sent upstream, never read back. */
  password?: string;
  senderAddress?: string;
}

export interface MailApi {
  listAccounts(page: PageRequest): Promise<Page<MailAccountDto>>;
  /** @returns the new account id */
  createAccount(fields: Required<MailAccountFields>): Promise<number>;
  updateAccount(accountId: number, fields: MailAccountFields): Promise<void>;
  setAccountEnabled(accountId: number, enabled: boolean): Promise<void>;
  deleteAccount(accountId: number): Promise<void>;
  /** Replaces the set of user domains allowed to use the account; [] revokes them all. */
  setAccountUserDomains(accountId: number, userDomains: string[]): Promise<void>;
}

export class HttpMailApi implements MailApi {
  constructor(
    private readonly client: PlatformClient,
    private readonly basePath: string,
  ) {}

  async listAccounts({ pageNum, pageSize }: PageRequest): Promise<Page<MailAccountDto>> {
    const response = await this.client.request<PageInfoDto<MailAccountDto & { password?: unknown }>>({
      endpoint: 'mail.accountList',
      method: 'GET',
      path: `${this.basePath}/getEmailAccountList`,
      query: { page: pageNum, pageSize },
    });
    const { rows, total } = toPageFromPageInfo(response.data);
    // Each row carries the SMTP password; it is dropped here, before anything can keep or print it.
    return { rows: rows.map(({ password: _password, ...row }) => row), total };
  }

  async createAccount(fields: Required<MailAccountFields>): Promise<number> {
    const response = await this.client.request<{ accountId: number }>({
      endpoint: 'mail.addAccount',
      method: 'POST',
      path: `${this.basePath}/addEmailAccount`,
      body: fields,
    });
    return Number(response.data.accountId);
  }

  async updateAccount(accountId: number, fields: MailAccountFields): Promise<void> {
    await this.client.request({
      endpoint: 'mail.setAccount',
      method: 'PUT',
      path: `${this.basePath}/setEmailAccount`,
      body: { accountId, ...fields },
    });
  }

  async setAccountEnabled(accountId: number, enabled: boolean): Promise<void> {
    await this.client.request({
      endpoint: 'mail.enableAccount',
      method: 'PUT',
      path: `${this.basePath}/enabledEmailAccount`,
      body: { accountId, enabled: enabled ? 1 : 0 },
    });
  }

  async deleteAccount(accountId: number): Promise<void> {
    await this.client.request({
      endpoint: 'mail.deleteAccount',
      method: 'DELETE',
      path: `${this.basePath}/deleteEmailAccount`,
      query: { accountId },
    });
  }

  async setAccountUserDomains(accountId: number, userDomains: string[]): Promise<void> {
    await this.client.request({
      endpoint: 'mail.accountUserDomainAuth',
      method: 'POST',
      path: `${this.basePath}/emailAccountUserDomainAuth`,
      body: { accountId, userDomainList: userDomains },
    });
  }
}
