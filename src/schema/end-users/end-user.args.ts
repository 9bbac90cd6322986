import { IsOptional, Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { DeviceKeyArgs } from '../devices/device.args';
import { EndUserStatus } from './end-user-status.enum';
import { PRODUCT_KEY_PATTERN, PRODUCT_KEY_RULE } from '../keys';
import { USER_DOMAIN_PATTERN, USER_DOMAIN_RULE } from '../ids';
import { PagingArgs } from '../paging.args';

export const UID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const UID_RULE = 'uid must be 1-64 letters, digits, "_" or "-", e.g. C131362';

@ArgsType()
export class EndUserUidArgs {
  @Field({ description: 'End-user id, e.g. C131362.' })
  @Matches(UID_PATTERN, { message: UID_RULE })
  uid!: string;
}

@ArgsType()
export class DomainUsersArgs extends PagingArgs {
  @Field({ description: 'User domain (App), e.g. C.DM.5715.1.' })
  @Matches(USER_DOMAIN_PATTERN, { message: USER_DOMAIN_RULE })
  userDomain!: string;
}

@ArgsType()
export class BoundEndUsersArgs extends PagingArgs {
  @Field(() => String, { nullable: true, description: 'Only users bound to devices of this product.' })
  @IsOptional()
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Only users of this user domain.' })
  @IsOptional()
  @Matches(USER_DOMAIN_PATTERN, { message: USER_DOMAIN_RULE })
  userDomain?: string | null;
}

@ArgsType()
export class SetEndUserStatusArgs extends EndUserUidArgs {
  @Field(() => EndUserStatus, { description: 'The new status.' })
  status!: EndUserStatus;
}

@ArgsType()
export class BindingCodeArgs extends DeviceKeyArgs {
  @Field({ description: 'Binding code as the user entered it.' })
  @Matches(/^[0-9A-Za-z]{1,64}$/, { message: 'bindingCode must be 1-64 letters or digits' })
  bindingCode!: string;
}
