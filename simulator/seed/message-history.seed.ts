import type { Device, DeviceMessage, Product } from '../store/store.types';
import type { TslDocument, TslProperty } from '../store/tsl.types';
import { encodeFeatureValues, encodeRead, packetOf } from '../thing-model/dm-data';
import { readableProperties } from '../thing-model/tsl-lookup';
import type { TslValue } from '../thing-model/tsl-value';
import { CMD_READ, CMD_REPORT, CMD_WRITE } from '../thing-model/packet-commands';
import { activityWindow, ascendingTimes } from './activity-window';
import type { Random } from './random';
import { randomValue } from './tsl-value.seed';

type Ticket = (at: number) => string;

/**
 * 20..60 messages over the device's last 30 active days: mostly uplink reports of 1..3 properties, some downlink
 * reads and writes with a sendStatus mix. The newest message is an uplink report of every readable property, and it seeds
 * `latestProperties`. Transparent devices get raw packets only (cmd and dmData null).
 */
export function seedMessages(device: Device, product: Product, random: Random, ticket: Ticket): void {
  const window = activityWindow(device);
  if (!window) return;
  const times = ascendingTimes(random.int(20, 60), window.start, window.end, (a, b) => random.int(a, b));
  device.messages = product.tsl
    ? tslMessages(device, product.tsl, times, random, ticket)
    : times.map((at, i) => rawMessage(at, i === times.length - 1 || random.chance(0.75) ? 1 : 2, random, ticket));
}

function tslMessages(device: Device, doc: TslDocument, times: number[], random: Random, ticket: Ticket): DeviceMessage[] {
  const readable = readableProperties(doc);
  const writable = (doc.properties ?? []).filter((p) => p.subType !== 'R');
  return times.map((at, i) => {
    if (i === times.length - 1) {
      const values = readable.map((property) => ({ property, value: randomValue(property.dataType, property.specs, random, at) }));
      for (const { property, value } of values) device.latestProperties.set(property.code, { value, time: at });
      return report(at, values, ticket);
    }
    const roll = random.int(0, 99) / 100;
    if (roll < 0.7 || writable.length === 0) {
      const chosen = [...new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(readable)))];
      return report(
        at,
        chosen.map((property) => ({ property, value: randomValue(property.dataType, property.specs, random, at) })),
        ticket,
      );
    }
    const sendStatus = random.chance(0.85) ? 1 : random.chance(0.5) ? 0 : -1;
    if (roll < 0.85) {
      const ids = readable.filter(() => random.chance(0.4)).map((p) => p.id);
      const readIds = ids.length > 0 ? ids : [readable[0].id];
      const dmData = encodeRead(readIds);
      return { ticket: ticket(at), direction: 2, cmd: CMD_READ, sendStatus, at, raw: packetOf(dmData, readIds), dmData };
    }
    const property = random.pick(writable);
    const dmData = encodeFeatureValues([{ feature: property, value: randomValue(property.dataType, property.specs, random, at) }]);
    return { ticket: ticket(at), direction: 2, cmd: CMD_WRITE, sendStatus, at, raw: packetOf(dmData), dmData };
  });
}

function report(at: number, values: Array<{ property: TslProperty; value: TslValue }>, ticket: Ticket): DeviceMessage {
  const dmData = encodeFeatureValues(values.map(({ property, value }) => ({ feature: property, value })));
  return { ticket: ticket(at), direction: 1, cmd: CMD_REPORT, sendStatus: 1, at, raw: packetOf(dmData), dmData };
}

function rawMessage(at: number, direction: 1 | 2, random: Random, ticket: Ticket): DeviceMessage {
  const payload = Buffer.from(random.hex(2 * random.int(4, 24)), 'hex');
  const sendStatus = direction === 1 || random.chance(0.85) ? 1 : -1;
  return { ticket: ticket(at), direction, cmd: null, sendStatus, at, raw: payload.toString('base64'), dmData: null };
}
