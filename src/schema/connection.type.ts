import { Field, Int, ObjectType } from 'type-graphql';
import { Device } from './devices/device.type';
import { Product } from './catalog/product.type';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow the last edge.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede the first edge.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'A product in a list.' })
export class ProductEdge {
  @Field({ description: 'Opaque position of this product in the list.' })
  cursor!: string;

  @Field(() => Product, { description: 'The product.' })
  node!: Product;
}

@ObjectType({ description: 'A page of products.' })
export class ProductConnection {
  @Field(() => [ProductEdge], { description: 'The products of this page.' })
  edges!: ProductEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of products in the whole list.' })
  totalCount!: number;
}

@ObjectType({ description: 'A device in a list.' })
export class DeviceEdge {
  @Field({ description: 'Opaque position of this device in the list.' })
  cursor!: string;

  @Field(() => Device, { description: 'The device.' })
  node!: Device;
}

@ObjectType({ description: 'A page of devices.' })
export class DeviceConnection {
  @Field(() => [DeviceEdge], { description: 'The devices of this page.' })
  edges!: DeviceEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of devices in the whole list.' })
  totalCount!: number;
}

@ObjectType({ description: "A sub-device in a gateway's list." })
export class SubDeviceEdge {
  @Field({ description: 'Opaque position of this sub-device in the list.' })
  cursor!: string;

  @Field(() => Device, { description: 'The sub-device.' })
  node!: Device;

  @Field({ description: 'Whether the sub-device is connected through this gateway right now.' })
  current!: boolean;
}

@ObjectType({ description: "A page of a gateway's sub-devices." })
export class SubDeviceConnection {
  @Field(() => [SubDeviceEdge], { description: 'The sub-devices of this page.' })
  edges!: SubDeviceEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of sub-devices associated with the gateway.' })
  totalCount!: number;
}
