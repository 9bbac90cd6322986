import type { MailAccount } from '../../schema/notifications/mail.type';
import type { MailAccountDto } from '../../datasources/notifications/mail.api';
import { toDate } from '../../datasources/platform/time';

/** The authorized user domains of a row: entries that are not domain strings are dropped, a missing list is []. */
export function toUserDomainList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry !== '') : [];
}

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
    authorizedUserDomains: toUserDomainList(dto.userDomainList),
  };
}
