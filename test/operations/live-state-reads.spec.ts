import type { Device } from '../../simulator';
import { FakePushSource, pushBody } from '../fakes/fake-push-source';
import { WIDE_COST_BUDGET, startHarness, type Harness } from '../helpers/harness';
import { breaches } from '../helpers/breaches';

interface Row {
  code: string;
  source: string | null;
  ageSeconds: number | null;
  reportedAt: string | null;
  value: { json: unknown } | null;
}

const QUERY =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { deviceKey properties { code source ageSeconds reportedAt value { json } } } } }';

interface Location {
  wgs84: { latitude: number; longitude: number } | null;
  bd09: { latitude: number; longitude: number } | null;
  fixType: string | null;
  accuracy: number | null;
  locatedAt: Date | null;
  reportedAt: Date | null;
}

const LOCATION_QUERY =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { deviceKey location { wgs84 { latitude longitude } bd09 { latitude longitude } fixType accuracy locatedAt reportedAt } } } }';

/** A parsed location fix as the platform pushes it (LOCATION/INFO-KV, msgType 13). */
function fixOf(device: Device, createdAt: number, lat: number) {
  return pushBody({
    type: 'LOCATION',
    subtype: 'INFO-KV',
    productKey: device.productKey,
    deviceKey: device.deviceKey,
    createdAt,
    data: {
      packetId: 1,
      type: 'GN',
      subType: 'RMC',
      kv: {
        wgs_84: { lat, lng: 117.11 },
        gcj_02: { lat, lng: 117.12 },
        bd_09: { lat: lat + 0.01, lng: 117.12 },
        hdop: 0.9,
        locateTime: createdAt - 500,
      },
    },
  });
}

describe('Device.properties and Device.location with a live state store', () => {
  let h: Harness;
  let source: FakePushSource;
  let devices: Device[];

  beforeAll(async () => {
    source = new FakePushSource();
    h = await startHarness({ env: WIDE_COST_BUDGET, overrides: { pushSource: source } });
    devices = h.sim.store
      .devices()
      .filter((d) => h.sim.store.product(d.productKey)!.authorized && h.sim.store.product(d.productKey)!.tsl && d.latestProperties.size > 0)
      .slice(0, 100);
    expect(devices).toHaveLength(100);
  });
  afterAll(() => h.close());

  const representations = (list: Device[]) => list.map((d) => ({ __typename: 'Device', productKey: d.productKey, deviceKey: d.deviceKey }));

  /** Every reported property of each device, pushed as one report, `at` ms before the fake now. */
  async function warm(list: Device[], at: number): Promise<void> {
    for (const d of list) {
      const kv = Object.fromEntries([...d.latestProperties].map(([code, sample]) => [code, sample.value]));
      source.emit(pushBody({ productKey: d.productKey, deviceKey: d.deviceKey, createdAt: at, data: { packetId: 1, kv } }));
    }
    // The store writes settle through the hub; one round trip through the event loop is enough for the memory store.
    await new Promise((resolve) => setImmediate(resolve));
  }

  it('should answer the properties of 100 devices from a warm store with 0 upstream calls', async () => {
    // Cold: history and thing models, which also puts the thing models in the shared store.
    const cold = await h.execute(QUERY, { r: representations(devices) });
    expect(cold.errors).toBeUndefined();
    await warm(devices, Date.now() - 5_000);
    // What resolving the 100 representations costs by itself (they are checked against the platform).
    h.sim.log.clear();
    await h.execute('query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { deviceKey } } }', { r: representations(devices) });
    const withoutProperties = h.sim.log.counters();
    h.sim.log.clear();
    const { data, errors } = await h.execute<{ _entities: Array<{ deviceKey: string; properties: Row[] }> }>(QUERY, { r: representations(devices) });
    expect(errors).toBeUndefined();
    // The properties added nothing: no history page, no thing model.
    expect(h.sim.log.counters()).toEqual(withoutProperties);
    expect(h.sim.log.count('history.data') + h.sim.log.count('tsl.export')).toBe(0);
    const rows = data!._entities.flatMap((e) => e.properties).filter((p) => p.value !== null);
    expect(rows.length).toBeGreaterThan(300);
    expect(
      breaches(rows, (row) => row.code, {
        'from the live store': (row) => row.source === 'LIVE',
        'as old as the report': (row) => row.ageSeconds !== null && row.ageSeconds >= 5 && row.ageSeconds < 120,
      }),
    ).toEqual([]);
  });

  it('should read from history only the properties the store lacks, and say so per value', async () => {
    const device = h.sim.store
      .devices()
      .find((d) => h.sim.store.product(d.productKey)!.authorized && d.latestProperties.size > 2 && !devices.includes(d))!;
    const [first, ...rest] = [...device.latestProperties.keys()];
    source.emit(
      pushBody({
        productKey: device.productKey,
        deviceKey: device.deviceKey,
        createdAt: Date.now(),
        data: { kv: { [first]: device.latestProperties.get(first)!.value } },
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    h.sim.log.clear();
    const { data } = await h.execute<{ _entities: Array<{ properties: Row[] }> }>(QUERY, { r: representations([device]) });
    expect(h.sim.log.count('history.data')).toBe(1);
    const byCode = new Map(data!._entities[0].properties.map((p) => [p.code, p]));
    expect(byCode.get(first)).toMatchObject({ source: 'LIVE' });
    expect(byCode.get(first)!.ageSeconds).toBeLessThan(120);
    for (const code of rest) expect(byCode.get(code)?.source).toBe('HISTORY');
  });

  it('should keep the newer value when an older report arrives late', async () => {
    const device = devices[0];
    const [code, sample] = [...device.latestProperties].find(([, s]) => typeof s.value === 'number')!;
    await warm([device], Date.now() - 5_000);
    source.emit(
      pushBody({ productKey: device.productKey, deviceKey: device.deviceKey, createdAt: Date.now() - 60_000, data: { kv: { [code]: -12345 } } }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    const { data } = await h.execute<{ _entities: Array<{ properties: Row[] }> }>(QUERY, { r: representations([device]) });
    expect(data!._entities[0].properties.find((p) => p.code === code)!.value!.json).toEqual(sample.value);
  });

  describe('Device.location', () => {
    let located: Device[];

    beforeAll(() => {
      located = h.sim.store
        .devices()
        .filter((d) => h.sim.store.product(d.productKey)!.authorized)
        .slice(0, 101);
      expect(located).toHaveLength(101);
    });

    it('should answer the locations of 100 devices from pushed fixes with 0 location calls, and read the rest from the platform', async () => {
      const pushed = located.slice(0, 100);
      const pushedAt = Date.now() - 5_000;
      for (const [i, d] of pushed.entries()) source.emit(fixOf(d, pushedAt, 30 + i / 1000));
      // The store writes settle through the hub; one turn of the event loop is enough for the memory store.
      await new Promise((resolve) => setImmediate(resolve));

      h.sim.log.clear();
      const { data, errors } = await h.execute<{ _entities: Array<{ deviceKey: string; location: Location | null }> }>(LOCATION_QUERY, {
        r: representations(located),
      });
      expect(errors).toBeUndefined();
      // Only the one device without a pushed fix asks the platform.
      expect(h.sim.log.count('device.location')).toBe(1);
      data!._entities.slice(0, 100).forEach((entity, i) => {
        expect(entity.location).toEqual({
          wgs84: { latitude: 30 + i / 1000, longitude: 117.11 },
          bd09: { latitude: 30 + i / 1000 + 0.01, longitude: 117.12 },
          fixType: 'GN',
          accuracy: null,
          locatedAt: new Date(pushedAt - 500),
          reportedAt: new Date(pushedAt),
        });
      });
    });

    it('should keep the newest fix when an older one arrives late', async () => {
      const [device] = located;
      const newest = Date.now();
      source.emit(fixOf(device, newest, 40));
      source.emit(fixOf(device, newest - 60_000, 41));
      await new Promise((resolve) => setImmediate(resolve));
      const { data } = await h.execute<{ _entities: Array<{ location: Location }> }>(LOCATION_QUERY, { r: representations([device]) });
      expect(data!._entities[0].location).toMatchObject({ wgs84: { latitude: 40 }, reportedAt: new Date(newest) });
    });
  });
});
