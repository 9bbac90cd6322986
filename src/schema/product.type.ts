import { Directive, Field, ObjectType, UseMiddleware } from 'type-graphql';
import { AccessType, DataFormat, NetworkType } from './enums';
import { LoadProductDetail } from './product-detail.middleware';

@Directive('@key(fields: "productKey")')
@ObjectType({ description: 'A product: a device model registered on the platform, with its thing model.' })
export class Product {
  @Field({ description: 'Platform product key (PK), e.g. p11v14.' })
  productKey!: string;

  @Field({ description: 'Product name.' })
  @UseMiddleware(LoadProductDetail)
  name!: string;

  @Field(() => AccessType, { description: 'Direct device, gateway, or gateway sub-device.' })
  @UseMiddleware(LoadProductDetail)
  accessType!: AccessType;

  @Field(() => DataFormat, { description: 'Thing model or transparent payloads.' })
  @UseMiddleware(LoadProductDetail)
  dataFormat!: DataFormat;

  @Field(() => NetworkType, { nullable: true, description: 'Network the devices use.' })
  @UseMiddleware(LoadProductDetail)
  network!: NetworkType | null;

  @Field(() => String, { nullable: true, description: 'URL of the product logo.' })
  @UseMiddleware(LoadProductDetail)
  logoUrl!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the product was created.' })
  @UseMiddleware(LoadProductDetail)
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the product was last changed; null if never.' })
  @UseMiddleware(LoadProductDetail)
  updatedAt!: Date | null;
}

/** What a resolver may hand over as a Product: the key always, other fields when already known. */
export type ProductSource = Pick<Product, 'productKey'> & Partial<Product>;
