import { SmsApproval } from '../../schema/notifications/sms-approval.enum';
import type { SmsAccount, SmsSignature, SmsTemplate } from '../../schema/notifications/sms.type';
import type { SmsAccountDto, SmsSignDto, SmsTemplateDto } from '../../datasources/notifications/sms.api';
import { toDate } from '../../datasources/platform/time';

const approvals: Record<number, SmsApproval> = { 0: SmsApproval.PENDING, 1: SmsApproval.APPROVED, 2: SmsApproval.REJECTED };

export function toSmsAccount(dto: SmsAccountDto): SmsAccount {
  return {
    id: String(dto.accountId),
    name: dto.accountName,
    platform: dto.smsPlatform || null,
    enabled: dto.enabled === 1,
    createdAt: toDate(dto.createTime),
  };
}

/** Rows from before authorization existed, or with odd entries, read as "no domains" rather than failing. */
function toUserDomains(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((domain): domain is string => typeof domain === 'string' && domain !== '') : [];
}

export function toSmsSignature(dto: SmsSignDto): SmsSignature {
  return {
    id: dto.ssid,
    text: dto.signName,
    approval: approvals[dto.status ?? -1] ?? SmsApproval.UNKNOWN,
    enabled: dto.enabled === 1,
    createdAt: toDate(dto.createTime),
    authorizedUserDomains: toUserDomains(dto.userDomainList),
  };
}

export function toSmsTemplate(dto: SmsTemplateDto): SmsTemplate {
  return {
    id: dto.stid,
    name: dto.templateName,
    providerTemplateId: dto.thirdTemplateId || null,
    content: dto.content || null,
    approval: approvals[dto.status ?? -1] ?? SmsApproval.UNKNOWN,
    enabled: dto.enabled === 1,
    createdAt: toDate(dto.createTime),
    authorizedUserDomains: toUserDomains(dto.userDomainList),
  };
}
