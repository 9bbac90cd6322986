import { validate } from 'class-validator';
import { ArgumentValidationError, Args, Ctx, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../../context';
import { AppError, BadUserInputError, ErrorCode } from '../../errors';
import { awaitCommand, type CommandWait } from '../../push/command-waiter';
import type { PushEvent, PushHub } from '../../push/push-hub';
import type { ThingModel } from '../../schema/catalog/thing-model.type';
import { CommandResultArgs, DeviceEventsSubscriptionArgs, DevicePropertiesChangedArgs, LiveDevicesArgs } from '../../schema/device-data/live.args';
import { CommandOutcome, DevicePropertiesChange, DeviceStatusChange, LiveDeviceEvent } from '../../schema/device-data/live.type';
import { PushMessageType } from '../../schema/messaging/push-message-type.enum';
import { RequiresScope } from '../../schema/requires-scope';
import { eventTypeOf, kvOf, occurredAtOf, toCommandOutcome, toLiveDeviceEvent, toLiveProperties } from './live.mapper';
import { thingModelOf } from './tsl-decode';

type Raw = Record<string, unknown>;
type SubscribeData = SubscribeResolverData<unknown, Raw, Context>;

const PROPERTY_KINDS = new Set([PushMessageType.PROPERTY_REPORT, PushMessageType.PROPERTY_READ_RESPONSE]);
const EVENT_KINDS = new Set([PushMessageType.ONLINE, PushMessageType.EVENT_INFO, PushMessageType.EVENT_WARN, PushMessageType.EVENT_ERROR]);

/**
 * Live device state for frontends, over graphql-ws like `deviceMessages` and behind the same scope: each
 * subscription is routed by its devices (or product, or ticket), and each event is resolved with a fresh context.
 */
@Resolver()
export class LiveDeviceResolver {
  @RequiresScope('read')
  @Subscription(() => DevicePropertiesChange, {
    description:
      'New property values of the devices of a product (or of the devices named), typed like `Device.properties`. One event ' +
      'per report that moved at least one selected property forward; a late or repeated report sends nothing. Fails ' +
      'at once with PUSH_NOT_CONFIGURED when the service has no push channel.',
    subscribe: ({ args, context }: SubscribeData) => subscribeToProperties(args, context),
  })
  async devicePropertiesChanged(
    @Root() event: PushEvent | undefined,
    @Args() args: DevicePropertiesChangedArgs,
    @Ctx() ctx: Context,
  ): Promise<DevicePropertiesChange> {
    const { message, change, droppedBefore } = eventOrFail(event, 'devicePropertiesChanged');
    const model = await modelOf(ctx, message.productKey!);
    const moved = change ? new Set(change.properties) : undefined;
    const wanted = args.codes ? new Set(args.codes) : undefined;
    const only = moved && wanted ? new Set([...moved].filter((c) => wanted.has(c))) : (moved ?? wanted);
    return {
      ...deviceFields(event!),
      droppedBefore,
      properties: model ? toLiveProperties(model, message, only, ctx.now()) : [],
      reportedAt: new Date(occurredAtOf(message)),
    };
  }

  @RequiresScope('read')
  @Subscription(() => DeviceStatusChange, {
    description:
      'Devices of a product (or the devices named) going online, offline or reconnecting, as the platform reports it. ' +
      'A late or repeated report sends nothing.',
    subscribe: ({ args, context }: SubscribeData) => subscribeToStatus(args, context),
  })
  deviceStatusChanged(@Root() event: PushEvent | undefined, @Args() _args: LiveDevicesArgs): DeviceStatusChange {
    const { message, droppedBefore } = eventOrFail(event, 'deviceStatusChanged');
    const change = eventTypeOf(message)!;
    return { ...deviceFields(event!), droppedBefore, online: Number(message.data?.value) !== 0, change, changedAt: new Date(occurredAtOf(message)) };
  }

  @RequiresScope('read')
  @Subscription(() => LiveDeviceEvent, {
    description:
      'Events of the devices of a product (or of the devices named) as they happen: connectivity changes and thing-model ' +
      'events, each the same `DeviceEvent` that `Device.events` lists, outputs decoded with the thing model.',
    subscribe: ({ args, context }: SubscribeData) => subscribeToEvents(args, context),
  })
  async deviceEvents(
    @Root() event: PushEvent | undefined,
    @Args() _args: DeviceEventsSubscriptionArgs,
    @Ctx() ctx: Context,
  ): Promise<LiveDeviceEvent> {
    const { message, droppedBefore } = eventOrFail(event, 'deviceEvents');
    const model = message.type === PushMessageType.ONLINE ? null : await modelOf(ctx, message.productKey!);
    return { ...deviceFields(event!), droppedBefore, event: toLiveDeviceEvent(message, model)! };
  }

  @RequiresScope('read')
  @Subscription(() => CommandOutcome, {
    description:
      'The outcome of a command sent with a command mutation, by the ticket it returned: one event, SUCCEEDED or FAILED when ' +
      'the device acknowledges it (also when that happened before this subscription started, within 15 minutes), or ' +
      'TIMED_OUT after `timeoutSeconds`; then the subscription completes. Never waits longer than the timeout.',
    subscribe: ({ args, context }: SubscribeData) => subscribeToCommand(args, context),
  })
  commandResult(@Root() wait: CommandWait | undefined, @Args() _args: CommandResultArgs): CommandOutcome {
    if (!wait) throw new BadUserInputError('commandResult is a subscription: open it over WebSocket (graphql-ws) on /graphql');
    return toCommandOutcome(wait);
  }
}

function eventOrFail(event: PushEvent | undefined, field: string): PushEvent {
  // Over HTTP a subscription operation is executed like a query, once, with no event to map.
  if (!event) throw new BadUserInputError(`${field} is a subscription: open it over WebSocket (graphql-ws) on /graphql`);
  return event;
}

function deviceFields({ message }: PushEvent) {
  const productKey = message.productKey!;
  const deviceKey = message.deviceKey!;
  return { productKey, deviceKey, device: { productKey, deviceKey }, ticket: message.ticket };
}

async function modelOf(ctx: Context, productKey: string): Promise<ThingModel | null> {
  const doc = await (ctx.live?.thingModelByProduct ?? ctx.loaders.thingModelByProduct).load(productKey);
  return doc ? thingModelOf(doc) : null;
}

/** type-graphql validates arguments only in the per-event resolver; a mistake must fail the subscription at once. */
async function validated<T extends object>(kind: new () => T, raw: Raw): Promise<T> {
  const args = Object.assign(new kind(), raw);
  const problems = await validate(args, { skipMissingProperties: true, forbidUnknownValues: false });
  if (problems.length > 0) throw new ArgumentValidationError(problems);
  return args;
}

function pushOf(ctx: Context): PushHub {
  if (!ctx.push) {
    throw new AppError(
      'Push is not configured on this service: set QUEC_AMQP_URL and QUEC_AMQP_QUEUE, or run with the embedded simulator (see docs/push.md in the quec-graph repository)',
      ErrorCode.PUSH_NOT_CONFIGURED,
    );
  }
  return ctx.push;
}

async function subscribeToProperties(raw: Raw, ctx: Context) {
  const args = await validated(DevicePropertiesChangedArgs, raw);
  const push = pushOf(ctx);
  const wanted = args.codes ? new Set(args.codes) : undefined;
  if (args.codes) {
    const model = await modelOf(ctx, args.productKey);
    args.codes.forEach((code, i) => {
      if (!model?.properties.some((p) => p.code === code)) {
        throw new BadUserInputError(`codes[${i}]: product ${args.productKey} has no property "${code}"`, `codes[${i}]`);
      }
    });
  }
  return push.subscribe({
    productKey: args.productKey,
    deviceKeys: args.deviceKeys ?? undefined,
    types: PROPERTY_KINDS,
    // With live state, only what moved the state forward; without, whatever the report carries.
    accept: ({ message, change }) => (change ? change.properties : Object.keys(kvOf(message))).some((code) => !wanted || wanted.has(code)),
  });
}

async function subscribeToStatus(raw: Raw, ctx: Context) {
  const args = await validated(LiveDevicesArgs, raw);
  return pushOf(ctx).subscribe({
    productKey: args.productKey,
    deviceKeys: args.deviceKeys ?? undefined,
    types: new Set([PushMessageType.ONLINE]),
    accept: ({ message, change }) => eventTypeOf(message) !== null && (!change || change.connectivity),
  });
}

async function subscribeToEvents(raw: Raw, ctx: Context) {
  const args = await validated(DeviceEventsSubscriptionArgs, raw);
  const types = args.types ? new Set(args.types) : undefined;
  return pushOf(ctx).subscribe({
    productKey: args.productKey,
    deviceKeys: args.deviceKeys ?? undefined,
    types: EVENT_KINDS,
    accept: ({ message }) => {
      const type = eventTypeOf(message);
      return type !== null && (!types || types.has(type));
    },
  });
}

async function subscribeToCommand(raw: Raw, ctx: Context) {
  const args = await validated(CommandResultArgs, { timeoutSeconds: 30, ...raw });
  const push = pushOf(ctx);
  return awaitCommand(push, args.ticket, args.timeoutSeconds * 1000, push.timers);
}
