import { generateFleet, generateSeed, type Fleet } from '../../simulator/seed/seed';
import { luhnCheckDigit } from '../../simulator/seed/device-identity';
import { SEED_ANCHOR_MS } from '../../simulator/seed/seed.constants';
import type { Device, Product } from '../../simulator';
import type { TslDocument, TslParam, TslParamOrRef, TslSpecs } from '../../simulator/store/tsl.types';
import { breaches } from '../helpers/breaches';
import { DEFAULT_SEED, defaultSeed } from './support/default-seed';
import { expectStrictEqual } from './support/strict-equal';

const data = defaultSeed();
const productsByRole = (role: Product['role']) => data.products.filter((p) => p.role === role);
const productOfDevice = (d: Device) => data.products.find((p) => p.productKey === d.productKey) as Product;
const gateways = data.devices.filter((d) => productOfDevice(d).accessType === 1);
const subDevices = data.devices.filter((d) => productOfDevice(d).accessType === 2);
const neverActivated = data.devices.filter((d) => d.isActived === 0);

/** The keys of the products that have no device. */
function productsWithoutDevices(fleet: Fleet): string[] {
  const withDevices = new Set(fleet.devices.map((d) => d.productKey));
  return fleet.products.filter((p) => !withDevices.has(p.productKey)).map((p) => p.productKey);
}

describe('seed determinism', () => {
  it('should produce identical data for the same seed', () => {
    expectStrictEqual(generateSeed(DEFAULT_SEED.seed, DEFAULT_SEED.deviceCount), data);
  });

  it('should produce different data for a different seed', () => {
    // The fleet is enough to tell them apart (its history comes from each device's own random stream).
    const other = generateFleet(7, DEFAULT_SEED.deviceCount);
    expect(other.products.map((p) => p.productKey)).not.toEqual(data.products.map((p) => p.productKey));
    expect(other.devices.map((d) => d.deviceKey)).not.toEqual(data.devices.map((d) => d.deviceKey));
  });

  it('should not depend on the wall clock', () => {
    const latest = Math.max(...data.devices.flatMap((d) => [d.createTime, d.lastConnTime ?? 0, d.lastOfflineTime ?? 0]));
    expect(latest).toBeLessThan(SEED_ANCHOR_MS);
  });

  it('should reject a deviceCount below the minimum', () => {
    expect(() => generateSeed(42, 29)).toThrow(RangeError);
  });
});

describe('seed products and projects', () => {
  it('should seed at least two projects and put every product in one', () => {
    expect(data.projects.length).toBeGreaterThanOrEqual(2);
    const projectIds = new Set(data.projects.map((p) => p.id));
    for (const product of data.products) expect(projectIds.has(product.projectId)).toBe(true);
  });

  it('should seed the required product mix with exactly one unauthorized product', () => {
    const authorized = data.products.filter((p) => p.authorized);
    expect(authorized.length).toBeGreaterThanOrEqual(6);
    expect(data.products.filter((p) => !p.authorized)).toHaveLength(1);
    const has = (predicate: (p: Product) => boolean) => authorized.some(predicate);
    expect(has((p) => p.accessType === 0 && p.dataFmt === 3 && p.netWay === '2')).toBe(true);
    expect(has((p) => p.accessType === 0 && p.dataFmt === 3 && p.netWay === '1')).toBe(true);
    expect(has((p) => p.accessType === 0 && p.dataFmt === 0)).toBe(true);
    expect(has((p) => p.accessType === 1)).toBe(true);
    expect(has((p) => p.accessType === 2 && p.gatewayType === 2)).toBe(true);
    expect(has((p) => p.accessType === 2 && p.gatewayType === 1)).toBe(true);
  });

  it('should use upstream-like product keys and unique ids', () => {
    for (const p of data.products) expect(p.productKey).toMatch(/^p1[0-9A-Za-z]{4}$/);
    expect(new Set(data.products.map((p) => p.productKey)).size).toBe(data.products.length);
    expect(new Set(data.products.map((p) => p.productId)).size).toBe(data.products.length);
    for (const p of data.products) expect(Number.isSafeInteger(p.productId)).toBe(true);
  });

  it('should give TSL products a TSL and the transparent product none', () => {
    for (const p of data.products) expect(p.tsl === null).toBe(p.dataFmt === 0);
  });
});

describe('seed thing models', () => {
  const tsls = data.products.map((p) => p.tsl).filter((t): t is TslDocument => t !== null);
  const properties = tsls.flatMap((t) => t.properties ?? []);
  const events = tsls.flatMap((t) => t.events ?? []);
  const services = tsls.flatMap((t) => t.services ?? []);
  const isRef = (p: TslParamOrRef): p is { $ref: string } => '$ref' in p;

  it('should use every §8 data type, including arrays of INT, STRUCT and TEXT', () => {
    const types = new Set(properties.map((p) => p.dataType));
    expect([...types].sort()).toEqual(['ARRAY', 'BOOL', 'DATE', 'DOUBLE', 'ENUM', 'FLOAT', 'INT', 'RAW', 'STRUCT', 'TEXT']);
    const elementTypes = new Set(properties.filter((p) => p.dataType === 'ARRAY').map((p) => (p.specs as { dataType: string }).dataType));
    for (const element of ['INT', 'STRUCT', 'TEXT']) expect(elementTypes.has(element)).toBe(true);
  });

  it('should have R, W and RW properties', () => {
    expect(new Set(properties.map((p) => p.subType))).toEqual(new Set(['R', 'W', 'RW']));
  });

  it('should have INFO, WARN and ERROR events, each with outputData', () => {
    expect(new Set(events.map((e) => e.subType))).toEqual(new Set(['INFO', 'WARN', 'ERROR']));
    for (const subType of ['INFO', 'WARN', 'ERROR']) {
      expect(events.some((e) => e.subType === subType && (e.outputData?.length ?? 0) > 0)).toBe(true);
    }
  });

  it('should have services with inputData and outputData, including a $ref', () => {
    expect(services.some((s) => (s.inputData?.length ?? 0) > 0 && (s.outputData?.length ?? 0) > 0)).toBe(true);
    expect(services.some((s) => [...(s.inputData ?? []), ...(s.outputData ?? [])].some(isRef))).toBe(true);
  });

  it('should keep feature ids and codes unique per product and $refs pointing at real properties', () => {
    for (const tsl of tsls) {
      const features = [...(tsl.properties ?? []), ...(tsl.events ?? []), ...(tsl.services ?? [])];
      expect(new Set(features.map((f) => f.id)).size).toBe(features.length);
      expect(new Set(features.map((f) => f.code)).size).toBe(features.length);
      const propertyIds = new Set((tsl.properties ?? []).map((p) => p.id));
      const params = [
        ...(tsl.events ?? []).flatMap((e) => e.outputData ?? []),
        ...(tsl.services ?? []).flatMap((s) => [...(s.inputData ?? []), ...(s.outputData ?? [])]),
      ];
      for (const ref of params.filter(isRef)) {
        expect(ref.$ref).toMatch(/^#\/properties\/id\/\d+$/);
        expect(propertyIds.has(Number(ref.$ref.split('/').pop()))).toBe(true);
      }
    }
  });

  it('should write every number inside specs as a string', () => {
    const numbersIn = (value: unknown): number[] =>
      typeof value === 'number'
        ? [value]
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([key, v]) => (key === 'id' ? [] : numbersIn(v)))
          : [];
    const specs: TslSpecs[] = [
      ...properties.map((p) => p.specs),
      ...[...events.flatMap((e) => e.outputData ?? []), ...services.flatMap((s) => [...(s.inputData ?? []), ...(s.outputData ?? [])])]
        .filter((p): p is TslParam => !isRef(p))
        .map((p) => p.specs),
    ];
    expect(specs.flatMap(numbersIn)).toEqual([]);
  });
});

/** Devices of the products authorized to the SaaS app: what a caller listing every product sees. */
function visibleDevices(seed: Fleet) {
  const authorized = new Set(seed.products.filter((p) => p.authorized).map((p) => p.productKey));
  return seed.devices.filter((d) => authorized.has(d.productKey));
}

describe('seed devices', () => {
  it('should seed exactly deviceCount devices in the products the app can see, with unique ids, keys and serials', () => {
    expect(visibleDevices(data)).toHaveLength(500);
    expect(data.devices.length).toBeGreaterThan(500);
    expect(new Set(data.devices.map((d) => d.id)).size).toBe(data.devices.length);
    expect(new Set(data.devices.map((d) => d.deviceKey)).size).toBe(data.devices.length);
    expect(new Set(data.devices.map((d) => d.sn)).size).toBe(data.devices.length);
    expect(visibleDevices(generateSeed(3, 31))).toHaveLength(31);
  });

  it('should give every product devices', () => {
    expect(productsWithoutDevices(data)).toEqual([]);
  });

  it('should use 15-digit Luhn-valid IMEIs for cellular devices and MACs for Wi-Fi devices', () => {
    const cellular = (d: Device) => ['2', '3'].includes(productOfDevice(d).netWay);
    expect(
      breaches(data.devices, (d) => d.deviceKey, {
        'a 15-digit IMEI if cellular': (d) => !cellular(d) || /^\d{15}$/.test(d.deviceKey),
        'a Luhn check digit if cellular': (d) => !cellular(d) || luhnCheckDigit(d.deviceKey.slice(0, 14)) === d.deviceKey[14],
        'a MAC if Wi-Fi': (d) => productOfDevice(d).netWay !== '1' || /^[0-9A-F]{12}$/.test(d.deviceKey),
      }),
    ).toEqual([]);
  });

  it('should order times create < activated < first connection <= last connection', () => {
    expect(
      breaches(neverActivated, (d) => d.deviceKey, {
        'no activation or connection times': (d) => [d.activedTime, d.firstConnTime, d.lastConnTime, d.lastOfflineTime].every((t) => t === null),
      }),
    ).toEqual([]);
    expect(
      breaches(
        data.devices.filter((d) => d.isActived !== 0),
        (d) => d.deviceKey,
        {
          'created before activated': (d) => d.createTime < d.activedTime!,
          'activated before first connection': (d) => d.activedTime! < d.firstConnTime!,
          'first connection not after the last': (d) => d.firstConnTime! <= d.lastConnTime!,
          'offline after first connection': (d) => d.lastOfflineTime === null || d.lastOfflineTime > d.firstConnTime!,
          'offline devices went offline after the last connection': (d) => d.deviceStatus !== 0 || d.lastOfflineTime! > d.lastConnTime!,
          'created after its product': (d) => d.createTime > productOfDevice(d).createTime,
        },
      ),
    ).toEqual([]);
  });

  it('should mix online and offline devices about 60/40 and leave some not activated', () => {
    const online = data.devices.filter((d) => d.deviceStatus === 1).length / data.devices.length;
    expect(online).toBeGreaterThan(0.45);
    expect(online).toBeLessThan(0.75);
    expect(data.devices.some((d) => d.isActived === 0)).toBe(true);
    expect(neverActivated.every((d) => d.deviceStatus === 0)).toBe(true);
  });

  it('should assign ids in creation order', () => {
    const byId = [...data.devices].sort((a, b) => a.id - b.id);
    const times = byId.map((d) => d.createTime);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('should start every device without groups or received commands', () => {
    expect(
      breaches(data.devices, (d) => d.deviceKey, {
        'no received commands': (d) => d.commandsReceived === 0,
        'no groups': (d) => Array.isArray(d.groupIds) && d.groupIds.length === 0,
      }),
    ).toEqual([]);
  });

  it('should give never-activated devices no property values, messages, events or location', () => {
    expect(neverActivated.length).toBeGreaterThan(0);
    expect(
      breaches(neverActivated, (d) => d.deviceKey, {
        'no property values': (d) => d.latestProperties.size === 0,
        'no messages or events': (d) => d.messages.length === 0 && d.events.length === 0,
        'no location': (d) => d.location === null,
      }),
    ).toEqual([]);
  });
});

describe('seed gateway topology', () => {
  const subsOf = (gateway: Device) => subDevices.filter((s) => s.gateway!.associatedGatewayIds.includes(gateway.id));

  it('should give every gateway 5 to 50 sub-devices', () => {
    expect(gateways.length).toBeGreaterThanOrEqual(2);
    expect(breaches(gateways, (g) => g.deviceKey, { '5 to 50 sub-devices': (g) => subsOf(g).length >= 5 && subsOf(g).length <= 50 })).toEqual([]);
  });

  it('should associate every sub-device with exactly one gateway and connect most of them', () => {
    const gatewayIds = new Set(gateways.map((g) => g.id));
    expect(
      breaches(subDevices, (s) => s.deviceKey, {
        'one associated gateway': (s) => s.gateway!.associatedGatewayIds.length === 1 && gatewayIds.has(s.gateway!.associatedGatewayIds[0]),
        'connected only through it': (s) =>
          s.gateway!.currentGatewayId === null || s.gateway!.currentGatewayId === s.gateway!.associatedGatewayIds[0],
        'offline when not connected': (s) => s.gateway!.currentGatewayId !== null || s.deviceStatus === 0,
      }),
    ).toEqual([]);
    const connected = subDevices.filter((s) => s.gateway!.currentGatewayId !== null).length;
    expect(connected / subDevices.length).toBeGreaterThan(0.75);
    expect(connected).toBeLessThan(subDevices.length);
  });

  it('should have a not-connected sub-device of each sub-device product', () => {
    for (const role of ['soil-sensor', 'temperature-probe'] as const) {
      const pk = productsByRole(role)[0].productKey;
      expect(subDevices.some((s) => s.productKey === pk && s.gateway!.currentGatewayId === null)).toBe(true);
    }
  });

  it('should have gateways of both gateway products and one with sub-devices of both sub-device products', () => {
    expect(new Set(gateways.map((g) => g.productKey)).size).toBe(2);
    expect(gateways.some((g) => new Set(subsOf(g).map((s) => s.productKey)).size === 2)).toBe(true);
  });

  it('should give only sub-devices gateway links', () => {
    expect(
      breaches(data.devices, (d) => d.deviceKey, {
        'a gateway link exactly if a sub-device': (d) => (d.gateway !== null) === (productOfDevice(d).accessType === 2),
      }),
    ).toEqual([]);
  });
});

describe('seed invariants across seeds and sizes', () => {
  const cases = [1, 2, 3, 5, 8, 13].flatMap((seed) => [30, 47, 123, 1000].map((count) => [seed, count] as const));

  // The fleet only: these invariants are about it, and its history (most of the generating time) cannot change it.
  it.each(cases)('should hold for seed %i with %i devices', (seed, count) => {
    const generated = generateFleet(seed, count);
    expect(visibleDevices(generated)).toHaveLength(count);
    const accessTypeOf = new Map(generated.products.map((p) => [p.productKey, p.accessType]));
    expect(productsWithoutDevices(generated)).toEqual([]);
    const subsPerGateway = new Map<number, number>();
    for (const d of generated.devices) {
      if (accessTypeOf.get(d.productKey) === 1) subsPerGateway.set(d.id, subsPerGateway.get(d.id) ?? 0);
      if (d.gateway) subsPerGateway.set(d.gateway.associatedGatewayIds[0], (subsPerGateway.get(d.gateway.associatedGatewayIds[0]) ?? 0) + 1);
    }
    expect(breaches(subsPerGateway, ([id]) => `gateway ${id}`, { '5 to 50 sub-devices': ([, subs]) => subs >= 5 && subs <= 50 })).toEqual([]);
  });
});
