import type { Device } from '../../simulator';
import { FakePushSource, pushBody } from '../fakes/fake-push-source';
import { WIDE_COST_BUDGET, startHarness, type Harness } from '../helpers/harness';

interface Location {
  wgs84: { latitude: number; longitude: number } | null;
  bd09: { latitude: number; longitude: number } | null;
  fixType: string | null;
  accuracy: number | null;
  locatedAt: Date | null;
  reportedAt: Date | null;
}

const QUERY =
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

describe('Device.location with a live state store', () => {
  let h: Harness;
  let source: FakePushSource;
  let devices: Device[];

  beforeAll(async () => {
    source = new FakePushSource();
    h = await startHarness({ env: WIDE_COST_BUDGET, overrides: { pushSource: source } });
    devices = h.sim.store
      .devices()
      .filter((d) => h.sim.store.product(d.productKey)!.authorized)
      .slice(0, 101);
    expect(devices).toHaveLength(101);
  });
  afterAll(() => h.close());

  const representations = (list: Device[]) => list.map((d) => ({ __typename: 'Device', productKey: d.productKey, deviceKey: d.deviceKey }));

  it('should answer the locations of 100 devices from pushed fixes with 0 location calls, and read the rest from the platform', async () => {
    const located = devices.slice(0, 100);
    const pushedAt = Date.now() - 5_000;
    for (const [i, d] of located.entries()) source.emit(fixOf(d, pushedAt, 30 + i / 1000));
    // The store writes settle through the hub; one turn of the event loop is enough for the memory store.
    await new Promise((resolve) => setImmediate(resolve));

    h.sim.log.clear();
    const { data, errors } = await h.execute<{ _entities: Array<{ deviceKey: string; location: Location | null }> }>(QUERY, {
      r: representations(devices),
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
    const [device] = devices;
    const newest = Date.now();
    source.emit(fixOf(device, newest, 40));
    source.emit(fixOf(device, newest - 60_000, 41));
    await new Promise((resolve) => setImmediate(resolve));
    const { data } = await h.execute<{ _entities: Array<{ location: Location }> }>(QUERY, { r: representations([device]) });
    expect(data!._entities[0].location).toMatchObject({ wgs84: { latitude: 40 }, reportedAt: new Date(newest) });
  });
});
