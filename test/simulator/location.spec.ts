import type { Device } from '../../simulator';
import { deviceWhere, productOf } from './support/seed-lookup';
import { PATHS } from './support/sim-client';
import { signedSession } from './support/signed-session';

const LOCATION_FIELDS = [
  'id',
  'productKey',
  'deviceKey',
  'deviceId',
  'deviceStatus',
  'ticket',
  'createTime',
  'locateTime',
  'locateType',
  'locType',
  'locateStatus',
  'locateRaw',
  'lat',
  'lng',
  'latType',
  'lngType',
  'wgsLat',
  'wgsLng',
  'gcjLat',
  'gcjLng',
  'bdLat',
  'bdLng',
  'accuracy',
  'hdop',
  'height',
  'satellites',
  'speed',
  'ggaStatus',
  'count',
].sort();

const session = signedSession('');
let located: Device;

beforeAll(() => {
  located = deviceWhere(session.sim, 'meter', (d) => d.location !== null);
});

const locate = (query: Record<string, string | number>) => session.send('GET', PATHS.location, { query });

describe('device/getlocation', () => {
  it('should answer every QdLocationLatest field with ms-string times and NMEA lat/lng', async () => {
    const { body } = await locate({ productKey: located.productKey, deviceKey: located.deviceKey });
    expect(body.code).toBe(200);
    const data = body.data;
    expect(Object.keys(data).sort()).toEqual(LOCATION_FIELDS);
    const fix = located.location!;
    expect(data).toMatchObject({
      productKey: located.productKey,
      deviceKey: located.deviceKey,
      deviceId: located.id,
      deviceStatus: located.deviceStatus,
      ticket: expect.stringMatching(/^\d{19}$/),
      locateTime: String(fix.locateTime),
      createTime: expect.stringMatching(/^\d{13}$/),
      locateType: 'LBS ',
      locateStatus: '3',
      wgsLat: fix.wgs.lat,
      wgsLng: fix.wgs.lng,
      accuracy: expect.stringMatching(/^\d+$/),
      latType: 'N',
      lngType: 'E',
    });
    expect(data.lat).toMatch(/^\d{4}\.\d{4}$/);
    expect(data.lng).toMatch(/^\d{5}\.\d{4}$/);
    const degrees = Number(data.lat.slice(0, 2)) + Number(data.lat.slice(2)) / 60;
    expect(degrees).toBeCloseTo(fix.wgs.lat, 4);
    expect(Buffer.from(data.locateRaw, 'base64').toString('utf8')).toMatch(/^\$LBS,460,\d{2},\d+,\d+,\d+,0\*[0-9A-F]{2}$/);
  });

  it('should give GCJ-02 and BD-09 coordinates that differ from WGS-84 inside China', async () => {
    const inChina = deviceWhere(session.sim, 'meter', (d) => d.location !== null && d.location.wgs.lng > 100);
    const { data } = (await locate({ productKey: inChina.productKey, deviceKey: inChina.deviceKey })).body;
    expect(Math.abs(data.gcjLng - data.wgsLng)).toBeGreaterThan(0.001);
    expect(Math.abs(data.bdLng - data.gcjLng)).toBeGreaterThan(0.001);
  });

  it('should accept deviceId in place of productKey and deviceKey', async () => {
    const { body } = await locate({ deviceId: located.id, productKey: 'ignored', deviceKey: 'ignored' });
    expect(body.data.deviceKey).toBe(located.deviceKey);
  });

  it('should answer data null for a device without a fix', async () => {
    const plug = session.sim.store.devices(productOf(session.sim, 'plug').productKey)[0];
    expect((await locate({ productKey: plug.productKey, deviceKey: plug.deviceKey })).body).toEqual({ code: 200, msg: '', data: null });
  });

  it('should answer 50007, 70130 and 70089', async () => {
    expect((await locate({ productKey: located.productKey })).body.code).toBe(50007);
    expect((await locate({ productKey: located.productKey, deviceKey: 'NOPE' })).body.code).toBe(70130);
    expect((await locate({ deviceId: 1 })).body.code).toBe(70130);
    const tracker = session.sim.store.devices(productOf(session.sim, 'tracker').productKey)[0];
    expect((await locate({ productKey: tracker.productKey, deviceKey: tracker.deviceKey })).body.code).toBe(70089);
  });
});
