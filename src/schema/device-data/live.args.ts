import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { DEVICE_KEY_PATTERN, DEVICE_KEY_RULE, PRODUCT_KEY_PATTERN, PRODUCT_KEY_RULE } from '../keys';
import { DeviceEventType } from './device-event-type.enum';

/** Devices per live subscription: each is one index entry, so a dashboard of a page of devices fits. */
export const MAX_LIVE_DEVICES = 100;

@ArgsType()
export class LiveDevicesArgs {
  @Field({ description: 'Product key (PK) of the devices.' })
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey!: string;

  @Field(() => [String], {
    nullable: true,
    description: `Only these devices (DKs, at most ${MAX_LIVE_DEVICES}); every device of the product when omitted.`,
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'deviceKeys must name at least one device; omit it for every device' })
  @ArrayMaxSize(MAX_LIVE_DEVICES, { message: `deviceKeys may name at most ${MAX_LIVE_DEVICES} devices` })
  @Matches(DEVICE_KEY_PATTERN, { each: true, message: DEVICE_KEY_RULE })
  deviceKeys?: string[] | null;
}

@ArgsType()
export class DevicePropertiesChangedArgs extends LiveDevicesArgs {
  @Field(() => [String], { nullable: true, description: 'Only changes of these property codes; every property when omitted.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'codes must name at least one property; omit it for every property' })
  @ArrayMaxSize(200, { message: 'codes may name at most 200 properties' })
  codes?: string[] | null;
}

@ArgsType()
export class DeviceEventsSubscriptionArgs extends LiveDevicesArgs {
  @Field(() => [DeviceEventType], { nullable: true, description: 'Only events of these kinds; every kind when omitted.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'types must name at least one type; omit it for every type' })
  types?: DeviceEventType[] | null;
}

@ArgsType()
export class CommandResultArgs {
  @Field({ description: 'The ticket a command mutation returned for the device.' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'ticket must be 1-64 letters, digits, _ or -' })
  ticket!: string;

  @Field(() => Int, {
    defaultValue: 30,
    description: 'How long to wait for the acknowledgement, seconds (1-600); then the answer is TIMED_OUT.',
  })
  @IsInt()
  @Min(1, { message: 'timeoutSeconds must be 1-600' })
  @Max(600, { message: 'timeoutSeconds must be 1-600' })
  timeoutSeconds!: number;
}
