import { Directive, Field, ObjectType, UseMiddleware } from 'type-graphql';
import { DeviceAuthMode, DeviceStatus } from './enums';
import { LoadDeviceDetail } from './device-detail.middleware';

@Directive('@key(fields: "productKey deviceKey")')
@ObjectType({ description: 'A device: one unit of a product, addressed by product key and device key.' })
export class Device {
  @Field({ description: 'Product key (PK) of the product this device belongs to.' })
  productKey!: string;

  @Field({ description: 'Device key (DK), unique within the product; often the IMEI or MAC.' })
  deviceKey!: string;

  @Field(() => String, { nullable: true, description: 'Device name.' })
  @UseMiddleware(LoadDeviceDetail)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Serial number.' })
  @UseMiddleware(LoadDeviceDetail)
  sn?: string | null;

  @Field(() => DeviceStatus, { description: 'Online or offline now.' })
  @UseMiddleware(LoadDeviceDetail)
  status?: DeviceStatus;

  @Field({ description: 'Whether the device has been activated (connected at least once and registered).' })
  @UseMiddleware(LoadDeviceDetail)
  activated?: boolean;

  @Field({ description: 'Whether the device passed secondary authentication.' })
  @UseMiddleware(LoadDeviceDetail)
  verified?: boolean;

  @Field({ description: 'Whether this is a virtual (simulated) device on the platform.' })
  @UseMiddleware(LoadDeviceDetail)
  virtual?: boolean;

  @Field(() => DeviceAuthMode, { nullable: true, description: 'How the device authenticates.' })
  @UseMiddleware(LoadDeviceDetail)
  authMode?: DeviceAuthMode | null;

  @Field(() => Date, { nullable: true, description: 'When the device was registered.' })
  @UseMiddleware(LoadDeviceDetail)
  createdAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device record last changed.' })
  @UseMiddleware(LoadDeviceDetail)
  updatedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device was activated.' })
  @UseMiddleware(LoadDeviceDetail)
  activatedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device first connected.' })
  @UseMiddleware(LoadDeviceDetail)
  firstConnectedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device last came online.' })
  @UseMiddleware(LoadDeviceDetail)
  lastConnectedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device last went offline.' })
  @UseMiddleware(LoadDeviceDetail)
  lastOfflineAt?: Date | null;
}

/** What a resolver may hand over as a Device: the key always, detail fields when they are already known. */
export type DeviceSource = Pick<Device, 'productKey' | 'deviceKey'> & Partial<Device>;
