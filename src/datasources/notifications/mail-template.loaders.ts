import DataLoader from 'dataloader';
import type { Page } from '../platform/page';
import { perKey, settleEach } from '../platform/per-key';
import { servedPageSize } from '../platform/paged-window';
import type { MailTemplateApi, MailTemplateDto } from './mail-template.api';

export interface MailTemplateLoaders {
  mailTemplatePage: DataLoader<number, Page<MailTemplateDto>>;
  /** From the template list (there is no detail call, reference §11.8); null for an unknown id. */
  mailTemplateById: DataLoader<number, MailTemplateDto | null>;
  /**
   * Content by template id, one upstream call per distinct id (no multi-id call exists); null for a template that
   * is gone. List rows carry no content, so this runs only when a caller selects it.
   */
  mailTemplateContent: DataLoader<number, string | null>;
}

export function createMailTemplateLoaders(api: MailTemplateApi, pageSize: number): MailTemplateLoaders {
  const mailTemplatePage = new DataLoader<number, Page<MailTemplateDto>>((pageNums) =>
    settleEach(pageNums, (pageNum) => api.listTemplates({ pageNum, pageSize })),
  );
  const mailTemplateById = new DataLoader<number, MailTemplateDto | null>(async (ids) => {
    const first = await mailTemplatePage.load(1);
    const pages = Math.ceil(first.total / servedPageSize(first, 1, pageSize));
    const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => mailTemplatePage.load(i + 2)));
    const rows = [first, ...rest].flatMap((page) => page.rows);
    return ids.map((id) => rows.find((row) => Number(row.templateId) === id) ?? null);
  });
  const mailTemplateContent = new DataLoader<number, string | null>(async (ids) => {
    const results = await perKey(ids, (id) => api.getTemplateContent(id));
    return results.map((result) => (result === null || result instanceof Error ? result : (result.content ?? null)));
  });
  return { mailTemplatePage, mailTemplateById, mailTemplateContent };
}
