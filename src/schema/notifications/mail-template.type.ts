import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../connection.type';

export enum MailTemplateType {
  VERIFICATION_CODE = 'VERIFICATION_CODE',
  NOTIFICATION = 'NOTIFICATION',
}
registerEnumType(MailTemplateType, {
  name: 'MailTemplateType',
  description: 'What a mail template is for. The platform codes (1, 2) and their meaning are INFERRED (reference §11.8).',
  valuesConfig: {
    VERIFICATION_CODE: { description: 'Sign-up, sign-in or reset mail carrying a one-time code; the content must contain `${code}` (platform type 1).' },
    NOTIFICATION: { description: 'Any other mail to end users (platform type 2).' },
  },
});

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

@ObjectType({ description: 'A mail template the platform sends to end users of the authorized user domains. Inferred endpoints (reference §11.8).' })
export class MailTemplate {
  @Field(() => ID, { description: 'Platform template id.' })
  id!: string;

  @Field({ description: 'Template name.' })
  name!: string;

  @Field(() => MailTemplateType, { nullable: true, description: 'What the template is for; null when the platform reports a type this service does not know.' })
  type!: MailTemplateType | null;

  @Field(() => String, { nullable: true, description: 'Mail subject.' })
  subject!: string | null;

  @Field(() => MailTemplateReview, { description: "The platform's review of the template." })
  review!: MailTemplateReview;

  @Field(() => String, { nullable: true, description: "The reviewers' reason; set only while the template is REJECTED." })
  reviewNote!: string | null;

  @Field({ description: 'Whether the template is in use.' })
  enabled!: boolean;

  @Field(() => [String], { description: 'User domains (Apps) allowed to use the template, e.g. C.DM.5715.1.' })
  authorizedUserDomains!: string[];

  @Field(() => Date, { nullable: true, description: 'When the template was added.' })
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the template last changed.' })
  updatedAt!: Date | null;

  /** Never set from a list row (rows carry no content); the `content` field resolver loads it on demand. */
  content?: string | null;
}

export const MailTemplateConnection = Connection(MailTemplate, {
  name: 'MailTemplate',
  description: 'A page of mail templates.',
  edges: 'The mail templates of this page.',
  totalCount: 'Number of mail templates in the whole list.',
  edge: { description: 'A mail template in a list.', cursor: 'Opaque position in the list.', node: 'The mail template.' },
});
