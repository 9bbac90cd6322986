import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GroupCommandType } from './group-command-type.enum';
import { DeviceRefInput } from './device-ref.input';
import { PLATFORM_ID_PATTERN, PLATFORM_ID_RULE } from '../ids';
import { PagingArgs } from '../paging.args';

/** Most devices one add/remove mutation takes; they go upstream in calls of 100. */
export const MAX_GROUP_DEVICES = 1000;

@ArgsType()
export class DeviceGroupsArgs extends PagingArgs {
  @Field(() => ID, { nullable: true, description: 'Only the direct children of this group; omit for every group.' })
  @IsOptional()
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  parentId?: string | null;
}

@InputType({ description: 'Fields of a device group (lengths from the platform codes 5302, 5316-5318, inferred).' })
class DeviceGroupFieldsInput {
  @Field(() => String, { nullable: true, description: 'Description, at most 500 characters.' })
  @IsOptional()
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Address, at most 200 characters.' })
  @IsOptional()
  @MaxLength(200, { message: 'address must be at most 200 characters' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Manager, at most 50 characters.' })
  @IsOptional()
  @MaxLength(50, { message: 'manager must be at most 50 characters' })
  manager?: string | null;
}

@InputType({ description: 'A new device group.' })
export class CreateDeviceGroupInput extends DeviceGroupFieldsInput {
  @Field({ description: 'Group name, 1-50 characters, unique among its siblings.' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(50, { message: 'name must be at most 50 characters' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Parent group; omit for a top-level group.' })
  @IsOptional()
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  parentId?: string | null;
}

@InputType({ description: 'Changes to a device group; omitted fields stay as they are.' })
export class UpdateDeviceGroupInput extends DeviceGroupFieldsInput {
  @Field(() => ID, { description: 'The group.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name, 1-50 characters.' })
  @IsOptional()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(50, { message: 'name must be at most 50 characters' })
  name?: string | null;
}

@InputType({ description: 'Devices to add to or remove from a group.' })
export class GroupDevicesInput {
  @Field(() => ID, { description: 'The group.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  groupId!: string;

  @Field(() => [DeviceRefInput], { description: `The devices, 1 to ${MAX_GROUP_DEVICES}; sent upstream 100 per call.` })
  @ArrayMinSize(1, { message: 'devices must not be empty' })
  @ArrayMaxSize(MAX_GROUP_DEVICES, { message: `devices must hold at most ${MAX_GROUP_DEVICES} entries` })
  @ValidateNested({ each: true })
  devices!: DeviceRefInput[];
}

@InputType({ description: 'A command for every device of a group.' })
export class ControlDeviceGroupInput {
  @Field(() => ID, { description: 'The group.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  groupId!: string;

  @Field(() => GroupCommandType, { description: 'What to send.' })
  type!: GroupCommandType;

  @Field({ description: 'The payload: JSON text for PROPERTY and SERVICE, hex for PASSTHROUGH; at most 4096 characters.' })
  @MinLength(1, { message: 'data must not be empty' })
  @MaxLength(4096, { message: 'data must be at most 4096 characters' })
  data!: string;
}
