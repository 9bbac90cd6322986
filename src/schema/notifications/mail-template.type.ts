import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../connection.type';
import { MailTemplateType } from './mail-template-type.enum';
import { MailTemplateReview } from './mail-template-review.enum';

@ObjectType({
  description:
    'A mail template the platform sends to end users of the authorized user domains. Served by endpoints the platform does not document publicly; their path is set by QUEC_PATH_MAIL.',
})
export class MailTemplate {
  @Field(() => ID, { description: 'Platform template id.' })
  id!: string;

  @Field({ description: 'Template name.' })
  name!: string;

  @Field(() => MailTemplateType, {
    nullable: true,
    description: 'What the template is for; null when the platform reports a type this service does not know.',
  })
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
