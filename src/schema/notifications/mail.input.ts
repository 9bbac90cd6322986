import { IsEmail, IsInt, IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { UserDomainSetField } from '../end-users/user-domain-set.field';
import { AccountChangesInput } from './account.input';
import { PLATFORM_ID_PATTERN, PLATFORM_ID_RULE } from '../ids';

const HOST_PATTERN = /^[A-Za-z0-9.-]{1,253}$/;

@InputType({ description: 'A new SMTP account. The password is write-only: sent to the platform, never returned.' })
export class CreateMailAccountInput {
  @Field({ description: 'Account name, 1-50 characters.' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(50, { message: 'name must be at most 50 characters' })
  name!: string;

  @Field({ description: 'SMTP server host.' })
  @Matches(HOST_PATTERN, { message: 'smtpServer must be a host name' })
  smtpServer!: string;

  @Field(() => Int, { description: 'SMTP port, 1-65535.' })
  @IsInt()
  @Min(1, { message: 'smtpPort must be 1-65535' })
  @Max(65535, { message: 'smtpPort must be 1-65535' })
  smtpPort!: number;

  @Field({ description: 'SMTP user name.' })
  @MinLength(1, { message: 'username must not be empty' })
  @MaxLength(128, { message: 'username must be at most 128 characters' })
  username!: string;

  @Field({ description: 'SMTP password (write-only).' })
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(256, { message: 'password must be at most 256 characters' })
  password!: string;

  @Field({ description: 'Sender address.' })
  @IsEmail({}, { message: 'senderAddress must be an e-mail address' })
  senderAddress!: string;
}

@InputType({ description: 'Changes to an SMTP account; omitted fields stay. The password is write-only.' })
export class UpdateMailAccountInput extends AccountChangesInput {
  @Field(() => String, { nullable: true, description: 'New SMTP server host.' })
  @IsOptional()
  @Matches(HOST_PATTERN, { message: 'smtpServer must be a host name' })
  smtpServer?: string | null;

  @Field(() => Int, { nullable: true, description: 'New SMTP port.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'smtpPort must be 1-65535' })
  @Max(65535, { message: 'smtpPort must be 1-65535' })
  smtpPort?: number | null;

  @Field(() => String, { nullable: true, description: 'New SMTP user name.' })
  @IsOptional()
  @MinLength(1, { message: 'username must not be empty' })
  @MaxLength(128, { message: 'username must be at most 128 characters' })
  username?: string | null;

  @Field(() => String, { nullable: true, description: 'New SMTP password (write-only).' })
  @IsOptional()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(256, { message: 'password must be at most 256 characters' })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'New sender address.' })
  @IsOptional()
  @IsEmail({}, { message: 'senderAddress must be an e-mail address' })
  senderAddress?: string | null;
}

@ArgsType()
export class SetMailUserDomainsArgs {
  @Field(() => ID, { description: 'The SMTP account or mail template.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  id!: string;

  @UserDomainSetField()
  userDomains!: string[];
}
