import type { MailAccount } from '../schema/mail.type';
import type { MailAccountDto } from './mail.api';
import { toDate } from './time';

export function toMailAccount(dto: MailAccountDto): MailAccount {
  return {
    id: String(dto.accountId),
    name: dto.accountName,
    smtpServer: dto.smtpServer || null,
    smtpPort: dto.smtpPort ?? null,
    username: dto.account || null,
    senderAddress: dto.senderAddress || null,
    enabled: dto.enabled === 1,
    createdAt: toDate(dto.createTime),
  };
}
