import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors';
import {
  DeviceGroup,
  DeviceGroupConnection,
  DeviceGroupTask,
  DeviceGroupTaskConnection,
  GroupDevicesPayload,
} from '../../schema/devices/device-group.type';
import { Device, DeviceConnection, type DeviceSource } from '../../schema/devices/device.type';
import {
  ControlDeviceGroupInput,
  CreateDeviceGroupInput,
  DeviceGroupsArgs,
  GroupDevicesInput,
  UpdateDeviceGroupInput,
} from '../../schema/devices/device-group.input';
import { PagingArgs } from '../../schema/paging.args';
import { PlatformIdArgs } from '../../schema/platform-id.args';
import { toDeviceGroup, toDeviceGroupTask } from './device-group.mapper';
import { GROUP_DEVICES_PER_CALL } from '../../datasources/devices/device-group.api';
import { distinctDeviceRefs } from '../../datasources/devices/device-ref';
import { pageConnection } from '../connection';
import { RequiresScope } from '../../schema/requires-scope';

@Resolver(() => DeviceGroup)
export class DeviceGroupResolver {
  @RequiresScope('read')
  @Query(() => DeviceGroupConnection, {
    description:
      'Device groups: all of them, or the direct children of `parentId`. Served by endpoints the platform does not document publicly; their path is set by QUEC_PATH_DEVICE_GROUPS.',
  })
  deviceGroups(@Args() { parentId, ...paging }: DeviceGroupsArgs, @Ctx() ctx: Context) {
    return groupConnection(parentId ? Number(parentId) : undefined, paging, ctx);
  }

  @RequiresScope('read')
  @Query(() => DeviceGroup, { nullable: true, description: 'One device group by id; null when it does not exist.' })
  async deviceGroup(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<DeviceGroup | null> {
    const dto = await ctx.loaders.deviceGroupById.load(Number(id));
    return dto ? toDeviceGroup(dto) : null;
  }

  @RequiresScope('read')
  @Query(() => DeviceGroupTask, { nullable: true, description: 'One group control task by id, with its current status.' })
  async deviceGroupTask(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<DeviceGroupTask | null> {
    return toDeviceGroupTask(await ctx.apis.deviceGroups.getTask(Number(id)));
  }

  @FieldResolver(() => DeviceGroup, { nullable: true, description: 'The parent group; null at the top level.' })
  async parent(@Root() group: DeviceGroup, @Ctx() ctx: Context): Promise<DeviceGroup | null> {
    if (!group.parentId) return null;
    const dto = await ctx.loaders.deviceGroupById.load(Number(group.parentId));
    return dto ? toDeviceGroup(dto) : null;
  }

  @FieldResolver(() => DeviceGroupConnection, { description: 'Direct child groups.' })
  children(@Root() group: DeviceGroup, @Args() paging: PagingArgs, @Ctx() ctx: Context) {
    return groupConnection(Number(group.id), paging, ctx);
  }

  @FieldResolver(() => DeviceConnection, { description: 'Devices directly in this group (not those of child groups).' })
  devices(@Root() group: DeviceGroup, @Args() paging: PagingArgs, @Ctx() ctx: Context) {
    const dgid = Number(group.id);
    return pageConnection(
      'group-devices',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.groupDevicePage.load({ dgid, pageNum }),
      (row, cursor) => ({ cursor, node: { productKey: row.productKey, deviceKey: row.deviceKey } as DeviceSource }),
    );
  }

  @FieldResolver(() => DeviceGroupTaskConnection, { description: 'Control tasks sent to this group, newest first.' })
  controlTasks(@Root() group: DeviceGroup, @Args() paging: PagingArgs, @Ctx() ctx: Context) {
    const dgid = Number(group.id);
    return pageConnection(
      'group-tasks',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.groupTaskPage.load({ dgid, pageNum }),
      (row, cursor) => ({ cursor, node: toDeviceGroupTask(row) }),
    );
  }

  @RequiresScope('admin')
  @Mutation(() => DeviceGroup, {
    description: 'Create a device group, optionally under a parent. A sibling with the same name is refused (5304). Idempotent: no.',
  })
  async createDeviceGroup(@Arg('input', { description: 'The group.' }) input: CreateDeviceGroupInput, @Ctx() ctx: Context): Promise<DeviceGroup> {
    const id = await ctx.apis.deviceGroups.createGroup({
      name: input.name,
      parentId: input.parentId ? Number(input.parentId) : undefined,
      description: input.description ?? undefined,
      address: input.address ?? undefined,
      manager: input.manager ?? undefined,
    });
    return reload(ctx, id);
  }

  @RequiresScope('admin')
  @Mutation(() => DeviceGroup, { description: "Change a device group's fields. Idempotent: yes." })
  async updateDeviceGroup(
    @Arg('input', { description: 'The group and its new fields.' }) input: UpdateDeviceGroupInput,
    @Ctx() ctx: Context,
  ): Promise<DeviceGroup> {
    const fields = {
      name: input.name ?? undefined,
      description: input.description ?? undefined,
      address: input.address ?? undefined,
      manager: input.manager ?? undefined,
    };
    if (Object.values(fields).every((v) => v === undefined))
      throw new BadUserInputError('Nothing to change: give name, description, address or manager', 'input');
    await ctx.apis.deviceGroups.updateGroup(Number(input.id), fields);
    return reload(ctx, Number(input.id));
  }

  @RequiresScope('admin')
  @Mutation(() => ID, { description: 'Delete a device group without child groups; returns its id. Its devices stay, ungrouped. Idempotent: no.' })
  async deleteDeviceGroup(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<string> {
    await ctx.apis.deviceGroups.deleteGroup(Number(id));
    ctx.loaders.deviceGroupById.clear(Number(id));
    return id;
  }

  @RequiresScope('admin')
  @Mutation(() => GroupDevicesPayload, {
    description: 'Add devices to a group, 100 per upstream call; devices already in it stay. Stops at the first refused call. Idempotent: yes.',
  })
  async addDevicesToGroup(
    @Arg('input', { description: 'The group and the devices.' }) input: GroupDevicesInput,
    @Ctx() ctx: Context,
  ): Promise<GroupDevicesPayload> {
    const devices = distinctDeviceRefs(input.devices);
    const chunks = chunk(devices, GROUP_DEVICES_PER_CALL);
    for (const part of chunks) await ctx.apis.deviceGroups.addDevices(Number(input.groupId), part);
    return payload(ctx, input.groupId, devices.length, chunks.length);
  }

  @RequiresScope('admin')
  @Mutation(() => GroupDevicesPayload, {
    description:
      'Remove devices from a group, 100 per upstream call. A device not in the group fails its call (5337); earlier calls stay done. Idempotent: no.',
  })
  async removeDevicesFromGroup(
    @Arg('input', { description: 'The group and the devices.' }) input: GroupDevicesInput,
    @Ctx() ctx: Context,
  ): Promise<GroupDevicesPayload> {
    const devices = distinctDeviceRefs(input.devices);
    const chunks = chunk(devices, GROUP_DEVICES_PER_CALL);
    for (const part of chunks) await ctx.apis.deviceGroups.removeDevices(Number(input.groupId), part);
    return payload(ctx, input.groupId, devices.length, chunks.length);
  }

  @RequiresScope('control')
  @Mutation(() => DeviceGroupTask, {
    description:
      'Send one command to every device of a group as an asynchronous task; follow it with `deviceGroupTask`. Never retried. Idempotent: no.',
  })
  async controlDeviceGroup(
    @Arg('input', { description: 'The group and the command.' }) input: ControlDeviceGroupInput,
    @Ctx() ctx: Context,
  ): Promise<DeviceGroupTask> {
    if (input.type !== 'PASSTHROUGH' && !isJsonObjectOrArray(input.data))
      throw new BadUserInputError('data must be JSON text for PROPERTY and SERVICE commands', 'input.data');
    if (input.type === 'PASSTHROUGH' && !/^([0-9A-Fa-f]{2})+$/.test(input.data))
      throw new BadUserInputError('data must be hex for PASSTHROUGH commands', 'input.data');
    const taskId = await ctx.apis.deviceGroups.control({ dgid: Number(input.groupId), type: input.type, operate: 'DOWN', data: input.data });
    return toDeviceGroupTask(await ctx.apis.deviceGroups.getTask(taskId));
  }
}

@Resolver(() => Device)
export class DeviceGroupsOfDeviceResolver {
  @FieldResolver(() => DeviceGroupConnection, { description: 'Groups the device is directly in.' })
  groups(@Root() device: DeviceSource, @Args() paging: PagingArgs, @Ctx() ctx: Context) {
    const { productKey, deviceKey } = device;
    return pageConnection(
      'device-groups-of-device',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.groupsOfDevicePage.load({ productKey, deviceKey, pageNum }),
      (row, cursor) => ({ cursor, node: toDeviceGroup(row) }),
    );
  }
}

function groupConnection(parentId: number | undefined, paging: PagingArgs, ctx: Context) {
  return pageConnection(
    parentId === undefined ? 'device-groups' : 'child-groups',
    paging,
    ctx.pageSize,
    (pageNum) => ctx.loaders.deviceGroupPage.load({ parentId, pageNum }),
    (row, cursor) => ({ cursor, node: toDeviceGroup(row) }),
  );
}

async function reload(ctx: Context, id: number): Promise<DeviceGroup> {
  ctx.loaders.deviceGroupById.clear(id);
  const dto = await ctx.loaders.deviceGroupById.load(id);
  if (!dto) throw new NotFoundError(`Device group ${id} does not exist`);
  return toDeviceGroup(dto);
}

async function payload(ctx: Context, groupId: string, deviceCount: number, upstreamCalls: number): Promise<GroupDevicesPayload> {
  ctx.loaders.deviceGroupById.clear(Number(groupId));
  const dto = await ctx.loaders.deviceGroupById.load(Number(groupId));
  return { group: dto ? toDeviceGroup(dto) : null, deviceCount, upstreamCalls };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

function isJsonObjectOrArray(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object';
  } catch {
    return false;
  }
}
