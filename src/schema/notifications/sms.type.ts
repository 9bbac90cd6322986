import { Field, ID, ObjectType } from 'type-graphql';
import { SmsApproval } from './sms-approval.enum';
import { Connection } from '../connection.type';

@ObjectType({
  description:
    'An SMS provider account of the enterprise. Its provider key pair is write-only and never shown. Served by endpoints the platform does not document publicly; their path is set by QUEC_PATH_SMS.',
})
export class SmsAccount {
  @Field(() => ID, { description: 'Platform account id.' })
  id!: string;

  @Field({ description: 'Account name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'SMS provider, e.g. aliyun.' })
  platform!: string | null;

  @Field({ description: 'Whether the account is used for sending.' })
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the account was added.' })
  createdAt!: Date | null;
}

export const SmsAccountConnection = Connection(SmsAccount, {
  name: 'SmsAccount',
  description: 'A page of SMS accounts.',
  edges: 'The SMS accounts of this page.',
  totalCount: 'Number of SMS accounts in the whole list.',
  edge: { description: 'An SMS account in a list.', cursor: 'Opaque position in the list.', node: 'The SMS account.' },
});

@ObjectType({ description: 'An SMS signature registered with the provider.' })
export class SmsSignature {
  @Field(() => ID, { description: 'Platform signature id (ssid), e.g. C1.' })
  id!: string;

  @Field({ description: 'Signature text.' })
  text!: string;

  @Field(() => SmsApproval, { description: 'Provider review state.' })
  approval!: SmsApproval;

  @Field({ description: 'Whether the signature is enabled.' })
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the signature was added.' })
  createdAt!: Date | null;

  @Field(() => [String], { description: 'User domains (Apps), e.g. C.DM.5715.1, allowed to send with this signature; empty when none.' })
  authorizedUserDomains!: string[];
}

export const SmsSignatureConnection = Connection(SmsSignature, {
  name: 'SmsSignature',
  description: 'A page of SMS signatures.',
  edges: 'The SMS signatures of this page.',
  totalCount: 'Number of SMS signatures in the whole list.',
  edge: { description: 'An SMS signature in a list.', cursor: 'Opaque position in the list.', node: 'The SMS signature.' },
});

@ObjectType({ description: 'An SMS template registered with the provider.' })
export class SmsTemplate {
  @Field(() => ID, { description: 'Platform template id (stid), e.g. C1.' })
  id!: string;

  @Field({ description: 'Template name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: "The provider's own template id." })
  providerTemplateId!: string | null;

  @Field(() => String, { nullable: true, description: 'Template text with ${...} placeholders.' })
  content!: string | null;

  @Field(() => SmsApproval, { description: 'Provider review state.' })
  approval!: SmsApproval;

  @Field({ description: 'Whether the template is enabled.' })
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the template was added.' })
  createdAt!: Date | null;

  @Field(() => [String], { description: 'User domains (Apps), e.g. C.DM.5715.1, allowed to send with this template; empty when none.' })
  authorizedUserDomains!: string[];
}

export const SmsTemplateConnection = Connection(SmsTemplate, {
  name: 'SmsTemplate',
  description: 'A page of SMS templates.',
  edges: 'The SMS templates of this page.',
  totalCount: 'Number of SMS templates in the whole list.',
  edge: { description: 'An SMS template in a list.', cursor: 'Opaque position in the list.', node: 'The SMS template.' },
});
