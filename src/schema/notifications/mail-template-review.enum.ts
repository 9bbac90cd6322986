import { registerEnumType } from 'type-graphql';

export enum MailTemplateReview {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(MailTemplateReview, {
  name: 'MailTemplateReview',
  description: "The platform's review of a mail template (codes 0-2, INFERRED). Only an approved template can be enabled.",
  valuesConfig: {
    PENDING: { description: 'In review (0): new templates, and templates whose type, subject or content changed.' },
    APPROVED: { description: 'Approved (1); the template may be enabled.' },
    REJECTED: { description: 'Rejected (2); see reviewNote, change the template to have it reviewed again.' },
    UNKNOWN: { description: 'A state this service does not know yet.' },
  },
});
