import { IsIn, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { UserDomainSetField } from '../end-users/user-domain-set.field';
import { AccountChangesInput } from './account.input';

export const SMS_PLATFORMS = ['aliyun', 'tencent', 'huawei', 'twilio'];

@InputType({ description: 'A new SMS provider account. accessKey and accessSecret are write-only: sent to the platform, never returned.' })
export class CreateSmsAccountInput {
  @Field({ description: 'Account name, 1-50 characters, unique.' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(50, { message: 'name must be at most 50 characters' })
  name!: string;

  @Field({ description: `SMS provider: ${SMS_PLATFORMS.join(', ')} (inferred list).` })
  @IsIn(SMS_PLATFORMS, { message: `platform must be one of ${SMS_PLATFORMS.join(', ')}` })
  platform!: string;

  @Field({ description: 'Provider access key id (write-only).' })
  @MinLength(1, { message: 'accessKey must not be empty' })
  @MaxLength(128, { message: 'accessKey must be at most 128 characters' })
  accessKey!: string;

  @Field({ description: 'Provider access secret (write-only).' })
  @MinLength(1, { message: 'accessSecret must not be empty' })
  @MaxLength(256, { message: 'accessSecret must be at most 256 characters' })
  accessSecret!: string;
}

@InputType({ description: 'Changes to an SMS account; omitted fields stay. Credentials are write-only.' })
export class UpdateSmsAccountInput extends AccountChangesInput {
  @Field(() => String, { nullable: true, description: 'New provider access key id (write-only); give it with accessSecret.' })
  @IsOptional()
  @MinLength(1, { message: 'accessKey must not be empty' })
  @MaxLength(128, { message: 'accessKey must be at most 128 characters' })
  accessKey?: string | null;

  @Field(() => String, { nullable: true, description: 'New provider access secret (write-only); give it with accessKey.' })
  @IsOptional()
  @MinLength(1, { message: 'accessSecret must not be empty' })
  @MaxLength(256, { message: 'accessSecret must be at most 256 characters' })
  accessSecret?: string | null;
}

/** Signature and template ids (ssid, stid) are short platform strings such as "C1" (reference §11.7). */
export const SMS_ITEM_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
export const SMS_ITEM_ID_RULE = 'id must be 1-32 letters, digits, "_" or "-", e.g. C1';
/** Provider limits (the usual Aliyun/Tencent rules, INFERRED): signature 2-12 characters, template text ≤500. */
export const SMS_SIGNATURE_MIN = 2;
export const SMS_SIGNATURE_MAX = 12;
export const SMS_TEMPLATE_CONTENT_MAX = 500;

@InputType({ description: 'A new SMS signature, submitted to the provider for review.' })
export class CreateSmsSignatureInput {
  @Field({ description: `Signature text, ${SMS_SIGNATURE_MIN}-${SMS_SIGNATURE_MAX} characters, not blank, unique among the signatures.` })
  @MinLength(SMS_SIGNATURE_MIN, { message: `text must be at least ${SMS_SIGNATURE_MIN} characters` })
  @MaxLength(SMS_SIGNATURE_MAX, { message: `text must be at most ${SMS_SIGNATURE_MAX} characters` })
  @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;
}

@InputType({ description: "A new SMS template, naming the provider's own template; submitted for review." })
export class CreateSmsTemplateInput {
  @Field({ description: 'Template name, 1-50 characters.' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(50, { message: 'name must be at most 50 characters' })
  name!: string;

  @Field({ description: 'The provider\'s template id, e.g. SMS_2045: 1-64 letters, digits, ".", "_" or "-".' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'providerTemplateId must be 1-64 letters, digits, ".", "_" or "-", e.g. SMS_2045' })
  providerTemplateId!: string;

  @Field({ description: `Template text with \${...} placeholders, 1-${SMS_TEMPLATE_CONTENT_MAX} characters.` })
  @MinLength(1, { message: 'content must not be empty' })
  @MaxLength(SMS_TEMPLATE_CONTENT_MAX, { message: `content must be at most ${SMS_TEMPLATE_CONTENT_MAX} characters` })
  content!: string;
}

@ArgsType()
export class SmsSignatureIdArgs {
  @Field(() => ID, { description: 'SMS signature id (ssid), e.g. C1.' })
  @Matches(SMS_ITEM_ID_PATTERN, { message: SMS_ITEM_ID_RULE })
  id!: string;
}

@ArgsType()
export class SmsTemplateIdArgs {
  @Field(() => ID, { description: 'SMS template id (stid), e.g. C1.' })
  @Matches(SMS_ITEM_ID_PATTERN, { message: SMS_ITEM_ID_RULE })
  id!: string;
}

@ArgsType()
export class SetSmsSignatureEnabledArgs extends SmsSignatureIdArgs {
  @Field({ description: 'Whether the signature may be used for sending.' })
  enabled!: boolean;
}

@ArgsType()
export class SetSmsTemplateEnabledArgs extends SmsTemplateIdArgs {
  @Field({ description: 'Whether the template may be used for sending.' })
  enabled!: boolean;
}

@ArgsType()
export class SetSmsSignatureUserDomainsArgs extends SmsSignatureIdArgs {
  @UserDomainSetField()
  userDomains!: string[];
}

@ArgsType()
export class SetSmsTemplateUserDomainsArgs extends SmsTemplateIdArgs {
  @UserDomainSetField()
  userDomains!: string[];
}
