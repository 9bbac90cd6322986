import { Arg, Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { EndUserDeviceArgs, UnbindDevicesInput } from '../../schema/end-users/binding.input';
import { DeviceBatchPayload } from '../../schema/devices/device-lifecycle.type';
import { EndUser, type EndUserSource } from '../../schema/end-users/end-user.type';
import { toUnbindPayload } from './binding.mapper';
import { distinctDeviceRefs } from '../../datasources/devices/device-ref';
import { RequiresScope } from '../../schema/requires-scope';

/** Binding writes (reference §11.5, inferred endpoints). Each is one upstream call, never retried. */
@Resolver()
export class BindingResolver {
  @RequiresScope('admin')
  @Mutation(() => EndUser, {
    description:
      'Bind a device to an end user as its owner (binding by product key and device key); returns the user, whose devices now include it. A device already bound to the user, or owned by someone else, is refused. Idempotent: no.',
  })
  async bindDeviceToEndUser(@Args() { uid, device }: EndUserDeviceArgs, @Ctx() ctx: Context): Promise<EndUserSource> {
    await ctx.apis.bindings.bindDevice(uid, { productKey: device.productKey, deviceKey: device.deviceKey });
    forgetBindings(ctx);
    return { uid };
  }

  @RequiresScope('admin')
  @Mutation(() => EndUser, {
    description:
      "End an end user's binding of a device; when the user owns it, the shares they granted end too. Returns the user. Unbinding a device the user has not bound is NOT_FOUND. Idempotent: no.",
  })
  async unbindDeviceFromEndUser(@Args() { uid, device }: EndUserDeviceArgs, @Ctx() ctx: Context): Promise<EndUserSource> {
    await ctx.apis.bindings.unbindDevice(uid, { productKey: device.productKey, deviceKey: device.deviceKey });
    forgetBindings(ctx);
    return { uid };
  }

  @RequiresScope('admin')
  @Mutation(() => DeviceBatchPayload, {
    description:
      'Release devices from every end user (owners and shares), in one upstream call. Each device succeeds or fails on its own; a device with no binding succeeds. Idempotent: yes.',
  })
  async unbindDevicesFromAllUsers(
    @Arg('input', { description: 'The devices.' }) input: UnbindDevicesInput,
    @Ctx() ctx: Context,
  ): Promise<DeviceBatchPayload> {
    const devices = distinctDeviceRefs(input.devices);
    const rows = await ctx.apis.bindings.unbindDevices(devices);
    forgetBindings(ctx);
    return toUnbindPayload(input.devices, devices, rows);
  }
}

/** Binding lists read earlier in this request are stale after a write. */
function forgetBindings(ctx: Context): void {
  ctx.loaders.userDevicePage.clearAll();
  ctx.loaders.deviceUserPage.clearAll();
  ctx.loaders.boundUserPage.clearAll();
}
