import DataLoader from 'dataloader';
import type { Page } from '../platform/page';
import { settleEach } from '../platform/per-key';
import { servedPageSize } from '../platform/paged-window';
import type { SmsAccountDto, SmsApi, SmsSignDto, SmsTemplateDto } from './sms.api';

export interface SmsLoaders {
  smsAccountPage: DataLoader<number, Page<SmsAccountDto>>;
  /** From the account list (there is no detail call, reference §11.7); null for an unknown id. */
  smsAccountById: DataLoader<number, SmsAccountDto | null>;
  smsSignPage: DataLoader<number, Page<SmsSignDto>>;
  /** From the signature list (no detail call either); null for an unknown ssid. */
  smsSignById: DataLoader<string, SmsSignDto | null>;
  smsTemplatePage: DataLoader<number, Page<SmsTemplateDto>>;
  /** From the template list (no detail call either); null for an unknown stid. */
  smsTemplateById: DataLoader<string, SmsTemplateDto | null>;
}

/** Every row of a list, read through its page loader so pages already fetched in this request are not fetched again. */
async function allRows<T>(pages: DataLoader<number, Page<T>>, pageSize: number): Promise<T[]> {
  const first = await pages.load(1);
  const count = Math.ceil(first.total / servedPageSize(first, 1, pageSize));
  const rest = await Promise.all(Array.from({ length: Math.max(0, count - 1) }, (_, i) => pages.load(i + 2)));
  return [first, ...rest].flatMap((page) => page.rows);
}

export function createSmsLoaders(api: SmsApi, pageSize: number): SmsLoaders {
  const smsAccountPage = new DataLoader<number, Page<SmsAccountDto>>((pageNums) =>
    settleEach(pageNums, (pageNum) => api.listAccounts({ pageNum, pageSize })),
  );
  const smsAccountById = new DataLoader<number, SmsAccountDto | null>(async (ids) => {
    const rows = await allRows(smsAccountPage, pageSize);
    return ids.map((id) => rows.find((row) => Number(row.accountId) === id) ?? null);
  });
  const smsSignPage = new DataLoader<number, Page<SmsSignDto>>((pageNums) =>
    settleEach(pageNums, (pageNum) => api.listSignatures({ pageNum, pageSize })),
  );
  const smsSignById = new DataLoader<string, SmsSignDto | null>(async (ssids) => {
    const rows = await allRows(smsSignPage, pageSize);
    return ssids.map((ssid) => rows.find((row) => String(row.ssid) === ssid) ?? null);
  });
  const smsTemplatePage = new DataLoader<number, Page<SmsTemplateDto>>((pageNums) =>
    settleEach(pageNums, (pageNum) => api.listTemplates({ pageNum, pageSize })),
  );
  const smsTemplateById = new DataLoader<string, SmsTemplateDto | null>(async (stids) => {
    const rows = await allRows(smsTemplatePage, pageSize);
    return stids.map((stid) => rows.find((row) => String(row.stid) === stid) ?? null);
  });
  return { smsAccountPage, smsAccountById, smsSignPage, smsSignById, smsTemplatePage, smsTemplateById };
}
