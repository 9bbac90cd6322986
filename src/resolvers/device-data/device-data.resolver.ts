import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { DeviceLiveState } from '../../push/live-state';
import { BadUserInputError } from '../../errors';
import { Device, type DeviceSource } from '../../schema/devices/device.type';
import { DeviceEventConnection, DeviceLocation, DeviceMessageConnection, DeviceProperty } from '../../schema/device-data/device-data.type';
import { DeviceEventsArgs, DeviceMessagesArgs, DevicePropertiesArgs, type TimeRangeArgs } from '../../schema/device-data/device-data.args';
import { MessageDirection } from '../../schema/device-data/message-direction.enum';
import { PropertyAccess } from '../../schema/catalog/property-access.enum';
import type { ThingModel } from '../../schema/catalog/thing-model.type';
import { thingModelOf } from './tsl-decode';
import {
  liveLocation,
  liveProperties,
  selectedProperties,
  toDeviceEvent,
  toDeviceLocation,
  toDeviceMessage,
  toDeviceProperties,
  toUpstreamEventType,
} from './device-data.mapper';
import { pageConnection } from '../connection';

@Resolver(() => Device)
export class DeviceDataResolver {
  @FieldResolver(() => [DeviceProperty], {
    nullable: true,
    description:
      'Latest known value of each thing-model property with the time it was reported, where it was read from and ' +
      'how old it is. Read first from the live state the push channel keeps (no platform call), and for properties ' +
      'it lacks from the newest uplink reports in the message log (one page of it per device). Empty for products ' +
      'without a thing model; null (with an error) when the log or the model cannot be read.',
  })
  async properties(@Root() device: DeviceSource, @Args() { codes }: DevicePropertiesArgs, @Ctx() ctx: Context): Promise<DeviceProperty[]> {
    // The model first: a product without one costs no log call, and bad codes are refused before any. Sibling
    // devices reach each await in the same tick, so N devices of P products cost P model calls and N log pages
    // cold, and nothing at all when the live state holds every property.
    const model = await liveModelOf(ctx, device.productKey);
    if (!model) return [];
    codes?.forEach((code, i) => {
      if (!model.properties.some((p) => p.code === code)) {
        throw new BadUserInputError(`codes[${i}]: product ${device.productKey} has no property "${code}"`, `codes[${i}]`);
      }
    });
    const ref = { productKey: device.productKey, deviceKey: device.deviceKey };
    const now = ctx.now();
    const state = await liveStateOf(ctx, ref);
    const live = liveProperties(model, state, codes, now);
    const selected = selectedProperties(model, codes);
    // A write-only property is never reported, so the log cannot know it either: it does not send us there.
    const lacking = selected.filter((p) => !live.has(p.code) && p.access !== PropertyAccess.W);
    if (ctx.live && lacking.length === 0) {
      return toDeviceProperties(model, [], codes, now).map((row) => live.get(row.code) ?? row);
    }
    const page = await ctx.loaders.messagePageByDevice.load({ ...ref, direction: 1, pageNum: 1 });
    const fromHistory = toDeviceProperties(model, page.rows, codes, now);
    return fromHistory.map((row) => live.get(row.code) ?? row);
  }

  @FieldResolver(() => DeviceMessageConnection, {
    nullable: true,
    description: 'The uplink/downlink message log, newest first, with thing-model payloads decoded; null (with an error) when it cannot be read.',
  })
  async messages(@Root() device: DeviceSource, @Args() args: DeviceMessagesArgs, @Ctx() ctx: Context) {
    const range = timeRange(args);
    const direction = args.direction === MessageDirection.UP ? 1 : args.direction === MessageDirection.DOWN ? 2 : undefined;
    const model = await modelOf(ctx, device.productKey);
    const list = `messages${args.direction ? `-${args.direction.toLowerCase()}` : ''}`;
    return pageConnection(
      list,
      args,
      ctx.pageSize,
      (pageNum) => ctx.loaders.messagePageByDevice.load({ productKey: device.productKey, deviceKey: device.deviceKey, ...range, direction, pageNum }),
      (row, cursor) => ({ cursor, node: toDeviceMessage(row, model) }),
    );
  }

  @FieldResolver(() => DeviceEventConnection, {
    nullable: true,
    description:
      'The event log, newest first: connectivity changes and thing-model events with decoded outputs; null (with an error) when it cannot be read.',
  })
  async events(@Root() device: DeviceSource, @Args() args: DeviceEventsArgs, @Ctx() ctx: Context) {
    const range = timeRange(args);
    const eventType = args.type ? toUpstreamEventType(args.type) : undefined;
    const model = await modelOf(ctx, device.productKey);
    const list = `events${args.type ? `-${args.type.toLowerCase()}` : ''}`;
    return pageConnection(
      list,
      args,
      ctx.pageSize,
      (pageNum) => ctx.loaders.eventPageByDevice.load({ productKey: device.productKey, deviceKey: device.deviceKey, ...range, eventType, pageNum }),
      (row, cursor) => ({ cursor, node: toDeviceEvent(row, model) }),
    );
  }

  @FieldResolver(() => DeviceLocation, {
    nullable: true,
    description:
      'Latest reported location; null if never located. Read first from the live state the push channel keeps (no ' +
      'platform call), else from the platform.',
  })
  async location(@Root() device: DeviceSource, @Ctx() ctx: Context): Promise<DeviceLocation | null> {
    const ref = { productKey: device.productKey, deviceKey: device.deviceKey };
    const state = await liveStateOf(ctx, ref);
    if (state?.location) return liveLocation(state.location);
    const dto = await ctx.loaders.locationByDevice.load(ref);
    return dto ? toDeviceLocation(dto) : null;
  }
}

/**
 * What the live state store knows of the device; undefined without a store, or when it cannot be read: a store that
 * is down costs only the shortcut, and the field reads from the platform instead.
 */
async function liveStateOf(ctx: Context, ref: { productKey: string; deviceKey: string }): Promise<DeviceLiveState | undefined> {
  return ctx.live ? ctx.live.stateByDevice.load(ref).catch(() => undefined) : undefined;
}

/** The product's thing model through the live store's shared copy when the service keeps live state. */
async function liveModelOf(ctx: Context, productKey: string): Promise<ThingModel | null> {
  if (!ctx.live) return modelOf(ctx, productKey);
  const doc = await ctx.live.thingModelByProduct.load(productKey);
  return doc ? thingModelOf(doc) : null;
}

/** The product's thing model, or null for products without one (transparent, unpublished). */
export async function modelOf(ctx: Context, productKey: string): Promise<ThingModel | null> {
  const doc = await ctx.loaders.thingModelByProduct.load(productKey);
  return doc ? thingModelOf(doc) : null;
}

function timeRange({ from, to }: TimeRangeArgs): { from?: number; to?: number } {
  if (from && to && from.getTime() > to.getTime()) throw new BadUserInputError('from must not be after to', 'from');
  return { from: from?.getTime(), to: to?.getTime() };
}
