import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Device, DeviceConnection, type DeviceSource, SubDeviceConnection } from '../../schema/devices/device.type';
import { DeviceResources } from '../../schema/devices/device-resources.type';
import { Product } from '../../schema/catalog/product.type';
import { DeviceKeyArgs, ProductDevicesArgs } from '../../schema/devices/device.args';
import { PagingArgs } from '../../schema/paging.args';
import { AccessType } from '../../schema/catalog/access-type.enum';
import { NotFoundError } from '../../errors';
import { toDevice, toDeviceResources, toGatewayDevice } from './device.mapper';
import { toAccessType, toProduct } from '../catalog/product.mapper';
import { emptyConnection, pageConnection, sliceOf } from '../connection';
import { deviceConnection } from './device-connection';
import { selectedChildArguments, startLoad } from '../selected-children';
import { RequiresScope } from '../../schema/requires-scope';

@Resolver(() => Device)
export class DeviceResolver {
  @RequiresScope('read')
  @Query(() => DeviceConnection, { description: 'Devices of one product.' })
  devices(@Args() { productKey, ...filter }: ProductDevicesArgs, @Ctx() ctx: Context) {
    return deviceConnection(productKey, filter, ctx);
  }

  @RequiresScope('read')
  @Query(() => Device, { nullable: true, description: 'One device by key; null when it does not exist.' })
  async device(@Args() ref: DeviceKeyArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Device | null> {
    const device = ctx.loaders.deviceByKey.load({ productKey: ref.productKey, deviceKey: ref.deviceKey });
    // Its product needs only the key: read it beside the device, not one round trip after.
    if (selectedChildArguments(info, 'product').length > 0) startLoad(() => ctx.loaders.productByKey.load(ref.productKey));
    const dto = await device;
    return dto ? toDevice(dto) : null;
  }

  @FieldResolver(() => Product, { description: 'The product this device belongs to.' })
  async product(@Root() device: DeviceSource, @Ctx() ctx: Context): Promise<Product> {
    const dto = await ctx.loaders.productByKey.load(device.productKey);
    if (!dto) throw new NotFoundError(`Product ${device.productKey} does not exist`);
    return toProduct(dto);
  }

  @FieldResolver(() => DeviceResources, { nullable: true, description: 'Module status as last reported; null if never.' })
  async resources(@Root() device: DeviceSource, @Ctx() ctx: Context): Promise<DeviceResources | null> {
    const dto = await ctx.loaders.resourcesByDevice.load({ productKey: device.productKey, deviceKey: device.deviceKey });
    return dto ? toDeviceResources(dto) : null;
  }

  @FieldResolver(() => Device, {
    nullable: true,
    description:
      'For a sub-device, the gateway it is connected through now. Null for other devices, for sub-devices that are ' +
      'not connected, and for proxy-only sub-device products, whose gateway the platform does not report.',
  })
  async gateway(@Root() device: DeviceSource, @Ctx() ctx: Context): Promise<DeviceSource | null> {
    if ((await this.accessTypeOf(device, ctx)) !== AccessType.SUB_DEVICE) return null;
    const ref = await ctx.loaders.gatewayOfChild.load({ productKey: device.productKey, deviceKey: device.deviceKey });
    return ref ? toGatewayDevice(ref) : null;
  }

  @FieldResolver(() => SubDeviceConnection, { description: 'For a gateway, its sub-devices; empty for other devices.' })
  async subDevices(@Root() device: DeviceSource, @Args() paging: PagingArgs, @Ctx() ctx: Context) {
    sliceOf('sub-devices', paging); // refuses first with last, or a foreign cursor, on a device of any kind
    if ((await this.accessTypeOf(device, ctx)) !== AccessType.GATEWAY) return emptyConnection();
    const { productKey, deviceKey } = device;
    return pageConnection(
      'sub-devices',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.subDevicePage.load({ productKey, deviceKey, pageNum }),
      (row, cursor) => ({ cursor, node: toDevice(row), current: row.isCurrent === 1 }),
    );
  }

  private async accessTypeOf(device: DeviceSource, ctx: Context): Promise<AccessType | null> {
    const product = await ctx.loaders.productByKey.load(device.productKey);
    return product ? toAccessType(product.accessType) : null;
  }
}
