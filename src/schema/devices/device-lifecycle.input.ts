import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DeviceAuthMode } from './device-auth-mode.enum';
import { DEVICE_KEY_PATTERN, DEVICE_KEY_RULE, PRODUCT_KEY_PATTERN, PRODUCT_KEY_RULE } from '../keys';

/** Rows per createBatch/updateBatch call (reference §6.3). */
export const MAX_DEVICE_BATCH = 500;

@InputType({ description: 'A device to register.' })
export class NewDeviceInput {
  @Field({ description: 'Device key (DK), unique within the product; often the IMEI or MAC.' })
  @Matches(DEVICE_KEY_PATTERN, { message: DEVICE_KEY_RULE })
  deviceKey!: string;

  @Field(() => String, { nullable: true, description: 'Device name.' })
  @IsOptional()
  @MaxLength(128)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Serial number.' })
  @IsOptional()
  @MaxLength(128)
  sn?: string | null;

  @Field(() => DeviceAuthMode, { nullable: true, description: 'How the device authenticates; the platform defaults to DYNAMIC.' })
  @IsOptional()
  authMode?: DeviceAuthMode | null;

  @Field(() => String, { nullable: true, description: 'Certificate fingerprint; required for X509 devices.' })
  @IsOptional()
  @MaxLength(256)
  fingerprint?: string | null;

  @Field(() => String, { nullable: true, description: 'Pre-shared key; required for China Telecom AEP devices.' })
  @IsOptional()
  @MaxLength(256)
  psk?: string | null;
}

@InputType({ description: 'A device to register in a product.' })
export class CreateDeviceInput extends NewDeviceInput {
  @Field({ description: 'Product key (PK) the device belongs to.' })
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey!: string;
}

@InputType({ description: 'Devices to register in one product.' })
export class CreateDevicesInput {
  @Field({ description: 'Product key (PK) the devices belong to.' })
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey!: string;

  @Field(() => [NewDeviceInput], { description: `The devices, 1 to ${MAX_DEVICE_BATCH}, each device key once.` })
  @ArrayMinSize(1, { message: 'devices must name at least one device' })
  @ArrayMaxSize(MAX_DEVICE_BATCH, { message: `devices may name at most ${MAX_DEVICE_BATCH} devices` })
  @ValidateNested({ each: true })
  devices!: NewDeviceInput[];
}

@InputType({ description: 'New name and/or serial number of a device; omitted fields stay as they are.' })
export class DeviceChangeInput {
  @Field({ description: 'Device key (DK) of the device to change.' })
  @Matches(DEVICE_KEY_PATTERN, { message: DEVICE_KEY_RULE })
  deviceKey!: string;

  @Field(() => String, { nullable: true, description: 'New device name.' })
  @IsOptional()
  @MaxLength(128)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New serial number.' })
  @IsOptional()
  @MaxLength(128)
  sn?: string | null;
}

@InputType({ description: 'A change to one device.' })
export class UpdateDeviceInput extends DeviceChangeInput {
  @Field({ description: 'Product key (PK) of the device.' })
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey!: string;
}

@InputType({ description: 'Changes to devices of one product.' })
export class UpdateDevicesInput {
  @Field({ description: 'Product key (PK) of the devices.' })
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey!: string;

  @Field(() => [DeviceChangeInput], { description: `The changes, 1 to ${MAX_DEVICE_BATCH}, each device key once.` })
  @ArrayMinSize(1, { message: 'devices must name at least one device' })
  @ArrayMaxSize(MAX_DEVICE_BATCH, { message: `devices may name at most ${MAX_DEVICE_BATCH} devices` })
  @ValidateNested({ each: true })
  devices!: DeviceChangeInput[];
}
