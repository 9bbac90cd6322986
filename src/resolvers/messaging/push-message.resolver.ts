import { validate } from 'class-validator';
import { ArgumentValidationError, Args, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../../context';
import { AppError, BadUserInputError, ErrorCode } from '../../errors';
import type { PushEvent, PushSubscription } from '../../push/push-hub';
import { toPushedDeviceMessage } from './push-message.mapper';
import { DeviceMessagesSubscriptionArgs } from '../../schema/messaging/push-message.args';
import { PushedDeviceMessage } from '../../schema/messaging/push-message.type';
import { RequiresScope } from '../../schema/requires-scope';

@Resolver(() => PushedDeviceMessage)
export class PushMessageResolver {
  @RequiresScope('read')
  @Subscription(() => PushedDeviceMessage, {
    description:
      'Device messages as the platform pushes them through its AMQP message subscription, live, in the order of the platform queue, for ' +
      'every subscriber from the moment it subscribes. Messages pushed while nobody subscribes stay in the queue (the ' +
      'platform keeps 6 h) and arrive with the next subscriber. Needs QUEC_AMQP_URL and QUEC_AMQP_QUEUE on the ' +
      'service and a started message subscription into that queue for the messages wanted; otherwise fails at once ' +
      'with PUSH_NOT_CONFIGURED. Over graphql-ws on the /graphql path. A client that reads too slowly loses the ' +
      'oldest messages and is told how many in `droppedBefore`.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, Record<string, unknown>, Context>) => subscribeToDeviceMessages(args, context),
  })
  deviceMessages(@Root() event: PushEvent | undefined, @Args() _filter: DeviceMessagesSubscriptionArgs): PushedDeviceMessage {
    // Over HTTP a subscription operation is executed like a query, once, with no event to map.
    if (!event) {
      throw new BadUserInputError('deviceMessages is a subscription: open it over WebSocket (graphql-ws) on /graphql');
    }
    return toPushedDeviceMessage(event);
  }
}

/**
 * The subscribe step: runs once per subscription, before any event. type-graphql validates arguments only in the
 * per-event resolver, so they are validated here too, where a mistake must fail the subscription at once.
 */
async function subscribeToDeviceMessages(raw: Record<string, unknown>, ctx: Context): Promise<PushSubscription> {
  const args = Object.assign(new DeviceMessagesSubscriptionArgs(), raw);
  const problems = await validate(args, { skipMissingProperties: true, forbidUnknownValues: false });
  if (problems.length > 0) throw new ArgumentValidationError(problems);
  if (args.deviceKey && !args.productKey) {
    // A device key is unique only within its product (reference §6.3).
    throw new BadUserInputError('deviceKey needs productKey', 'deviceKey');
  }
  if (!ctx.push) {
    throw new AppError(
      'Push is not configured on this service: set QUEC_AMQP_URL and QUEC_AMQP_QUEUE (see docs/push.md in the quec-graph repository)',
      ErrorCode.PUSH_NOT_CONFIGURED,
    );
  }
  return ctx.push.subscribe({
    productKey: args.productKey ?? undefined,
    deviceKey: args.deviceKey ?? undefined,
    types: args.types ? new Set(args.types) : undefined,
  });
}
