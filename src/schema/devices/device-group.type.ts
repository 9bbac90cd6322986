import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { GroupTaskStatus } from './group-task-status.enum';
import { Connection } from '../connection.type';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A device group: a named, nestable set of devices. Served by endpoints the platform does not document publicly; their path is set by QUEC_PATH_DEVICE_GROUPS.',
})
export class DeviceGroup {
  @Field(() => ID, { description: 'Platform group id (dgid).' })
  id!: string;

  @Field({ description: 'Group name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Address.' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'Manager.' })
  manager!: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of devices directly in the group, as the platform reports it.' })
  deviceCount!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the group was created.' })
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the group last changed.' })
  updatedAt!: Date | null;

  /** null for a top-level group. */
  parentId!: string | null;
}

export const DeviceGroupConnection = Connection(DeviceGroup, {
  name: 'DeviceGroup',
  description: 'A page of device groups.',
  edges: 'The groups of this page.',
  totalCount: 'Number of groups in the whole list.',
  edge: { description: 'A device group in a list.', cursor: 'Opaque position of this group in the list.', node: 'The group.' },
});

@ObjectType({ description: 'An asynchronous task sending one command to every device of a group.' })
export class DeviceGroupTask {
  @Field(() => ID, { description: 'Platform task id.' })
  id!: string;

  @Field(() => GroupTaskStatus, { description: 'Task state.' })
  status!: GroupTaskStatus;

  @Field(() => Int, { nullable: true, description: 'Devices the task addressed.' })
  total!: number | null;

  @Field(() => Int, { nullable: true, description: 'Devices that accepted the command.' })
  succeeded!: number | null;

  @Field(() => Int, { nullable: true, description: 'Devices that did not.' })
  failed!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the task was created.' })
  createdAt!: Date | null;

  groupId!: string;
}

export const DeviceGroupTaskConnection = Connection(DeviceGroupTask, {
  name: 'DeviceGroupTask',
  description: 'A page of group control tasks.',
  edges: 'The tasks of this page.',
  totalCount: 'Number of tasks in the whole list.',
  edge: { description: 'A group control task in a list.', cursor: 'Opaque position of this task in the list.', node: 'The task.' },
});

@ObjectType({ description: 'Outcome of adding devices to or removing them from a group.' })
export class GroupDevicesPayload {
  @Field(() => DeviceGroup, { nullable: true, description: 'The group afterwards.' })
  group!: DeviceGroup | null;

  @Field(() => Int, { description: 'Devices sent to the platform.' })
  deviceCount!: number;

  @Field(() => Int, { description: 'Upstream calls it took (100 devices per call).' })
  upstreamCalls!: number;
}
