import type { Device } from '../../simulator';
import { FakePushSource, pushBody } from '../fakes/fake-push-source';
import { WIDE_COST_BUDGET, startHarness, type Harness } from '../helpers/harness';

interface Row {
  code: string;
  source: string | null;
  ageSeconds: number | null;
  reportedAt: string | null;
  value: { json: unknown } | null;
}

const QUERY =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { deviceKey properties { code source ageSeconds reportedAt value { json } } } } }';

describe('Device.properties with a live state store', () => {
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
    for (const row of rows) {
      expect(row.source).toBe('LIVE');
      expect(row.ageSeconds).toBeGreaterThanOrEqual(5);
      expect(row.ageSeconds).toBeLessThan(120);
    }
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
    source.emit(
      pushBody({ productKey: device.productKey, deviceKey: device.deviceKey, createdAt: Date.now() - 60_000, data: { kv: { [code]: -12345 } } }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    const { data } = await h.execute<{ _entities: Array<{ properties: Row[] }> }>(QUERY, { r: representations([device]) });
    expect(data!._entities[0].properties.find((p) => p.code === code)!.value!.json).toEqual(sample.value);
  });
});
