import type { Device, DeviceEventRecord, Product } from '../store/store.types';
import type { TslArraySpecs, TslDataType, TslParam, TslSpecs } from '../store/tsl.types';
import { eventParams } from '../thing-model/tsl-lookup';
import type { TslValue } from '../thing-model/tsl-value';
import { activityWindow } from './activity-window';
import type { Random } from './random';
import { randomValue } from './tsl-value.seed';

type Ticket = (at: number) => string;

/** TSL event subType -> history eventType (§5: "3" info, "4" alert, "5" fault). */
export const EVENT_TYPE_OF = { INFO: '3', WARN: '4', ERROR: '5' } as const;

/**
 * Connectivity events (offline/online/reconnect cycles ending in the device's current state) and, for TSL
 * products, INFO/WARN/ERROR events with `outputData` keyed by output param code, all over the device's last
 * 30 active days, oldest first.
 */
export function seedEvents(device: Device, product: Product, random: Random, ticket: Ticket): void {
  const window = activityWindow(device);
  if (!window) return;
  const events: DeviceEventRecord[] = [];
  // online, offline, online, ... ending in the current state: online at lastConnTime, or offline at the end.
  const final = device.deviceStatus === 1 ? Math.max(window.start + 1, device.lastConnTime as number) : window.end;
  const cycles = random.int(1, 5);
  const times = Array.from({ length: cycles * 2 - (device.deviceStatus === 1 ? 0 : 1) }, () => random.int(window.start, final - 1));
  times.sort((a, b) => a - b);
  times.forEach((at, i) => {
    events.push(connectivity(at, i % 2 === 1 ? '0' : i === 0 || random.chance(0.5) ? '1' : '2', ticket));
  });
  events.push(connectivity(final, device.deviceStatus === 1 ? (random.chance(0.5) ? '1' : '2') : '0', ticket));

  const doc = product.tsl;
  const features = doc?.events ?? [];
  if (doc && features.length > 0) {
    for (let i = random.int(2, 8); i > 0; i--) {
      const event = random.pick(features);
      const at = random.int(window.start, window.end - 1);
      events.push({
        ticket: ticket(at),
        eventType: EVENT_TYPE_OF[event.subType],
        eventCode: event.code,
        eventName: event.name,
        outputData: JSON.stringify(outputOf(eventParams(doc, event), random, at)),
        abId: event.id,
        at,
      });
    }
  }
  device.events = events.sort((a, b) => a.at - b.at);
}

function connectivity(at: number, eventType: '0' | '1' | '2', ticket: Ticket): DeviceEventRecord {
  const eventCode = eventType === '0' ? 'offline' : eventType === '1' ? 'online' : 'reconnect';
  return { ticket: ticket(at), eventType, eventCode, eventName: null, outputData: null, abId: null, at };
}

function outputOf(params: TslParam[], random: Random, at: number): Record<string, unknown> {
  return Object.fromEntries(params.map((p) => [p.code, kv(p.dataType, p.specs, randomValue(p.dataType, p.specs, random, at))]));
}

/** AMQP `kv` style (§8 "Value representation"): numbers as strings, BOOL boolean, STRUCT by field code. */
function kv(dataType: TslDataType, specs: TslSpecs, value: TslValue): unknown {
  if (dataType === 'STRUCT') {
    const fields = specs as TslParam[];
    const struct = value as Record<string, TslValue>;
    return Object.fromEntries(fields.filter((f) => f.code in struct).map((f) => [f.code, kv(f.dataType, f.specs, struct[f.code])]));
  }
  if (dataType === 'ARRAY') {
    const array = specs as TslArraySpecs;
    return (value as TslValue[]).map((element) =>
      array.dataType === 'STRUCT' ? kv('STRUCT', array.specs ?? [], element) : kv(array.dataType, {} as TslSpecs, element),
    );
  }
  return typeof value === 'number' ? String(value) : value;
}
