import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../connection.type';

@ObjectType({
  description:
    'An SMTP account end-user mail is sent through. Its password is write-only and never shown. Served by endpoints the platform does not document publicly; their path is set by QUEC_PATH_MAIL.',
})
export class MailAccount {
  @Field(() => ID, { description: 'Platform account id.' })
  id!: string;

  @Field({ description: 'Account name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'SMTP server host.' })
  smtpServer!: string | null;

  @Field(() => Int, { nullable: true, description: 'SMTP port.' })
  smtpPort!: number | null;

  @Field(() => String, { nullable: true, description: 'SMTP user name.' })
  username!: string | null;

  @Field(() => String, { nullable: true, description: 'Sender address.' })
  senderAddress!: string | null;

  @Field({ description: 'Whether the account is used for sending.' })
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the account was added.' })
  createdAt!: Date | null;

  @Field(() => [String], { description: 'User domains (Apps) allowed to send through the account, e.g. C.DM.5715.1.' })
  authorizedUserDomains!: string[];
}

export const MailAccountConnection = Connection(MailAccount, {
  name: 'MailAccount',
  description: 'A page of SMTP accounts.',
  edges: 'The SMTP accounts of this page.',
  totalCount: 'Number of SMTP accounts in the whole list.',
  edge: { description: 'An SMTP account in a list.', cursor: 'Opaque position in the list.', node: 'The SMTP account.' },
});
