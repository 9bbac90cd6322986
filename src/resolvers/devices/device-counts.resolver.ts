import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Product } from '../../schema/catalog/product.type';
import { DeviceCounts, type DeviceCountsSource } from '../../schema/devices/device-counts.type';
import { DeviceStatus } from '../../schema/devices/device-status.enum';
import { deviceListOf } from './device-connection';

@Resolver(() => Product)
export class ProductDeviceCountsResolver {
  @FieldResolver(() => DeviceCounts, { description: 'How many devices the product has, by state; only the counts selected are read.' })
  deviceCounts(@Root() product: Product): DeviceCountsSource {
    return { productKey: product.productKey };
  }
}

/**
 * Each count is the total of the platform's device list with one documented filter (reference §6.3), read by the
 * `deviceCount` loader: from a page of that list read in the same request when there is one, else `pageSize=1`.
 */
@Resolver(() => DeviceCounts)
export class DeviceCountsResolver {
  @FieldResolver(() => Int)
  total(@Root() { productKey }: DeviceCountsSource, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.deviceCount.load(deviceListOf(productKey, {}));
  }

  @FieldResolver(() => Int)
  online(@Root() { productKey }: DeviceCountsSource, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.deviceCount.load(deviceListOf(productKey, { status: DeviceStatus.ONLINE }));
  }

  @FieldResolver(() => Int)
  offline(@Root() { productKey }: DeviceCountsSource, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.deviceCount.load(deviceListOf(productKey, { status: DeviceStatus.OFFLINE }));
  }

  @FieldResolver(() => Int)
  activated(@Root() { productKey }: DeviceCountsSource, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.deviceCount.load(deviceListOf(productKey, { activated: true }));
  }
}
