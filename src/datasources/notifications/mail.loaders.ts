import DataLoader from 'dataloader';
import type { Page } from '../platform/page';
import { settleEach } from '../platform/per-key';
import { servedPageSize } from '../platform/paged-window';
import type { MailAccountDto, MailApi } from './mail.api';

export interface MailLoaders {
  mailAccountPage: DataLoader<number, Page<MailAccountDto>>;
  /** From the account list (the detail call is not used: its response shape is unpublished); null for an unknown id. */
  mailAccountById: DataLoader<number, MailAccountDto | null>;
}

export function createMailLoaders(api: MailApi, pageSize: number): MailLoaders {
  const mailAccountPage = new DataLoader<number, Page<MailAccountDto>>((pageNums) =>
    settleEach(pageNums, (pageNum) => api.listAccounts({ pageNum, pageSize })),
  );
  const mailAccountById = new DataLoader<number, MailAccountDto | null>(async (ids) => {
    const first = await mailAccountPage.load(1);
    const pages = Math.ceil(first.total / servedPageSize(first, 1, pageSize));
    const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => mailAccountPage.load(i + 2)));
    const rows = [first, ...rest].flatMap((page) => page.rows);
    return ids.map((id) => rows.find((row) => Number(row.accountId) === id) ?? null);
  });
  return { mailAccountPage, mailAccountById };
}
