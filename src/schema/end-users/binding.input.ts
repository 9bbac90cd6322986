import { ArrayMaxSize, ArrayMinSize, Matches, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { DeviceRefInput } from '../devices/device-ref.input';
import { UID_PATTERN, UID_RULE } from './end-user.args';

/** Devices one batch unbinding takes: the platform's batch limit (reference §11.5, inferred), so it is one call. */
export const MAX_UNBIND_DEVICES = 100;

@ArgsType()
export class EndUserDeviceArgs {
  @Field({ description: 'End-user id, e.g. C131362.' })
  @Matches(UID_PATTERN, { message: UID_RULE })
  uid!: string;

  @Field(() => DeviceRefInput, { description: 'The device.' })
  @ValidateNested()
  device!: DeviceRefInput;
}

@InputType({ description: 'Devices to release from every end user.' })
export class UnbindDevicesInput {
  @Field(() => [DeviceRefInput], { description: `The devices, 1 to ${MAX_UNBIND_DEVICES}; repeats count once.` })
  @ArrayMinSize(1, { message: 'devices must not be empty' })
  @ArrayMaxSize(MAX_UNBIND_DEVICES, { message: `devices must hold at most ${MAX_UNBIND_DEVICES} entries` })
  @ValidateNested({ each: true })
  devices!: DeviceRefInput[];
}
