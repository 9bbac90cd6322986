import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Product, ProductConnection } from '../../schema/catalog/product.type';
import { ThingModel } from '../../schema/catalog/thing-model.type';
import { DeviceConnection } from '../../schema/devices/device.type';
import { PagingArgs } from '../../schema/paging.args';
import { ProductKeyArgs } from '../../schema/catalog/product.args';
import { DeviceFilterArgs } from '../../schema/devices/device.args';
import { toProduct } from './product.mapper';
import { toThingModel } from './thing-model.mapper';
import { pageConnection } from '../connection';
import { deviceConnection, prefetchDeviceConnection } from '../devices/device-connection';
import { selectedChildArguments, startLoad } from '../selected-children';
import { RequiresScope } from '../../schema/requires-scope';

@Resolver(() => Product)
export class ProductResolver {
  @RequiresScope('read')
  @Query(() => ProductConnection, { description: 'Products authorized to this service, in platform order.' })
  products(@Args() paging: PagingArgs, @Ctx() ctx: Context) {
    return pageConnection(
      'products',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.productPage.load(pageNum),
      (row, cursor) => ({
        cursor,
        node: toProduct(row),
      }),
    );
  }

  @RequiresScope('read')
  @Query(() => Product, { nullable: true, description: 'One product by key; null when it does not exist.' })
  async product(@Args() { productKey }: ProductKeyArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Product | null> {
    const product = ctx.loaders.productByKey.load(productKey);
    // The device list and the thing model need only the key: read them beside the product, not one round trip after.
    for (const args of selectedChildArguments(info, 'devices')) prefetchDeviceConnection(productKey, args, ctx);
    if (selectedChildArguments(info, 'thingModel').length > 0) startLoad(() => ctx.loaders.thingModelByProduct.load(productKey));
    const dto = await product;
    return dto ? toProduct(dto) : null;
  }

  @FieldResolver(() => DeviceConnection, { description: "The product's devices." })
  devices(@Root() product: Product, @Args() args: DeviceFilterArgs, @Ctx() ctx: Context) {
    return deviceConnection(product.productKey, args, ctx);
  }

  @FieldResolver(() => ThingModel, {
    nullable: true,
    description: 'The published thing model; null for transparent products and products without one.',
  })
  async thingModel(@Root() product: Product, @Ctx() ctx: Context): Promise<ThingModel | null> {
    const doc = await ctx.loaders.thingModelByProduct.load(product.productKey);
    return doc ? toThingModel(doc) : null;
  }
}
