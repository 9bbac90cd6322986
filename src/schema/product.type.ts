import { Directive, Field, ObjectType } from 'type-graphql';
import { AccessType, DataFormat, NetworkType } from './enums';

@Directive('@key(fields: "productKey")')
@ObjectType({ description: 'A product: a device model registered on the platform, with its thing model.' })
export class Product {
  @Field({ description: 'Platform product key (PK), e.g. p11v14.' })
  productKey!: string;

  @Field({ description: 'Product name.' })
  name!: string;

  @Field(() => AccessType, { description: 'Direct device, gateway, or gateway sub-device.' })
  accessType!: AccessType;

  @Field(() => DataFormat, { description: 'Thing model or transparent payloads.' })
  dataFormat!: DataFormat;

  @Field(() => NetworkType, { nullable: true, description: 'Network the devices use.' })
  network!: NetworkType | null;

  @Field(() => String, { nullable: true, description: 'URL of the product logo.' })
  logoUrl!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the product was created.' })
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the product was last changed; null if never.' })
  updatedAt!: Date | null;
}
