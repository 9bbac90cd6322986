import { validate } from 'class-validator';
import { ArgumentValidationError, Args, Ctx, FieldResolver, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../../context';
import { AppError, BadUserInputError, ErrorCode } from '../../errors';
import type { PushEvent, PushSubscription } from '../../push/push-hub';
import { toPushedDeviceMessage, type PushedDeviceMessageSource } from './push-message.mapper';
import { DeviceMessagesSubscriptionArgs } from '../../schema/messaging/push-message.args';
import { PushedDeviceMessage } from '../../schema/messaging/push-message.type';
import { RequiresScope } from '../../schema/requires-scope';
import { DeviceEvent } from '../../schema/device-data/device-data.type';
import { TslFieldValue } from '../../schema/device-data/tsl-value.type';
import type { MessageType } from '../../schema/messaging/message-type.enum';
import { PushMessageType, pushTypesOf } from '../../schema/messaging/push-message-type.enum';
import type { ThingModel } from '../../schema/catalog/thing-model.type';
import { decodeByCode, thingModelOf } from '../device-data/tsl-decode';
import { eventTypeOf, toLiveDeviceEvent } from '../device-data/live.mapper';

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

  @FieldResolver(() => [TslFieldValue], { nullable: true })
  async values(@Root() pushed: PushedDeviceMessageSource, @Ctx() ctx: Context): Promise<TslFieldValue[] | null> {
    const kv = pushed.data?.kv;
    if (!VALUE_KINDS.has(pushed.type) || !pushed.productKey || kv === null || typeof kv !== 'object' || Array.isArray(kv)) return null;
    const model = await pushModelOf(ctx, pushed.productKey);
    if (!model) return null;
    if (pushed.type === PushMessageType.SERVICE_INPUT || pushed.type === PushMessageType.SERVICE_OUTPUT) {
      const service = model.services.find((s) => s.code === pushed.data?.code);
      const params = service ? (pushed.type === PushMessageType.SERVICE_INPUT ? service.inputs : service.outputs) : [];
      return decodeByCode(params, kv as Record<string, unknown>);
    }
    return decodeByCode(model.properties, kv as Record<string, unknown>);
  }

  @FieldResolver(() => DeviceEvent, { nullable: true })
  async event(@Root() pushed: PushedDeviceMessageSource, @Ctx() ctx: Context): Promise<DeviceEvent | null> {
    if (!pushed.message || !pushed.productKey || eventTypeOf(pushed.message) === null) return null;
    const model = pushed.type === PushMessageType.ONLINE ? null : await pushModelOf(ctx, pushed.productKey);
    return toLiveDeviceEvent(pushed.message, model);
  }
}

const VALUE_KINDS = new Set([
  PushMessageType.PROPERTY_REPORT,
  PushMessageType.PROPERTY_READ_RESPONSE,
  PushMessageType.PROPERTY_WRITE,
  PushMessageType.SERVICE_INPUT,
  PushMessageType.SERVICE_OUTPUT,
]);

/** The thing model for decoding a pushed message: the live store's shared copy when kept, else the request's loader. */
async function pushModelOf(ctx: Context, productKey: string): Promise<ThingModel | null> {
  const doc = await (ctx.live?.thingModelByProduct ?? ctx.loaders.thingModelByProduct).load(productKey);
  return doc ? thingModelOf(doc) : null;
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
    types: kindsOf(args.types, args.messageTypes),
  });
}

/** `types` and `messageTypes` together: the pushed kinds that pass both; undefined when neither filters. */
function kindsOf(types: PushMessageType[] | null | undefined, messageTypes: MessageType[] | null | undefined): Set<PushMessageType> | undefined {
  const byMessageType = messageTypes ? new Set(messageTypes.flatMap(pushTypesOf)) : undefined;
  if (!types) return byMessageType;
  return new Set(byMessageType ? types.filter((t) => byMessageType.has(t)) : types);
}
