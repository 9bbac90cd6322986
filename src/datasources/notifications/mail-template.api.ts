import type { PlatformClient } from '../platform/platform-client';
import { toPageFromPageInfo, type Page, type PageInfoDto, type PageRequest } from '../platform/page';

// Mail templates (reference §11.8). Only endpoint names and methods are published: the base path (`QUEC_PATH_MAIL`,
// shared with the mail accounts), envelope B, the field names and the type/review codes are [INFERRED] from the
// 5433-5454 code hints.

/** A template as the list hands it out: everything but the content, which has a call of its own. */
export interface MailTemplateDto {
  templateId: number;
  templateName: string;
  /** 1 verification code, 2 notification */
  templateType?: number | null;
  subject?: string | null;
  /** 0 in review, 1 approved, 2 rejected */
  reviewStatus?: number | null;
  /** The reviewers' reason when rejected */
  reviewNote?: string | null;
  /** 1 enabled, 0 disabled */
  enabled?: number | null;
  userDomainList?: string[] | null;
  createTime?: number | string | null;
  updateTime?: number | string | null;
}

export interface MailTemplateContentDto {
  templateId: number;
  content?: string | null;
}

export interface MailTemplateFields {
  templateName: string;
  /** 1 verification code, 2 notification */
  templateType: number;
  subject: string;
  content: string;
}

export interface MailTemplateApi {
  listTemplates(page: PageRequest): Promise<Page<MailTemplateDto>>;
  /** One template's content; upstream answers 5435 (NOT_FOUND) for an unknown id. */
  getTemplateContent(templateId: number): Promise<MailTemplateContentDto>;
  /** @returns the new template id */
  createTemplate(fields: MailTemplateFields): Promise<number>;
  updateTemplate(templateId: number, changes: Partial<MailTemplateFields>): Promise<void>;
  setTemplateEnabled(templateId: number, enabled: boolean): Promise<void>;
  deleteTemplate(templateId: number): Promise<void>;
  /** Replaces the set of user domains allowed to use the template; [] revokes them all. */
  setTemplateUserDomains(templateId: number, userDomains: string[]): Promise<void>;
}

export class HttpMailTemplateApi implements MailTemplateApi {
  constructor(
    private readonly client: PlatformClient,
    private readonly basePath: string,
  ) {}

  async listTemplates({ pageNum, pageSize }: PageRequest): Promise<Page<MailTemplateDto>> {
    const response = await this.client.request<PageInfoDto<MailTemplateDto>>({
      endpoint: 'mail.templateList',
      method: 'GET',
      path: `${this.basePath}/getEmailTemplateList`,
      query: { page: pageNum, pageSize },
    });
    return toPageFromPageInfo(response.data);
  }

  async getTemplateContent(templateId: number): Promise<MailTemplateContentDto> {
    const response = await this.client.request<MailTemplateContentDto | null>({
      endpoint: 'mail.templateContent',
      method: 'GET',
      path: `${this.basePath}/getEmailTemplateContent`,
      query: { templateId },
    });
    return { templateId, content: response.data?.content ?? null };
  }

  async createTemplate(fields: MailTemplateFields): Promise<number> {
    const response = await this.client.request<{ templateId: number }>({
      endpoint: 'mail.addTemplate',
      method: 'POST',
      path: `${this.basePath}/addEmailTemplate`,
      body: fields,
    });
    return Number(response.data.templateId);
  }

  async updateTemplate(templateId: number, changes: Partial<MailTemplateFields>): Promise<void> {
    await this.client.request({
      endpoint: 'mail.setTemplate',
      method: 'PUT',
      path: `${this.basePath}/setEmailTemplate`,
      body: { templateId, ...changes },
    });
  }

  async setTemplateEnabled(templateId: number, enabled: boolean): Promise<void> {
    await this.client.request({
      endpoint: 'mail.enableTemplate',
      method: 'PUT',
      path: `${this.basePath}/enabledEmailTemplate`,
      body: { templateId, enabled: enabled ? 1 : 0 },
    });
  }

  async deleteTemplate(templateId: number): Promise<void> {
    await this.client.request({
      endpoint: 'mail.deleteTemplate',
      method: 'DELETE',
      path: `${this.basePath}/deleteEmailTemplate`,
      query: { templateId },
    });
  }

  async setTemplateUserDomains(templateId: number, userDomains: string[]): Promise<void> {
    await this.client.request({
      endpoint: 'mail.templateUserDomainAuth',
      method: 'POST',
      path: `${this.basePath}/emailTemplateUserDomainAuth`,
      body: { templateId, userDomainList: userDomains },
    });
  }
}
