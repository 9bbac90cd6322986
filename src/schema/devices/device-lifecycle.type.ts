import { Field, Int, ObjectType } from 'type-graphql';
import { Device, type DeviceSource } from './device.type';

@ObjectType({ description: 'A row of a batch that the platform refused.' })
export class DeviceRowFailure {
  @Field(() => Int, { nullable: true, description: 'Index of the row in the input; null when the platform named a device the input does not have.' })
  index!: number | null;

  @Field(() => String, { nullable: true, description: 'Product key of the row.' })
  productKey!: string | null;

  @Field(() => String, { nullable: true, description: 'Device key of the row.' })
  deviceKey!: string | null;

  @Field(() => Int, { nullable: true, description: 'Platform code, e.g. 70062 device key already exists.' })
  code!: number | null;

  @Field(() => String, { nullable: true, description: 'Platform message.' })
  message!: string | null;
}

@ObjectType({ description: 'Outcome of a batch of device rows (create, update, unbind): which rows succeeded and which failed, and why.' })
export class DeviceBatchPayload {
  @Field(() => [Device], { description: 'Devices of the rows that succeeded, in input order.' })
  succeeded!: DeviceSource[];

  @Field(() => [DeviceRowFailure], { description: 'Rows that failed, in input order.' })
  failed!: DeviceRowFailure[];

  @Field(() => Int, { description: 'Number of rows that succeeded.' })
  succeededCount!: number;

  @Field(() => Int, { description: 'Number of rows that failed.' })
  failedCount!: number;
}

@ObjectType({ description: 'A device that was deleted.' })
export class DeletedDevice {
  @Field({ description: 'Product key (PK) of the deleted device.' })
  productKey!: string;

  @Field({ description: 'Device key (DK) of the deleted device.' })
  deviceKey!: string;
}
