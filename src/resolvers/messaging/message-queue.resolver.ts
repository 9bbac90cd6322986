import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { QueueStatus } from '../../schema/messaging/queue-status.enum';
import { MessageQueue, MessageQueueConnection, QueueBacklog } from '../../schema/messaging/message-queue.type';
import { CreateMessageQueueInput, MessageQueuesArgs } from '../../schema/messaging/message-subscription.input';
import { PlatformIdArgs } from '../../schema/platform-id.args';
import { toMessageQueue, toMessageQueueFromDetail } from './rule.mapper';
import { rulePageSize } from '../../datasources/messaging/rule.loaders';
import { pageConnection } from '../connection';
import { explainingLimits } from './rule-limits';
import { RequiresScope } from '../../schema/requires-scope';

const STATUS_CODES: Record<QueueStatus, number> = { NOT_ENABLED: 0, ENABLED: 1, SUSPENDED: 2 };

@Resolver(() => MessageQueue)
export class MessageQueueResolver {
  @RequiresScope('read')
  @Query(() => MessageQueueConnection, { description: 'Message queues of the account (at most 50), in platform order.' })
  messageQueues(@Args() { nameContains, status, ...paging }: MessageQueuesArgs, @Ctx() ctx: Context) {
    const filter = { queueName: nameContains ?? undefined, status: status ? STATUS_CODES[status] : undefined };
    // Filters are part of the list name, so a cursor of one filtered list is refused by another.
    const list = `message-queues${status ? `-${status.toLowerCase().replace(/_/g, '-')}` : ''}${nameContains ? '-named' : ''}`;
    return pageConnection(
      list,
      paging,
      rulePageSize(ctx.pageSize),
      (pageNum) => ctx.loaders.queuePage.load({ ...filter, pageNum }),
      (row, cursor) => ({ cursor, node: toMessageQueue(row) }),
    );
  }

  @RequiresScope('read')
  @Query(() => MessageQueue, { nullable: true, description: 'One message queue by id; null when it does not exist.' })
  async messageQueue(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<MessageQueue | null> {
    const dto = await ctx.loaders.queueById.load(Number(id));
    return dto ? toMessageQueueFromDetail(dto) : null;
  }

  @FieldResolver(() => QueueBacklog, { nullable: true, description: 'Messages waiting in the queue; null when the queue is gone.' })
  async backlog(@Root() queue: MessageQueue, @Ctx() ctx: Context): Promise<QueueBacklog | null> {
    if (queue.backlog) return queue.backlog;
    const dto = await ctx.loaders.queueById.load(Number(queue.id));
    return dto ? (toMessageQueueFromDetail(dto).backlog ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'AMQP URL consumers connect to.' })
  async connectUrl(@Root() queue: MessageQueue, @Ctx() ctx: Context): Promise<string | null> {
    if (queue.connectUrl !== undefined) return queue.connectUrl;
    const dto = await ctx.loaders.queueById.load(Number(queue.id));
    return dto?.connectUrl || null;
  }

  @RequiresScope('admin')
  @Mutation(() => MessageQueue, {
    description:
      'Create a message queue. Fails with BAD_USER_INPUT when the name exists (upstream 16001) or the account already has 50 queues (16007). Idempotent: no.',
  })
  async createMessageQueue(@Arg('input', { description: 'The queue.' }) input: CreateMessageQueueInput, @Ctx() ctx: Context): Promise<MessageQueue> {
    return toMessageQueue(await explainingLimits(() => ctx.apis.rules.createQueue(input.name, input.description ?? undefined)));
  }

  @RequiresScope('admin')
  @Mutation(() => ID, {
    description:
      'Delete a message queue; returns its id. Fails with BAD_USER_INPUT while subscriptions still point at it (16008) and NOT_FOUND for an unknown queue (16002). Idempotent: no.',
  })
  async deleteMessageQueue(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<string> {
    await explainingLimits(() => ctx.apis.rules.deleteQueue(Number(id)));
    ctx.loaders.queueById.clear(Number(id));
    return id;
  }

  @RequiresScope('admin')
  @Mutation(() => MessageQueue, {
    description: 'Discard every message waiting in a queue; returns the queue afterwards. NOT_FOUND for an unknown queue (16002). Idempotent: yes.',
  })
  async clearMessageQueue(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<MessageQueue> {
    await ctx.apis.rules.clearQueue(Number(id));
    ctx.loaders.queueById.clear(Number(id));
    const dto = await ctx.loaders.queueById.load(Number(id));
    if (!dto) throw new NotFoundError(`Message queue ${id} does not exist`);
    return toMessageQueueFromDetail(dto);
  }
}
