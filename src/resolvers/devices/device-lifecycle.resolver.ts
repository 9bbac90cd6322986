import { Arg, Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import { Device, type DeviceSource } from '../../schema/devices/device.type';
import { DeviceKeyArgs } from '../../schema/devices/device.args';
import { CreateDeviceInput, CreateDevicesInput, UpdateDeviceInput, UpdateDevicesInput } from '../../schema/devices/device-lifecycle.input';
import { DeletedDevice, DeviceBatchPayload } from '../../schema/devices/device-lifecycle.type';
import { toDeviceBatchPayload, toDeviceChangeDto, toNewDeviceDto } from './device-lifecycle.mapper';
import type { DeviceRef } from '../../datasources/devices/device-ref';
import { RequiresScope } from '../../schema/requires-scope';

const NOT_RETRIED = 'Never retried by this service.';
/** A repeat of the same call meets the first one's result (the key exists, the device is gone) and fails. */
const ONCE = `${NOT_RETRIED} Idempotent: no.`;
/** Writing the same fields again leaves the device as it is. */
const REPEATABLE = `${NOT_RETRIED} Idempotent: yes.`;
/** Batch answers carry no documented per-row shape (reference §12.4). */
const UNREADABLE = 'Fails with UPSTREAM_ERROR, rather than claiming success, when the answer does not say which rows failed.';

@Resolver()
export class DeviceLifecycleResolver {
  @RequiresScope('admin')
  @Mutation(() => Device, { description: `Register one device in a product. Fails with the platform's code when the device key exists. ${ONCE}` })
  async createDevice(@Arg('input', { description: 'The device.' }) input: CreateDeviceInput, @Ctx() ctx: Context): Promise<DeviceSource> {
    await ctx.apis.lifecycle.createDevice(input.productKey, toNewDeviceDto(input));
    return fresh(ctx, { productKey: input.productKey, deviceKey: input.deviceKey });
  }

  @RequiresScope('admin')
  @Mutation(() => DeviceBatchPayload, {
    description: `Register up to 500 devices of one product in one upstream call; rows the platform refuses are listed with its reason. ${UNREADABLE} ${ONCE}`,
  })
  async createDevices(
    @Arg('input', { description: 'The product and its new devices.' }) input: CreateDevicesInput,
    @Ctx() ctx: Context,
  ): Promise<DeviceBatchPayload> {
    assertUniqueKeys(input.devices);
    const failures = await ctx.apis.lifecycle.createDevices(input.productKey, input.devices.map(toNewDeviceDto));
    return toDeviceBatchPayload(input.productKey, input.devices, failures);
  }

  @RequiresScope('control')
  @Mutation(() => Device, { description: `Rename a device or change its serial number. ${REPEATABLE}` })
  async updateDevice(
    @Arg('input', { description: 'The device and its new fields.' }) input: UpdateDeviceInput,
    @Ctx() ctx: Context,
  ): Promise<DeviceSource> {
    assertSomethingToChange(input, 'input');
    await ctx.apis.lifecycle.updateDevice(input.productKey, toDeviceChangeDto(input));
    return fresh(ctx, { productKey: input.productKey, deviceKey: input.deviceKey });
  }

  @RequiresScope('control')
  @Mutation(() => DeviceBatchPayload, {
    description: `Change up to 500 devices of one product in one upstream call; rows the platform refuses are listed with its reason. ${UNREADABLE} ${REPEATABLE}`,
  })
  async updateDevices(
    @Arg('input', { description: 'The product and the changes.' }) input: UpdateDevicesInput,
    @Ctx() ctx: Context,
  ): Promise<DeviceBatchPayload> {
    assertUniqueKeys(input.devices);
    input.devices.forEach((row, i) => {
      assertSomethingToChange(row, `input.devices[${i}]`);
    });
    const failures = await ctx.apis.lifecycle.updateDevices(input.productKey, input.devices.map(toDeviceChangeDto));
    const payload = toDeviceBatchPayload(input.productKey, input.devices, failures);
    for (const device of payload.succeeded) ctx.loaders.deviceByKey.clear(device);
    return payload;
  }

  @RequiresScope('admin')
  @Mutation(() => DeletedDevice, { description: `Delete a device. ${ONCE}` })
  async deleteDevice(@Args() { productKey, deviceKey }: DeviceKeyArgs, @Ctx() ctx: Context): Promise<DeletedDevice> {
    await ctx.apis.lifecycle.deleteDevice({ productKey, deviceKey });
    ctx.loaders.deviceByKey.clear({ productKey, deviceKey });
    return { productKey, deviceKey };
  }

  @RequiresScope('admin')
  @Mutation(() => Device, {
    description: `Detach a sub-device from the gateway it is connected through; fails (70026) when it is not connected. Returns the sub-device. ${ONCE}`,
  })
  async unbindSubDevice(@Args() { productKey, deviceKey }: DeviceKeyArgs, @Ctx() ctx: Context): Promise<DeviceSource> {
    await ctx.apis.lifecycle.unbindSubDevice({ productKey, deviceKey });
    ctx.loaders.gatewayOfChild.clear({ productKey, deviceKey });
    return fresh(ctx, { productKey, deviceKey });
  }
}

/** A device known by key only; its detail is loaded afresh if selected, not from what this request saw before. */
function fresh(ctx: Context, ref: DeviceRef): DeviceSource {
  ctx.loaders.deviceByKey.clear(ref);
  return { ...ref };
}

function assertUniqueKeys(rows: ReadonlyArray<{ deviceKey: string }>): void {
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const earlier = seen.get(row.deviceKey);
    if (earlier !== undefined) {
      throw new BadUserInputError(
        `input.devices[${i}].deviceKey repeats input.devices[${earlier}] (${row.deviceKey})`,
        `input.devices[${i}].deviceKey`,
      );
    }
    seen.set(row.deviceKey, i);
  });
}

function assertSomethingToChange(row: { name?: string | null; sn?: string | null }, path: string): void {
  if ((row.name === undefined || row.name === null) && (row.sn === undefined || row.sn === null)) {
    throw new BadUserInputError(`${path} must set name or sn`, path);
  }
}
