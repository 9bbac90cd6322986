import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import { CommandPayload } from '../../schema/device-data/command.type';
import {
  InvokeServiceInput,
  RequestPropertiesInput,
  SendRawDataInput,
  WritePropertiesInput,
  type CommandOptionsInput,
  type DeviceRefInput,
} from '../../schema/device-data/command.input';
import { RawEncoding } from '../../schema/device-data/raw-encoding.enum';
import type { ThingModel } from '../../schema/catalog/thing-model.type';
import type { DownlinkOptions, TslDownlink } from '../../datasources/device-data/command.api';
import type { CommandResultDto } from '../../datasources/device-data/device-data.dto';
import { groupByProduct, toCommandPayload, uniqueRefs, type ProductGroup } from './command.plan';
import { checkPropertyReads, encodePropertyWrites, encodeServiceCall } from './tsl-encode';
import { thingModelOf } from './tsl-decode';
import { RequiresScope } from '../../schema/requires-scope';

const NOT_IDEMPOTENT =
  'Never retried by this service: a command whose outcome is UNKNOWN may have been delivered, so check ' +
  '`Device.messages` before sending it again. Idempotent: no.';

const RAW_MAX_CHARS = 4096;

@Resolver()
export class CommandResolver {
  @RequiresScope('control')
  @Mutation(() => CommandPayload, {
    description:
      "Set thing-model properties on one or many devices. Values are checked against each product's thing model first; " +
      'any invalid value fails the whole mutation with BAD_USER_INPUT naming the field, and nothing is sent. One upstream ' +
      `call per product; results per device. ${NOT_IDEMPOTENT}`,
  })
  async writeDeviceProperties(
    @Arg('input', { description: 'Devices, properties and delivery options.' }) input: WritePropertiesInput,
    @Ctx() ctx: Context,
  ) {
    return sendTsl(
      ctx,
      input.devices,
      input.options,
      (model, owner) => encodePropertyWrites(model, input.properties, 'input.properties', owner),
      (call) => ctx.apis.commands.writeData(call),
    );
  }

  @RequiresScope('control')
  @Mutation(() => CommandPayload, {
    description:
      'Invoke a thing-model service on one or many devices; the device answers later (see `Device.messages`). Inputs are ' +
      `checked against the thing model first. One upstream call per product; results per device. ${NOT_IDEMPOTENT}`,
  })
  async invokeDeviceService(
    @Arg('input', { description: 'Devices, service, inputs and delivery options.' }) input: InvokeServiceInput,
    @Ctx() ctx: Context,
  ) {
    return sendTsl(
      ctx,
      input.devices,
      input.options,
      (model, owner) => encodeServiceCall(model, input.service, input.inputs, { service: 'input.service', inputs: 'input.inputs' }, owner),
      (call) => ctx.apis.commands.sendServiceData(call),
    );
  }

  @RequiresScope('control')
  @Mutation(() => CommandPayload, {
    description:
      'Ask one or many devices to report property values now; the values arrive later in the message log and in ' +
      `\`Device.properties\`. One upstream call per product; results per device. ${NOT_IDEMPOTENT}`,
  })
  async requestDeviceProperties(
    @Arg('input', { description: 'Devices, property codes and delivery options.' }) input: RequestPropertiesInput,
    @Ctx() ctx: Context,
  ) {
    return sendTsl(
      ctx,
      input.devices,
      input.options,
      (model, owner) => checkPropertyReads(model, input.codes, 'input.codes', owner),
      (call) => ctx.apis.commands.readData(call),
    );
  }

  @RequiresScope('control')
  @Mutation(() => CommandPayload, {
    description:
      'Send a transparent (raw) payload to one or many devices, which may span products: one upstream call in all; ' +
      `results per device. ${NOT_IDEMPOTENT}`,
  })
  async sendDeviceRawData(@Arg('input', { description: 'Devices, payload and delivery options.' }) input: SendRawDataInput, @Ctx() ctx: Context) {
    checkRawPayload(input.payload, input.encoding);
    const devices = uniqueRefs(input.devices.map(toRef));
    const [call] = await Promise.allSettled([
      ctx.apis.commands.sendRawData({
        devices,
        payload: input.payload,
        encode: input.encoding === RawEncoding.HEX ? 'Hex' : 'Text',
        options: toDownlinkOptions(input.options),
      }),
    ]);
    return toCommandPayload(devices, [call], () => 0);
  }
}

/**
 * Loads each product's thing model, validates and encodes the document for every product before sending anything,
 * then sends one call per product concurrently. A product without a thing model fails the mutation unsent.
 */
async function sendTsl(
  ctx: Context,
  deviceInputs: readonly DeviceRefInput[],
  options: CommandOptionsInput | null | undefined,
  encode: (model: ThingModel, owner: string) => unknown,
  send: (call: TslDownlink) => Promise<CommandResultDto[]>,
): Promise<CommandPayload> {
  const refs = deviceInputs.map(toRef);
  const groups = groupByProduct(refs);
  const docs = await Promise.all(groups.map((g) => ctx.loaders.thingModelByProduct.load(g.productKey)));
  const calls: TslDownlink[] = groups.map((group: ProductGroup, i) => {
    const doc = docs[i];
    if (!doc) {
      const path = `input.devices[${group.firstIndex}].productKey`;
      throw new BadUserInputError(`${path}: product ${group.productKey} has no published thing model (unknown product, or transparent)`, path);
    }
    const data = encode(thingModelOf(doc), `product ${group.productKey}`);
    return { productKey: group.productKey, deviceKeys: group.deviceKeys, data, options: toDownlinkOptions(options) };
  });
  const settled = await Promise.allSettled(calls.map(send));
  const callIndex = new Map(groups.map((g, i) => [g.productKey, i]));
  return toCommandPayload(refs, settled, (ref) => callIndex.get(ref.productKey)!);
}

function toRef(input: DeviceRefInput) {
  return { productKey: input.productKey, deviceKey: input.deviceKey };
}

/** Upstream defaults apply to whatever the caller left out (reference §6.5). */
function toDownlinkOptions(options: CommandOptionsInput | null | undefined): DownlinkOptions {
  const result: DownlinkOptions = { isCache: options?.cacheIfOffline ?? false };
  if (options?.cacheSeconds != null) result.cacheTime = options.cacheSeconds;
  if (options?.replaceCached) result.isCover = true;
  if (options?.qos != null) result.qos = options.qos;
  return result;
}

function checkRawPayload(payload: string, encoding: RawEncoding): void {
  if (payload.length === 0) throw new BadUserInputError('input.payload must not be empty', 'input.payload');
  if (payload.length > RAW_MAX_CHARS) {
    throw new BadUserInputError(`input.payload is ${payload.length} characters, at most ${RAW_MAX_CHARS}`, 'input.payload');
  }
  if (encoding === RawEncoding.HEX && !/^(?:[0-9A-Fa-f]{2})+$/.test(payload)) {
    throw new BadUserInputError('input.payload must be hex digits of even length for HEX', 'input.payload');
  }
}
