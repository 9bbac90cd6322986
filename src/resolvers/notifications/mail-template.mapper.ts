import { MailTemplateReview } from '../../schema/notifications/mail-template-review.enum';
import { MailTemplateType } from '../../schema/notifications/mail-template-type.enum';
import { type MailTemplate } from '../../schema/notifications/mail-template.type';
import type { MailTemplateDto } from '../../datasources/notifications/mail-template.api';
import { toUserDomainList } from './mail.mapper';
import { toDate } from '../../datasources/platform/time';

// Platform codes (reference §11.8, INFERRED).
const TYPES: Record<number, MailTemplateType> = { 1: MailTemplateType.VERIFICATION_CODE, 2: MailTemplateType.NOTIFICATION };
const REVIEWS: Record<number, MailTemplateReview> = { 0: MailTemplateReview.PENDING, 1: MailTemplateReview.APPROVED, 2: MailTemplateReview.REJECTED };

export const MAIL_TEMPLATE_TYPE_CODES: Record<MailTemplateType, number> = { VERIFICATION_CODE: 1, NOTIFICATION: 2 };

/** A list row; it carries no content, so `content` stays unset for the field resolver to load. */
export function toMailTemplate(dto: MailTemplateDto): MailTemplate {
  const review = REVIEWS[Number(dto.reviewStatus ?? -1)] ?? MailTemplateReview.UNKNOWN;
  return {
    id: String(dto.templateId),
    name: dto.templateName,
    type: TYPES[Number(dto.templateType ?? -1)] ?? null,
    subject: dto.subject || null,
    review,
    // A note left over from an earlier rejection says nothing about the current review.
    reviewNote: review === MailTemplateReview.REJECTED ? dto.reviewNote || null : null,
    enabled: Number(dto.enabled) === 1,
    authorizedUserDomains: toUserDomainList(dto.userDomainList),
    createdAt: toDate(dto.createTime),
    updatedAt: toDate(dto.updateTime),
  };
}
