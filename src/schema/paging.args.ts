import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/**
 * Relay paging in both directions. `first` (with `after`) reads forward, `last` (with `before`) reads backward; with
 * neither, the first DEFAULT_PAGE items. `after` and `before` may be combined to bound the window on both sides.
 * Giving both `first` and `last` is refused (resolvers/connection.ts) rather than guessed at.
 */
@ArgsType()
export class PagingArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Items from the start of the window, 1 to ${MAX_PAGE} (${DEFAULT_PAGE} when neither \`first\` nor \`last\` is given); not with \`last\`.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE, { message: `first must be at most ${MAX_PAGE}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '`endCursor` of the previous page; omit for the first page.' })
  @IsOptional()
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Items from the end of the window, 1 to ${MAX_PAGE}, to page backward; not with \`first\`.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'last must be at least 1' })
  @Max(MAX_PAGE, { message: `last must be at most ${MAX_PAGE}` })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: '`startCursor` of the following page, to page backward; omit to end the window at the end of the list.',
  })
  @IsOptional()
  before?: string | null;
}
