import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Connection, EdgeFields, SHAREABLE } from '../connection.type';
import { DetailField } from '../detail-field';
import { DeviceAuthMode } from './device-auth-mode.enum';
import { DeviceStatus } from './device-status.enum';

@Directive('@key(fields: "productKey deviceKey")')
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A device: one unit of a product, addressed by product key and device key.' })
export class Device {
  @Field(() => ID, {
    description: 'Opaque, stable, globally unique id derived from the key; clients normalise their caches by it, and it is a federation key too.',
  })
  /** Computed from the key by `resolvers/global-id.resolver.ts`; sources never carry it. */
  id?: string;

  @Field({ description: 'Product key (PK) of the product this device belongs to.' })
  productKey!: string;

  @Field({ description: 'Device key (DK), unique within the product; often the IMEI or MAC.' })
  deviceKey!: string;

  @Field(() => String, { nullable: true, description: 'Device name.' })
  @DetailField()
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Serial number.' })
  @DetailField()
  sn?: string | null;

  @Field(() => DeviceStatus, { description: 'Online or offline now.' })
  @DetailField()
  status?: DeviceStatus;

  @Field({ description: 'Whether the device has been activated (connected at least once and registered).' })
  @DetailField()
  activated?: boolean;

  @Field({ description: 'Whether the device passed secondary authentication.' })
  @DetailField()
  verified?: boolean;

  @Field({ description: 'Whether this is a virtual (simulated) device on the platform.' })
  @DetailField()
  virtual?: boolean;

  @Field(() => DeviceAuthMode, { nullable: true, description: 'How the device authenticates.' })
  @DetailField()
  authMode?: DeviceAuthMode | null;

  @Field(() => Date, { nullable: true, description: 'When the device was registered.' })
  @DetailField()
  createdAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device record last changed.' })
  @DetailField()
  updatedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device was activated.' })
  @DetailField()
  activatedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device first connected.' })
  @DetailField()
  firstConnectedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device last came online.' })
  @DetailField()
  lastConnectedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device last went offline.' })
  @DetailField()
  lastOfflineAt?: Date | null;
}

/** What a resolver may hand over as a Device: the key always, detail fields when they are already known. */
export type DeviceSource = Pick<Device, 'productKey' | 'deviceKey'> & Partial<Device>;

export const DeviceConnection = Connection(Device, {
  name: 'Device',
  description: 'A page of devices.',
  edges: 'The devices of this page.',
  totalCount: 'Number of devices in the whole list.',
  edge: { description: 'A device in a list.', cursor: 'Opaque position of this device in the list.', node: 'The device.' },
});

@Directive(SHAREABLE)
@ObjectType({ description: "A sub-device in a gateway's list." })
export class SubDeviceEdge extends EdgeFields(Device, { cursor: 'Opaque position of this sub-device in the list.', node: 'The sub-device.' }) {
  @Field({ description: 'Whether the sub-device is connected through this gateway right now.' })
  current!: boolean;
}

export const SubDeviceConnection = Connection(SubDeviceEdge, {
  name: 'SubDevice',
  description: "A page of a gateway's sub-devices.",
  edges: 'The sub-devices of this page.',
  totalCount: 'Number of sub-devices associated with the gateway.',
});
