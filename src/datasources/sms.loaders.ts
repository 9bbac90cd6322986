import DataLoader from 'dataloader';
import type { Page } from './page';
import { settleEach } from './per-key';
import type { SmsAccountDto, SmsApi, SmsSignDto, SmsTemplateDto } from './sms.api';

export interface SmsLoaders {
  smsAccountPage: DataLoader<number, Page<SmsAccountDto>>;
  /** From the account list (there is no detail call, reference §11.7); null for an unknown id. */
  smsAccountById: DataLoader<number, SmsAccountDto | null>;
  smsSignPage: DataLoader<number, Page<SmsSignDto>>;
  smsTemplatePage: DataLoader<number, Page<SmsTemplateDto>>;
}

export function createSmsLoaders(api: SmsApi, pageSize: number): SmsLoaders {
  const smsAccountPage = new DataLoader<number, Page<SmsAccountDto>>((pageNums) => settleEach(pageNums, (pageNum) => api.listAccounts({ pageNum, pageSize })));
  const smsAccountById = new DataLoader<number, SmsAccountDto | null>(async (ids) => {
    const first = await smsAccountPage.load(1);
    const pages = Math.ceil(first.total / pageSize);
    const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => smsAccountPage.load(i + 2)));
    const rows = [first, ...rest].flatMap((page) => page.rows);
    return ids.map((id) => rows.find((row) => Number(row.accountId) === id) ?? null);
  });
  const smsSignPage = new DataLoader<number, Page<SmsSignDto>>((pageNums) => settleEach(pageNums, (pageNum) => api.listSignatures({ pageNum, pageSize })));
  const smsTemplatePage = new DataLoader<number, Page<SmsTemplateDto>>((pageNums) => settleEach(pageNums, (pageNum) => api.listTemplates({ pageNum, pageSize })));
  return { smsAccountPage, smsAccountById, smsSignPage, smsTemplatePage };
}
