import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors';
import { MessageType } from '../../schema/messaging/message-type.enum';
import { SubscriptionStatus } from '../../schema/messaging/subscription-status.enum';
import { MessageSubscription, MessageSubscriptionConnection, type MessageSubscriptionDetail } from '../../schema/messaging/message-subscription.type';
import { MessageQueue } from '../../schema/messaging/message-queue.type';
import {
  CreateDeviceMessageSubscriptionInput,
  CreateEndUserMessageSubscriptionInput,
  CreateSaasMessageSubscriptionInput,
  MessageSubscriptionsArgs,
  UpdateMessageSubscriptionInput,
} from '../../schema/messaging/message-subscription.input';
import { PlatformIdArgs } from '../../schema/platform-id.args';
import { Product } from '../../schema/catalog/product.type';
import type { DeviceSource } from '../../schema/devices/device.type';
import { Device } from '../../schema/devices/device.type';
import { toMessageQueueFromDetail, toMessageSubscription, toMessageSubscriptionFromDetail, toMessageTypeId } from './rule.mapper';
import { rulePageSize } from '../../datasources/messaging/rule.loaders';
import { toProduct } from '../catalog/product.mapper';
import { pageConnection } from '../connection';
import { explainingLimits } from './rule-limits';
import { RequiresScope } from '../../schema/requires-scope';

@Resolver(() => MessageSubscription)
export class MessageSubscriptionResolver {
  @RequiresScope('read')
  @Query(() => MessageSubscriptionConnection, { description: 'Message subscriptions of the account (at most 100), in platform order.' })
  messageSubscriptions(@Args() { queueName, nameContains, status, ...paging }: MessageSubscriptionsArgs, @Ctx() ctx: Context) {
    const filter = {
      queueName: queueName ?? undefined,
      subscribeName: nameContains ?? undefined,
      status: status ? (status === SubscriptionStatus.RUNNING ? 1 : 0) : undefined,
    };
    const list = `message-subscriptions${status ? `-${status.toLowerCase()}` : ''}${queueName ? '-queue' : ''}${nameContains ? '-named' : ''}`;
    return pageConnection(
      list,
      paging,
      rulePageSize(ctx.pageSize),
      (pageNum) => ctx.loaders.subscriptionPage.load({ ...filter, pageNum }),
      (row, cursor) => ({ cursor, node: toMessageSubscription(row) }),
    );
  }

  @RequiresScope('read')
  @Query(() => MessageSubscription, { nullable: true, description: 'One message subscription by id; null when it does not exist.' })
  async messageSubscription(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<MessageSubscription | null> {
    const dto = await ctx.loaders.subscriptionById.load(Number(id));
    return dto ? toMessageSubscriptionFromDetail(dto) : null;
  }

  @FieldResolver(() => MessageQueue, { nullable: true, description: 'The queue the messages go to; null when it no longer exists.' })
  async queue(@Root() sub: MessageSubscription, @Ctx() ctx: Context): Promise<MessageQueue | null> {
    const dto = await ctx.loaders.queueById.load(Number(sub.queueId));
    return dto ? toMessageQueueFromDetail(dto) : null;
  }

  @FieldResolver(() => [MessageType], { description: 'Message types pushed.' })
  async messageTypes(@Root() sub: MessageSubscription, @Ctx() ctx: Context): Promise<MessageType[]> {
    return (await detailOf(sub, ctx)).messageTypes;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Product key of a product or device subscription.' })
  async productKey(@Root() sub: MessageSubscription, @Ctx() ctx: Context): Promise<string | null> {
    return (await detailOf(sub, ctx)).productKey;
  }

  @FieldResolver(() => Product, { nullable: true, description: 'Product of a product or device subscription.' })
  async product(@Root() sub: MessageSubscription, @Ctx() ctx: Context): Promise<Product | null> {
    const { productKey } = await detailOf(sub, ctx);
    const dto = productKey ? await ctx.loaders.productByKey.load(productKey) : null;
    return dto ? toProduct(dto) : null;
  }

  @FieldResolver(() => Device, { nullable: true, description: 'Device of a device subscription.' })
  async device(@Root() sub: MessageSubscription, @Ctx() ctx: Context): Promise<DeviceSource | null> {
    const { productKey, deviceKey } = await detailOf(sub, ctx);
    return productKey && deviceKey ? { productKey, deviceKey } : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'User domain of an end-user-domain subscription.' })
  async userDomain(@Root() sub: MessageSubscription, @Ctx() ctx: Context): Promise<string | null> {
    return (await detailOf(sub, ctx)).userDomain;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the subscription last changed.' })
  async updatedAt(@Root() sub: MessageSubscription, @Ctx() ctx: Context): Promise<Date | null> {
    return (await detailOf(sub, ctx)).updatedAt;
  }

  @RequiresScope('admin')
  @Mutation(() => MessageSubscription, {
    description:
      'Subscribe a queue to the messages of a product, or of one device when deviceKey is given. The subscription starts STOPPED. ' +
      'Fails with BAD_USER_INPUT when the account already has 100 subscriptions (16018), NOT_FOUND for an unknown queue, product or device. Idempotent: no.',
  })
  async createDeviceMessageSubscription(
    @Arg('input', { description: 'The subscription.' }) input: CreateDeviceMessageSubscriptionInput,
    @Ctx() ctx: Context,
  ): Promise<MessageSubscription> {
    const id = await explainingLimits(() =>
      ctx.apis.rules.createDeviceSubscription({
        subscribeName: input.name,
        queueName: input.queueName,
        productKey: input.productKey,
        dataLevel: input.deviceKey ? 2 : 1,
        deviceKey: input.deviceKey ?? undefined,
        msgTypes: input.messageTypes.map(toMessageTypeId),
      }),
    );
    return reload(ctx, id);
  }

  @RequiresScope('admin')
  @Mutation(() => MessageSubscription, {
    description:
      'Subscribe a queue to SaaS-level metadata messages. The subscription starts STOPPED; 100 subscriptions at most (16018). Idempotent: no.',
  })
  async createSaasMessageSubscription(
    @Arg('input', { description: 'The subscription.' }) input: CreateSaasMessageSubscriptionInput,
    @Ctx() ctx: Context,
  ): Promise<MessageSubscription> {
    const id = await explainingLimits(() =>
      ctx.apis.rules.createSaasSubscription(input.name, input.queueName, input.messageTypes.map(toMessageTypeId)),
    );
    return reload(ctx, id);
  }

  @RequiresScope('admin')
  @Mutation(() => MessageSubscription, {
    description:
      'Subscribe a queue to end-user changes (END_USER_CHANGED) of one user domain. The subscription starts STOPPED; 100 subscriptions at most (16018). Idempotent: no.',
  })
  async createEndUserMessageSubscription(
    @Arg('input', { description: 'The subscription.' }) input: CreateEndUserMessageSubscriptionInput,
    @Ctx() ctx: Context,
  ): Promise<MessageSubscription> {
    const id = await explainingLimits(() =>
      ctx.apis.rules.createEndUserSubscription(input.name, input.queueName, input.userDomain, [toMessageTypeId(MessageType.END_USER_CHANGED)]),
    );
    return reload(ctx, id);
  }

  @RequiresScope('admin')
  @Mutation(() => MessageSubscription, {
    description: 'Change a stopped subscription; a running one is refused with BAD_USER_INPUT (16022). Idempotent: yes.',
  })
  async updateMessageSubscription(
    @Arg('input', { description: 'The subscription and its new fields.' }) input: UpdateMessageSubscriptionInput,
    @Ctx() ctx: Context,
  ): Promise<MessageSubscription> {
    if (!input.name && !input.queueName && !input.messageTypes)
      throw new BadUserInputError('Nothing to change: give name, queueName or messageTypes', 'input');
    await explainingLimits(() =>
      ctx.apis.rules.updateSubscription({
        subscribeId: Number(input.id),
        subscribeName: input.name ?? undefined,
        queueName: input.queueName ?? undefined,
        msgTypes: input.messageTypes?.map(toMessageTypeId),
      }),
    );
    return reload(ctx, Number(input.id));
  }

  @RequiresScope('admin')
  @Mutation(() => MessageSubscription, {
    description:
      'Start pushing messages; also enables the queue. Starting a running subscription is refused with BAD_USER_INPUT (16020). Idempotent: no.',
  })
  async startMessageSubscription(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<MessageSubscription> {
    await explainingLimits(() => ctx.apis.rules.startSubscription(Number(id)));
    return reload(ctx, Number(id));
  }

  @RequiresScope('admin')
  @Mutation(() => MessageSubscription, {
    description: 'Stop pushing messages. Stopping a stopped subscription is refused with BAD_USER_INPUT (16021). Idempotent: no.',
  })
  async stopMessageSubscription(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<MessageSubscription> {
    await explainingLimits(() => ctx.apis.rules.stopSubscription(Number(id)));
    return reload(ctx, Number(id));
  }

  @RequiresScope('admin')
  @Mutation(() => ID, {
    description:
      'Delete a stopped subscription; returns its id. A running one is refused with BAD_USER_INPUT (16019); NOT_FOUND for an unknown id (16011). Idempotent: no.',
  })
  async deleteMessageSubscription(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<string> {
    await explainingLimits(() => ctx.apis.rules.deleteSubscription(Number(id)));
    ctx.loaders.subscriptionById.clear(Number(id));
    return id;
  }
}

async function detailOf(sub: MessageSubscription, ctx: Context): Promise<MessageSubscriptionDetail> {
  if (sub.detail) return sub.detail;
  const dto = await ctx.loaders.subscriptionById.load(Number(sub.id));
  if (!dto) throw new NotFoundError(`Message subscription ${sub.id} does not exist`);
  return toMessageSubscriptionFromDetail(dto).detail as MessageSubscriptionDetail;
}

/** After a write, the platform's own view of the subscription (the write calls answer no record). */
async function reload(ctx: Context, id: number): Promise<MessageSubscription> {
  ctx.loaders.subscriptionById.clear(id);
  const dto = await ctx.loaders.subscriptionById.load(id);
  if (!dto) throw new NotFoundError(`Message subscription ${id} does not exist`);
  return toMessageSubscriptionFromDetail(dto);
}
