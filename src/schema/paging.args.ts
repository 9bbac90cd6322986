import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

@ArgsType()
export class PagingArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE, description: `Number of items to return, 1 to ${MAX_PAGE}.` })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE, { message: `first must be at most ${MAX_PAGE}` })
  first: number = DEFAULT_PAGE;

  @Field(() => String, { nullable: true, description: '`endCursor` of the previous page; omit for the first page.' })
  @IsOptional()
  after?: string | null;
}
