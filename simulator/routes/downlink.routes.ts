import { BusinessError } from '../http/business-error';
import { downlinkMessages } from '../push/downlink-messages';
import { single } from '../http/envelope';
import type { RouteContext, RouteDefinition, SimRequest } from '../router';
import type { Device } from '../store/store.types';
import type { TslDocument } from '../store/tsl.types';
import { encodeFeatureValues, encodeRead, encodeServiceCalls, packetOf } from '../thing-model/dm-data';
import { parseRead, parseServiceCalls, parseWrite, type PropertyWrite } from '../thing-model/downlink-data';
import { CMD_READ, CMD_SERVICE, CMD_WRITE } from '../thing-model/packet-commands';
import type { TslValue } from '../thing-model/tsl-value';
import { productByKey } from './access';
import { deliver, type DownlinkCommand } from './downlink.delivery';
import { readTslDownlink } from './downlink.request';

// TSL downlink (§6.5, §8). Top-level checks in order: body (50007/50005), product (70017 unknown, 70089 not
// authorized), transparent product 70063, then the `data` document (71027..71048, 70090..70094). Any top-level
// failure sends nothing; per-device outcomes follow in `data[]` (downlink.delivery.ts).

type BuildCommand = (doc: TslDocument, data: string) => DownlinkCommand;

function tslDownlink(endpoint: string, path: string, build: BuildCommand): RouteDefinition {
  return {
    endpoint,
    methods: ['POST'],
    path,
    envelope: 'A',
    authenticated: true,
    async handle({ body }: SimRequest, { store, clock, push }: RouteContext) {
      const request = readTslDownlink(body);
      const product = productByKey(store, request.productKey, 70017);
      if (product.dataFmt !== 3) throw new BusinessError(70063);
      if (!product.tsl) throw new BusinessError(70097);
      const command = build(product.tsl, request.data);
      const now = clock.now();
      const results = request.deviceKeys.map((dk) => deliver(store, product, product.productKey, dk, request.options, command, now));
      await push.emit((ids) => downlinkMessages(store, command.announce, results, now, ids));
      return single(results);
    },
  };
}

/** The device answers asynchronously (MATTR/READRESP, §9.4); the simulator logs only the request. */
const readCommand: BuildCommand = (doc, data) => {
  const properties = parseRead(doc, data);
  const ids = properties.map((p) => p.id);
  const dmData = encodeRead(ids);
  return { cmd: CMD_READ, dmData, raw: packetOf(dmData, ids), announce: { kind: 'read', codes: properties.map((p) => p.code) } };
};

/**
 * An online device applies a write at once: readable (RW) properties take the new value, a partial STRUCT
 * merges into the current one. Write-only values are never reported back, so they are not kept [INFERRED].
 */
const writeCommand: BuildCommand = (doc, data) => {
  const writes = parseWrite(doc, data);
  const dmData = encodeFeatureValues(writes.map(({ property, value }) => ({ feature: property, value })));
  return {
    cmd: CMD_WRITE,
    dmData,
    raw: packetOf(dmData),
    apply: (device, at) => applyWrites(device, writes, at),
    announce: { kind: 'write', kv: Object.fromEntries(writes.map(({ property, value }) => [property.code, value])) },
  };
};

const serviceCommand: BuildCommand = (doc, data) => {
  const parsed = parseServiceCalls(doc, data);
  const dmData = encodeServiceCalls(parsed.map(({ service, inputs }) => ({ serviceId: service.id, inputs })));
  const announced = parsed.map(({ service, inputs }) => ({
    code: service.code,
    kv: Object.fromEntries(inputs.map(({ param, value }) => [param.code, value])),
  }));
  return { cmd: CMD_SERVICE, dmData, raw: packetOf(dmData), announce: { kind: 'service', calls: announced } };
};

function applyWrites(device: Device, writes: PropertyWrite[], at: number): void {
  for (const { property, value } of writes) {
    if (property.subType === 'W') continue;
    const current = device.latestProperties.get(property.code)?.value;
    const merged =
      property.dataType === 'STRUCT' && current !== null && typeof current === 'object' && !Array.isArray(current)
        ? { ...(current as Record<string, TslValue>), ...(value as Record<string, TslValue>) }
        : value;
    device.latestProperties.set(property.code, { value: merged, time: at });
  }
}

export const downlinkRoutes: readonly RouteDefinition[] = [
  tslDownlink('dm.readData', '/v2/deviceshadow/r3/openapi/dm/readData', readCommand),
  tslDownlink('dm.writeData', '/v2/deviceshadow/r3/openapi/dm/writeData', writeCommand),
  tslDownlink('dm.sendServiceData', '/v2/deviceshadow/r3/openapi/dm/sendServiceData', serviceCommand),
];
