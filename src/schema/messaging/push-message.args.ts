import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { DEVICE_KEY_PATTERN, DEVICE_KEY_RULE, PRODUCT_KEY_PATTERN, PRODUCT_KEY_RULE } from '../keys';
import { MessageType } from './message-type.enum';
import { PushMessageType } from './push-message-type.enum';

@ArgsType()
export class DeviceMessagesSubscriptionArgs {
  @Field(() => String, { nullable: true, description: 'Only messages of this product (PK); all products when omitted.' })
  @IsOptional()
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Only messages of this device (DK); needs `productKey`.' })
  @IsOptional()
  @Matches(DEVICE_KEY_PATTERN, { message: DEVICE_KEY_RULE })
  deviceKey?: string | null;

  @Field(() => [PushMessageType], { nullable: true, description: 'Only messages of these kinds; every kind when omitted.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'types must name at least one type; omit it for every type' })
  @ArrayMaxSize(50, { message: 'types may name at most 50 types' })
  types?: PushMessageType[] | null;

  @Field(() => [MessageType], {
    nullable: true,
    description:
      'Only messages of these subscription kinds (the `MessageType` a queue subscription enables, e.g. PROPERTY covers ' +
      'reports, reads and writes); combined with `types`, a message must pass both.',
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'messageTypes must name at least one type; omit it for every type' })
  @ArrayMaxSize(30, { message: 'messageTypes may name at most 30 types' })
  messageTypes?: MessageType[] | null;
}
