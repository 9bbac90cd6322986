import { Field, ID, ObjectType } from 'type-graphql';
import { SubscriptionLevel } from './subscription-level.enum';
import { SubscriptionStatus } from './subscription-status.enum';
import type { MessageType } from './message-type.enum';
import { Connection } from '../connection.type';

/**
 * A subscription rule pushing platform messages into a queue. Named MessageSubscription so it cannot clash with
 * GraphQL's root `Subscription` type.
 */
@ObjectType({ description: 'A message subscription rule: which platform messages are pushed into which queue. At most 100 per account.' })
export class MessageSubscription {
  @Field(() => ID, { description: 'Platform subscription id.' })
  id!: string;

  @Field({ description: 'Subscription name.' })
  name!: string;

  @Field(() => SubscriptionStatus, { description: 'Running or stopped.' })
  status!: SubscriptionStatus;

  @Field(() => SubscriptionLevel, { description: 'What the subscription covers.' })
  level!: SubscriptionLevel;

  @Field(() => ID, { description: 'Id of the queue the messages go to.' })
  queueId!: string;

  @Field({ description: 'Full name of the queue the messages go to.' })
  queueName!: string;

  @Field(() => Date, { nullable: true, description: 'When the subscription was created.' })
  createdAt!: Date | null;

  /** Detail-only fields: set when the source was subscribe/detail, loaded on demand otherwise. */
  detail?: MessageSubscriptionDetail;
}

export interface MessageSubscriptionDetail {
  messageTypes: MessageType[];
  productKey: string | null;
  deviceKey: string | null;
  userDomain: string | null;
  updatedAt: Date | null;
}

export const MessageSubscriptionConnection = Connection(MessageSubscription, {
  name: 'MessageSubscription',
  description: 'A page of message subscriptions.',
  edges: 'The subscriptions of this page.',
  totalCount: 'Number of subscriptions in the whole list.',
  edge: { description: 'A message subscription in a list.', cursor: 'Opaque position of this subscription in the list.', node: 'The subscription.' },
});
