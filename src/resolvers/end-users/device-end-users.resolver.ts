import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Device, type DeviceSource } from '../../schema/devices/device.type';
import { DeviceUserConnection } from '../../schema/end-users/binding.type';
import { PagingArgs } from '../../schema/paging.args';
import { toBindingRole, toBoundEndUser } from './end-user.mapper';
import { pageConnection } from '../connection';

/** Administration fields on Device: its bound end users and its groups. */
@Resolver(() => Device)
export class DeviceEndUsersResolver {
  @FieldResolver(() => DeviceUserConnection, {
    description:
      'End users the device is bound to or shared with. Served by an endpoint the platform does not document publicly; its path is set by QUEC_PATH_DEVICE_USER_LIST.',
  })
  boundUsers(@Root() device: DeviceSource, @Args() paging: PagingArgs, @Ctx() ctx: Context) {
    const { productKey, deviceKey } = device;
    return pageConnection(
      'device-users',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.deviceUserPage.load({ productKey, deviceKey, pageNum }),
      (row, cursor) => ({ cursor, node: toBoundEndUser(row), role: toBindingRole(row.deviceType) }),
    );
  }
}
