import { Directive, Field, ObjectType } from 'type-graphql';
import { Connection, EdgeFields, SHAREABLE } from '../connection.type';
import { Device } from '../devices/device.type';
import { BindingRole } from './binding-role.enum';
import { EndUser } from './end-user.type';

@Directive(SHAREABLE)
@ObjectType({ description: 'A device bound to (or shared with) an end user.' })
export class BoundDeviceEdge extends EdgeFields(Device, { cursor: 'Opaque position of this device in the list.', node: 'The device.' }) {
  @Field(() => BindingRole, { nullable: true, description: 'Whether the user owns the device or had it shared.' })
  role!: BindingRole | null;

  @Field(() => Date, { nullable: true, description: 'When the device was bound.' })
  boundAt!: Date | null;
}

export const BoundDeviceConnection = Connection(BoundDeviceEdge, {
  name: 'BoundDevice',
  description: "A page of an end user's devices.",
  edges: 'The devices of this page.',
  totalCount: 'Number of devices bound to the user.',
});

@Directive(SHAREABLE)
@ObjectType({ description: 'An end user bound to a device.' })
export class DeviceUserEdge extends EdgeFields(EndUser, { cursor: 'Opaque position of this user in the list.', node: 'The end user.' }) {
  @Field(() => BindingRole, {
    nullable: true,
    description: 'Whether the user owns the device or had it shared; null when the platform does not say.',
  })
  role!: BindingRole | null;
}

export const DeviceUserConnection = Connection(DeviceUserEdge, {
  name: 'DeviceUser',
  description: 'A page of the end users bound to a device.',
  edges: 'The users of this page.',
  totalCount: 'Number of users bound to the device.',
});
