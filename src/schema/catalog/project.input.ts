import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PLATFORM_ID_PATTERN, PLATFORM_ID_RULE } from '../ids';

/** Limits of the simulator's reading of project/{id}/edit; the platform's own are unpublished (reference §11.1). */
export const MAX_PROJECT_NAME = 32;
export const MAX_PROJECT_DESCRIPTION = 200;

@InputType({ description: 'Changes to a project; omitted fields stay.' })
export class UpdateProjectInput {
  @Field(() => ID, { description: 'The project.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  id!: string;

  @Field(() => String, { nullable: true, description: `New name, 1-${MAX_PROJECT_NAME} characters, unique among the enterprise's projects.` })
  @IsOptional()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(MAX_PROJECT_NAME, { message: `name must be at most ${MAX_PROJECT_NAME} characters` })
  name?: string | null;

  @Field(() => String, { nullable: true, description: `New description, at most ${MAX_PROJECT_DESCRIPTION} characters; an empty string clears it.` })
  @IsOptional()
  @MaxLength(MAX_PROJECT_DESCRIPTION, { message: `description must be at most ${MAX_PROJECT_DESCRIPTION} characters` })
  description?: string | null;
}
