import { IsOptional, Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { DeviceStatus } from './device-status.enum';
import { DEVICE_KEY_PATTERN, DEVICE_KEY_RULE, PRODUCT_KEY_PATTERN, PRODUCT_KEY_RULE } from '../keys';
import { PagingArgs } from '../paging.args';

@ArgsType()
export class DeviceKeyArgs {
  @Field({ description: 'Product key (PK).' })
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey!: string;

  @Field({ description: 'Device key (DK).' })
  @Matches(DEVICE_KEY_PATTERN, { message: DEVICE_KEY_RULE })
  deviceKey!: string;
}

@ArgsType()
export class DeviceFilterArgs extends PagingArgs {
  @Field(() => DeviceStatus, { nullable: true, description: 'Only devices with this status.' })
  @IsOptional()
  status?: DeviceStatus | null;
}

@ArgsType()
export class ProductDevicesArgs extends DeviceFilterArgs {
  @Field({ description: 'Product key (PK) whose devices to list.' })
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey!: string;
}
