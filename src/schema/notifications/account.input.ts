import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PLATFORM_ID_PATTERN, PLATFORM_ID_RULE } from '../ids';

/** The fields every "change a sender account" input shares (SMS provider accounts §11.7, SMTP accounts §11.8). */
@InputType({ description: 'The fields every change of a sender account shares.' })
export abstract class AccountChangesInput {
  @Field(() => ID, { description: 'The account.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(50, { message: 'name must be at most 50 characters' })
  name?: string | null;
}

/** Enabling or disabling an SMS or SMTP account. */
@ArgsType()
export class SetAccountEnabledArgs {
  @Field(() => ID, { description: 'The account.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  id!: string;

  @Field({ description: 'Whether the account is to be used for sending.' })
  enabled!: boolean;
}
