import { Field, ID, ObjectType } from 'type-graphql';
import { QueueStatus } from './queue-status.enum';
import { Connection } from '../connection.type';

@ObjectType({ description: 'Backlog of a message queue, as the platform reports it.' })
export class QueueBacklog {
  @Field(() => Number, { nullable: true, description: 'Messages waiting to be consumed.' })
  messageCount!: number | null;

  @Field(() => String, { nullable: true, description: "Size of the waiting messages, in the platform's own notation." })
  size!: string | null;

  @Field(() => String, { nullable: true, description: "Consumption rate, in the platform's own notation." })
  consumeRate!: string | null;
}

@ObjectType({
  description: 'An AMQP message queue of the account that subscriptions push into. At most 50 per account; a queue keeps messages 6 h / 500 MB.',
})
export class MessageQueue {
  @Field(() => ID, { description: 'Platform queue id.' })
  id!: string;

  @Field({ description: 'Full queue name (`a.<account>.<name>`), as consumers and subscriptions use it.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description!: string | null;

  @Field(() => QueueStatus, { description: 'Queue state.' })
  status!: QueueStatus;

  @Field(() => Boolean, { nullable: true, description: 'Whether this is the free queue of the SaaS application; null when not reported.' })
  free!: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When the queue was created.' })
  createdAt!: Date | null;

  /** Set when the source was queue/detail; otherwise the field resolver loads it. */
  backlog?: QueueBacklog;

  /** Set when the source was queue/detail. */
  connectUrl?: string | null;
}

export const MessageQueueConnection = Connection(MessageQueue, {
  name: 'MessageQueue',
  description: 'A page of message queues.',
  edges: 'The queues of this page.',
  totalCount: 'Number of queues in the whole list.',
  edge: { description: 'A message queue in a list.', cursor: 'Opaque position of this queue in the list.', node: 'The queue.' },
});
