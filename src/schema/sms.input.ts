import { IsIn, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PLATFORM_ID_PATTERN, PLATFORM_ID_RULE } from './message-subscription.input';

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

  @Field({ description: "Provider access key id (write-only)." })
  @MinLength(1, { message: 'accessKey must not be empty' })
  @MaxLength(128, { message: 'accessKey must be at most 128 characters' })
  accessKey!: string;

  @Field({ description: 'Provider access secret (write-only).' })
  @MinLength(1, { message: 'accessSecret must not be empty' })
  @MaxLength(256, { message: 'accessSecret must be at most 256 characters' })
  accessSecret!: string;
}

@InputType({ description: 'Changes to an SMS account; omitted fields stay. Credentials are write-only.' })
export class UpdateSmsAccountInput {
  @Field(() => ID, { description: 'The account.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(50, { message: 'name must be at most 50 characters' })
  name?: string | null;

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

@ArgsType()
export class SetAccountEnabledArgs {
  @Field(() => ID, { description: 'The account.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  id!: string;

  @Field({ description: 'Whether the account is to be used for sending.' })
  enabled!: boolean;
}
