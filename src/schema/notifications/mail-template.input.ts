import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PLATFORM_ID_PATTERN, PLATFORM_ID_RULE } from '../ids';
import { MailTemplateType } from './mail-template-type.enum';

/** The placeholder a verification-code template must carry; the platform puts the one-time code there. */
export const CODE_PLACEHOLDER = '${code}';

// Lengths: the name limit matches what upstream answers 5448 for in the simulator; subject and content limits are
// our guess (none is published).
const NAME_MAX = 50;
const SUBJECT_MAX = 200;
const CONTENT_MAX = 20000;

@InputType({ description: 'A new mail template. It starts in review (PENDING) and disabled.' })
export class CreateMailTemplateInput {
  @Field({ description: `Template name, 1-${NAME_MAX} characters.` })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(NAME_MAX, { message: `name must be at most ${NAME_MAX} characters` })
  name!: string;

  @Field(() => MailTemplateType, { description: 'What the template is for (INFERRED platform codes).' })
  type!: MailTemplateType;

  @Field({ description: `Mail subject, 1-${SUBJECT_MAX} characters.` })
  @MinLength(1, { message: 'subject must not be empty' })
  @MaxLength(SUBJECT_MAX, { message: `subject must be at most ${SUBJECT_MAX} characters` })
  subject!: string;

  @Field({ description: `Mail body (HTML allowed), 1-${CONTENT_MAX} characters; a VERIFICATION_CODE template must contain \`${CODE_PLACEHOLDER}\`.` })
  @MinLength(1, { message: 'content must not be empty' })
  @MaxLength(CONTENT_MAX, { message: `content must be at most ${CONTENT_MAX} characters` })
  content!: string;
}

@InputType({
  description: 'Changes to a mail template; omitted fields stay. Changing type, subject or content sends it back to review and disables it.',
})
export class UpdateMailTemplateInput {
  @Field(() => ID, { description: 'The template.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(NAME_MAX, { message: `name must be at most ${NAME_MAX} characters` })
  name?: string | null;

  @Field(() => MailTemplateType, { nullable: true, description: 'New purpose.' })
  @IsOptional()
  type?: MailTemplateType | null;

  @Field(() => String, { nullable: true, description: 'New subject.' })
  @IsOptional()
  @MinLength(1, { message: 'subject must not be empty' })
  @MaxLength(SUBJECT_MAX, { message: `subject must be at most ${SUBJECT_MAX} characters` })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: `New body; a VERIFICATION_CODE template must contain \`${CODE_PLACEHOLDER}\`.` })
  @IsOptional()
  @MinLength(1, { message: 'content must not be empty' })
  @MaxLength(CONTENT_MAX, { message: `content must be at most ${CONTENT_MAX} characters` })
  content?: string | null;
}

@ArgsType()
export class SetMailTemplateEnabledArgs {
  @Field(() => ID, { description: 'The template.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  id!: string;

  @Field({ description: 'Whether the template is to be used; only an APPROVED template can be enabled.' })
  enabled!: boolean;
}
