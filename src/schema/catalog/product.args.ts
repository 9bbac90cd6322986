import { Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PRODUCT_KEY_PATTERN, PRODUCT_KEY_RULE } from '../keys';

@ArgsType()
export class ProductKeyArgs {
  @Field({ description: 'Product key (PK).' })
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey!: string;
}
