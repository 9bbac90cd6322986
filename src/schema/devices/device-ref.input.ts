import { Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DEVICE_KEY_PATTERN, DEVICE_KEY_RULE, PRODUCT_KEY_PATTERN, PRODUCT_KEY_RULE } from '../keys';

/** The one input type for "a device" in lists of devices (commands, group membership). */
@InputType({ description: 'A device, by product key and device key.' })
export class DeviceRefInput {
  @Field({ description: 'Product key (PK).' })
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey!: string;

  @Field({ description: 'Device key (DK).' })
  @Matches(DEVICE_KEY_PATTERN, { message: DEVICE_KEY_RULE })
  deviceKey!: string;
}
