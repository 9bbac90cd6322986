import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { DeviceStatus } from './device-status.enum';
import { DEVICE_KEY_PATTERN, DEVICE_KEY_RULE, PRODUCT_KEY_PATTERN, PRODUCT_KEY_RULE } from '../keys';
import { PagingArgs } from '../paging.args';

/**
 * Pages of a device list this service reads to filter by name itself when the platform does not (the loaders'
 * NAME_SCAN_MAX_PAGES; schema/ may not import datasources/, a unit test keeps the two equal).
 */
export const NAME_SCAN_PAGES = 5;

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

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only devices that have been activated (true) or never have (false). Filtered by the platform.',
  })
  @IsOptional()
  activated?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only devices whose name contains this text, ignoring case. The platform does not document a name filter: it ' +
      'is asked to filter, and when its answer shows it did not, this service reads the list (with the other filters) ' +
      `and filters it itself, at most ${NAME_SCAN_PAGES} pages more; a longer list is refused with BAD_USER_INPUT.`,
  })
  @IsOptional()
  @MinLength(1, { message: 'nameContains must not be empty' })
  @MaxLength(128, { message: 'nameContains must be at most 128 characters' })
  nameContains?: string | null;
}

@ArgsType()
export class ProductDevicesArgs extends DeviceFilterArgs {
  @Field({ description: 'Product key (PK) whose devices to list.' })
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey!: string;
}
