import { isDeepStrictEqual } from 'node:util';
import type { Device, Product } from '../../simulator';
import { DAY_MS, SEED_ANCHOR_MS } from '../../simulator/seed/seed.constants';
import type { TslParam, TslParamOrRef, TslProperty } from '../../simulator/store/tsl.types';
import { breaches } from '../helpers/breaches';
import { defaultSeed } from './support/default-seed';
import { specViolations } from './support/tsl-spec-check';

const data = defaultSeed();
const productOf = (d: Device) => data.products.find((p) => p.productKey === d.productKey) as Product;
const active = data.devices.filter((d) => d.isActived === 1);
const tslDevices = active.filter((d) => productOf(d).dataFmt === 3);
const transparentDevices = active.filter((d) => productOf(d).dataFmt === 0);
const readable = (p: Product) => (p.tsl?.properties ?? []).filter((prop) => prop.subType !== 'W');
const sortedNumbers = (values: number[]) => [...values].sort((a, b) => a - b);
const timesOf = (d: Device) => d.messages.map((m) => m.at);
const newestOf = (d: Device) => d.messages[d.messages.length - 1];

describe('seeded message history', () => {
  it('should give every activated device 20 to 60 messages, oldest first, within 30 days before the anchor', () => {
    expect(tslDevices.length).toBeGreaterThan(100);
    expect(
      breaches(active, (d) => d.deviceKey, {
        '20 to 60 messages': (d) => d.messages.length >= 20 && d.messages.length <= 60,
        'oldest first': (d) => isDeepStrictEqual(timesOf(d), sortedNumbers(timesOf(d))),
        'before the anchor': (d) => newestOf(d).at < SEED_ANCHOR_MS,
        'within 30 days': (d) => newestOf(d).at - d.messages[0].at <= 30 * DAY_MS,
        'not before the first connection': (d) => d.messages[0].at >= (d.firstConnTime as number),
      }),
    ).toEqual([]);
  });

  it('should end every TSL device log with an uplink report covering every readable property', () => {
    const reportedIds = (d: Device) => sortedNumbers((JSON.parse(newestOf(d).dmData as string) as Array<{ id: number }>).map((e) => e.id));
    expect(
      breaches(tslDevices, (d) => d.deviceKey, {
        'ends with a delivered uplink report': (d) => {
          const { direction, cmd, sendStatus } = newestOf(d);
          return direction === 1 && cmd === '0012' && sendStatus === 1;
        },
        'reports every readable property': (d) => isDeepStrictEqual(reportedIds(d), sortedNumbers(readable(productOf(d)).map((p) => p.id))),
      }),
    ).toEqual([]);
  });

  it('should keep every uplink and write value within its TSL specs', () => {
    const violations: string[] = [];
    for (const d of tslDevices) {
      const properties = productOf(d).tsl?.properties as TslProperty[];
      for (const m of d.messages.filter((msg) => msg.cmd === '0012' || msg.cmd === '0013')) {
        for (const entry of JSON.parse(m.dmData as string) as Array<{ id: number; value: unknown }>) {
          const property = properties.find((p) => p.id === entry.id) as TslProperty;
          violations.push(...specViolations(property.dataType, property.specs, entry.value, `${d.deviceKey}/${property.code}`));
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('should seed latest property values from the newest report', () => {
    expect(
      breaches(tslDevices, (d) => d.deviceKey, {
        'a value for every readable property': (d) =>
          isDeepStrictEqual(
            [...d.latestProperties.keys()].sort(),
            readable(productOf(d))
              .map((p) => p.code)
              .sort(),
          ),
        'every value from the newest report': (d) => [...d.latestProperties.values()].every((sample) => sample.time === newestOf(d).at),
      }),
    ).toEqual([]);
  });

  it('should encode read requests as TSL ids in strings and mix send statuses', () => {
    const downlinks = tslDevices.flatMap((d) => d.messages.filter((m) => m.direction === 2));
    const reads = downlinks.filter((m) => m.cmd === '0011');
    expect(reads.length).toBeGreaterThan(0);
    const idStrings = (m: (typeof reads)[number]) =>
      (JSON.parse(m.dmData as string) as unknown[]).some((id) => typeof id === 'string' && /^\d+$/.test(id));
    expect(breaches(reads, (m) => m.ticket, { 'TSL ids in strings': idStrings })).toEqual([]);
    expect(new Set(downlinks.map((m) => m.sendStatus))).toEqual(new Set([1, 0, -1]));
  });

  it('should give transparent devices raw packets only', () => {
    expect(transparentDevices.length).toBeGreaterThan(0);
    expect(
      breaches(
        transparentDevices.flatMap((d) => d.messages),
        (m) => m.ticket,
        {
          'no TSL command or data': (m) => m.cmd === null && m.dmData === null,
          'a raw packet': (m) => Buffer.from(m.raw, 'base64').length > 0,
        },
      ),
    ).toEqual([]);
  });

  it('should use unique 19-digit tickets', () => {
    const tickets = data.devices.flatMap((d) => [...d.messages, ...d.events].map((e) => e.ticket));
    // Collected, not one expect per ticket: there are tens of thousands.
    expect(tickets.filter((t) => !/^\d{19}$/.test(t))).toEqual([]);
    expect(new Set(tickets).size).toBe(tickets.length);
  });
});

describe('seeded event history', () => {
  const paramCodes = (product: Product, params: TslParamOrRef[] = []) =>
    params.map((p) =>
      '$ref' in p ? (product.tsl!.properties!.find((prop) => `#/properties/id/${prop.id}` === p.$ref) as TslProperty).code : (p as TslParam).code,
    );

  it('should end with the device current connectivity state', () => {
    for (const d of active) {
      const connectivity = d.events.filter((e) => ['0', '1', '2'].includes(e.eventType));
      expect(connectivity.length).toBeGreaterThan(0);
      const last = connectivity[connectivity.length - 1];
      expect(last.eventType === '0').toBe(d.deviceStatus === 0);
    }
  });

  it('should log TSL events with their code, type and output params', () => {
    const types = new Set<string>();
    // Collected as "what it is / what it should be" pairs, not one expect per event: there are thousands.
    const mismatches: Array<{ event: string; is: unknown; expected: unknown }> = [];
    for (const d of tslDevices) {
      const product = productOf(d);
      for (const e of d.events.filter((ev) => ['3', '4', '5'].includes(ev.eventType))) {
        const feature = product.tsl?.events?.find((f) => f.code === e.eventCode);
        const event = `${d.deviceKey}/${e.eventCode}`;
        if (!feature) {
          mismatches.push({ event, is: 'no such TSL event', expected: 'a TSL event' });
          continue;
        }
        const is = { type: e.eventType, outputs: Object.keys(JSON.parse(e.outputData as string)).sort() };
        const expected = { type: { INFO: '3', WARN: '4', ERROR: '5' }[feature.subType], outputs: paramCodes(product, feature.outputData).sort() };
        if (JSON.stringify(is) !== JSON.stringify(expected)) mismatches.push({ event, is, expected });
        types.add(e.eventType);
      }
    }
    expect(mismatches).toEqual([]);
    expect(types).toEqual(new Set(['3', '4', '5']));
  });
});

describe('seeded locations', () => {
  it('should locate every activated tracker, some meters and nothing else', () => {
    const located = data.devices.filter((d) => d.location !== null);
    expect(new Set(located.map((d) => productOf(d).role))).toEqual(new Set(['tracker', 'meter']));
    for (const d of active.filter((dev) => productOf(dev).role === 'tracker')) expect(d.location).not.toBeNull();
    const meters = active.filter((d) => productOf(d).role === 'meter');
    expect(meters.some((d) => d.location === null)).toBe(true);
  });
});
