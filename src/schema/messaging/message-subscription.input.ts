import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { MessageType } from './message-type.enum';
import { QueueStatus } from './queue-status.enum';
import { SubscriptionStatus } from './subscription-status.enum';
import { DEVICE_KEY_PATTERN, DEVICE_KEY_RULE, PRODUCT_KEY_PATTERN, PRODUCT_KEY_RULE } from '../keys';
import { PLATFORM_ID_PATTERN, PLATFORM_ID_RULE, USER_DOMAIN_PATTERN, USER_DOMAIN_RULE } from '../ids';
import { PagingArgs } from '../paging.args';

/** Queue names as requested (reference §6.6): ≤64 letters, digits, `_`, `-`. */
export const QUEUE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Full queue names as subscriptions use them: `a.<account>.<name>`. */
export const FULL_QUEUE_NAME_PATTERN = /^a\.\d{1,20}\.[A-Za-z0-9_-]{1,64}$/;
const FULL_QUEUE_NAME_RULE = 'queueName must be the full queue name, a.<account>.<name>, as MessageQueue.name returns it';
/** Subscription names (reference §6.6): ≤128 Chinese characters, letters, digits, `_`, `-`. */
export const SUBSCRIPTION_NAME_PATTERN = /^[\p{Script=Han}A-Za-z0-9_-]{1,128}$/u;
const SUBSCRIPTION_NAME_RULE = 'name must be 1-128 Chinese characters, letters, digits, "_" or "-"';

export const DEVICE_MESSAGE_TYPES = [
  MessageType.DEVICE_ONLINE_OFFLINE,
  MessageType.DEVICE_STATUS,
  MessageType.RAW_UPLINK,
  MessageType.RAW_DOWNLINK,
  MessageType.COMMAND_RESPONSE,
  MessageType.PROPERTY,
  MessageType.EVENT_INFO,
  MessageType.EVENT_ALERT,
  MessageType.EVENT_FAULT,
  MessageType.SERVICE_CALL,
  MessageType.LOCATION_DOWNLINK,
  MessageType.LOCATION_RAW,
  MessageType.LOCATION,
  MessageType.BINDING_CHANGE,
  MessageType.DEVICE_INFO_CHANGE,
];
export const SAAS_MESSAGE_TYPES = [
  MessageType.PRODUCT_CHANGED,
  MessageType.DEVICE_CHANGED,
  MessageType.THING_MODEL_PUBLISHED,
  MessageType.PRODUCT_AUTHORIZATION,
  MessageType.USER_DOMAIN_AUTHORIZATION,
];

@ArgsType()
export class MessageQueuesArgs extends PagingArgs {
  @Field(() => String, { nullable: true, description: 'Only queues whose full name contains this text.' })
  @IsOptional()
  @MaxLength(128)
  nameContains?: string | null;

  @Field(() => QueueStatus, { nullable: true, description: 'Only queues in this state.' })
  @IsOptional()
  status?: QueueStatus | null;
}

@ArgsType()
export class MessageSubscriptionsArgs extends PagingArgs {
  @Field(() => String, { nullable: true, description: 'Only subscriptions into this queue (full name).' })
  @IsOptional()
  @Matches(FULL_QUEUE_NAME_PATTERN, { message: FULL_QUEUE_NAME_RULE })
  queueName?: string | null;

  @Field(() => String, { nullable: true, description: 'Only subscriptions whose name contains this text.' })
  @IsOptional()
  @MaxLength(128)
  nameContains?: string | null;

  @Field(() => SubscriptionStatus, { nullable: true, description: 'Only subscriptions in this state.' })
  @IsOptional()
  status?: SubscriptionStatus | null;
}

@InputType({ description: 'A new message queue.' })
export class CreateMessageQueueInput {
  @Field({ description: 'Queue name: 1-64 letters, digits, "_" or "-", unique in the account. The platform prefixes it with `a.<account>.`.' })
  @Matches(QUEUE_NAME_PATTERN, { message: 'name must be 1-64 letters, digits, "_" or "-"' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description, at most 200 characters.' })
  @IsOptional()
  @MaxLength(200, { message: 'description must be at most 200 characters' })
  description?: string | null;
}

@InputType({ description: 'Fields every new message subscription has.' })
class SubscriptionBaseInput {
  @Field({ description: 'Subscription name: 1-128 Chinese characters, letters, digits, "_" or "-".' })
  @Matches(SUBSCRIPTION_NAME_PATTERN, { message: SUBSCRIPTION_NAME_RULE })
  name!: string;

  @Field({ description: 'Full name of the target queue (`MessageQueue.name`).' })
  @Matches(FULL_QUEUE_NAME_PATTERN, { message: FULL_QUEUE_NAME_RULE })
  queueName!: string;
}

@InputType({ description: 'A subscription to the messages of one product, or of one device when deviceKey is given.' })
export class CreateDeviceMessageSubscriptionInput extends SubscriptionBaseInput {
  @Field({ description: 'Product key (PK).' })
  @Matches(PRODUCT_KEY_PATTERN, { message: PRODUCT_KEY_RULE })
  productKey!: string;

  @Field(() => String, { nullable: true, description: 'Device key (DK); makes it a device-level subscription.' })
  @IsOptional()
  @Matches(DEVICE_KEY_PATTERN, { message: DEVICE_KEY_RULE })
  deviceKey?: string | null;

  @Field(() => [MessageType], { description: 'Device message types to push (ids 1-15).' })
  @ArrayMinSize(1, { message: 'messageTypes must not be empty' })
  @ArrayMaxSize(DEVICE_MESSAGE_TYPES.length)
  @IsIn(DEVICE_MESSAGE_TYPES, { each: true, message: 'messageTypes of a product or device subscription must be device message types (ids 1-15)' })
  messageTypes!: MessageType[];
}

@InputType({ description: 'A subscription to SaaS-level metadata messages (product, device, thing model, authorizations).' })
export class CreateSaasMessageSubscriptionInput extends SubscriptionBaseInput {
  @Field(() => [MessageType], { description: 'SaaS message types to push (ids 101-105).' })
  @ArrayMinSize(1, { message: 'messageTypes must not be empty' })
  @ArrayMaxSize(SAAS_MESSAGE_TYPES.length)
  @IsIn(SAAS_MESSAGE_TYPES, { each: true, message: 'messageTypes of a SaaS subscription must be SaaS message types (ids 101-105)' })
  messageTypes!: MessageType[];
}

@InputType({ description: 'A subscription to end-user changes of one user domain (END_USER_CHANGED).' })
export class CreateEndUserMessageSubscriptionInput extends SubscriptionBaseInput {
  @Field({ description: 'User domain (App), e.g. C.DM.5715.1.' })
  @Matches(USER_DOMAIN_PATTERN, { message: USER_DOMAIN_RULE })
  userDomain!: string;
}

@InputType({ description: 'Changes to a stopped message subscription; omitted fields stay as they are.' })
export class UpdateMessageSubscriptionInput {
  @Field(() => ID, { description: 'Subscription id.' })
  @Matches(PLATFORM_ID_PATTERN, { message: PLATFORM_ID_RULE })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @Matches(SUBSCRIPTION_NAME_PATTERN, { message: SUBSCRIPTION_NAME_RULE })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New target queue (full name).' })
  @IsOptional()
  @Matches(FULL_QUEUE_NAME_PATTERN, { message: FULL_QUEUE_NAME_RULE })
  queueName?: string | null;

  @Field(() => [MessageType], { nullable: true, description: 'New message types; they must suit the subscription level.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'messageTypes must not be empty' })
  messageTypes?: MessageType[] | null;
}
