import { Matches } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { PLATFORM_ID_PATTERN, PLATFORM_ID_RULE } from './ids';

/** The one argument of the queries and mutations that address an item by its platform id. */
@ArgsType()
export class PlatformIdArgs {
  @Field(() => ID, { description: 'Platform id.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  id!: string;
}
