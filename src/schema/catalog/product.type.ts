import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DetailField } from '../detail-field';
import { AccessType } from './access-type.enum';
import { DataFormat } from './data-format.enum';
import { NetworkType } from './network-type.enum';
import { Connection } from '../connection.type';

@Directive('@key(fields: "productKey")')
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A product: a device model registered on the platform, with its thing model.' })
export class Product {
  @Field(() => ID, {
    description: 'Opaque, stable, globally unique id derived from the key; clients normalise their caches by it, and it is a federation key too.',
  })
  /** Computed from the key by `resolvers/global-id.resolver.ts`; sources never carry it. */
  id?: string;

  @Field({ description: 'Platform product key (PK), e.g. p11v14.' })
  productKey!: string;

  @Field({ description: 'Product name.' })
  @DetailField()
  name!: string;

  @Field(() => AccessType, { description: 'Direct device, gateway, or gateway sub-device.' })
  @DetailField()
  accessType!: AccessType;

  @Field(() => DataFormat, { description: 'Thing model or transparent payloads.' })
  @DetailField()
  dataFormat!: DataFormat;

  @Field(() => NetworkType, { nullable: true, description: 'Network the devices use.' })
  @DetailField()
  network!: NetworkType | null;

  @Field(() => String, { nullable: true, description: 'URL of the product logo.' })
  @DetailField()
  logoUrl!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the product was created.' })
  @DetailField()
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the product was last changed; null if never.' })
  @DetailField()
  updatedAt!: Date | null;
}

/** What a resolver may hand over as a Product: the key always, other fields when already known. */
export type ProductSource = Pick<Product, 'productKey'> & Partial<Product>;

export const ProductConnection = Connection(Product, {
  name: 'Product',
  description: 'A page of products.',
  edges: 'The products of this page.',
  totalCount: 'Number of products in the whole list.',
  edge: { description: 'A product in a list.', cursor: 'Opaque position of this product in the list.', node: 'The product.' },
});
