import { FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Product, type ProductSource } from '../schema/catalog/product.type';
import { Device, type DeviceSource } from '../schema/devices/device.type';
import { EndUser, type EndUserSource } from '../schema/end-users/end-user.type';
import { encodeGlobalId } from '../schema/global-id';

/**
 * The key fields each entity's `id` is made of, in order. `representation.ts` decodes an `id` back into them, so an
 * `_entities` representation by `id` reaches the same reference resolver as one by key.
 */
export const GLOBAL_ID_KEYS = {
  Product: ['productKey'],
  Device: ['productKey', 'deviceKey'],
  EndUser: ['uid'],
} as const satisfies Record<string, readonly string[]>;

// `id` is derived from the key every source carries: no upstream call, whatever handed the entity over.

@Resolver(() => Product)
export class ProductIdResolver {
  @FieldResolver(() => ID)
  id(@Root() product: ProductSource): string {
    return encodeGlobalId('Product', [product.productKey]);
  }
}

@Resolver(() => Device)
export class DeviceIdResolver {
  @FieldResolver(() => ID)
  id(@Root() device: DeviceSource): string {
    return encodeGlobalId('Device', [device.productKey, device.deviceKey]);
  }
}

@Resolver(() => EndUser)
export class EndUserIdResolver {
  @FieldResolver(() => ID)
  id(@Root() user: EndUserSource): string {
    return encodeGlobalId('EndUser', [user.uid]);
  }
}
