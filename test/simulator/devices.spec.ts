import type { Device } from '../../simulator';
import { devicesOf, productOf } from './support/seed-lookup';
import { PATHS } from './support/sim-client';
import { signedSession } from './support/signed-session';

const DEVICE_DETAILS_FIELDS = [
  'activedTime',
  'authMode',
  'createTime',
  'dataFmt',
  'deviceKey',
  'deviceName',
  'deviceStatus',
  'firstConnTime',
  'isActived',
  'isVerified',
  'isVirtual',
  'lastConnTime',
  'lastOfflineTime',
  'productKey',
  'sn',
  'updateTime',
].sort();

const RESOURCE_FIELDS = [
  'id',
  'productKey',
  'deviceKey',
  'battery',
  'voltage',
  'signalStrength',
  'memoryFree',
  'rsrp',
  'rsrq',
  'snr',
  'type',
  'cellId',
  'iccId',
  'mcc',
  'mnc',
  'lac',
  'phoneNum',
  'simNum',
  'locator',
  'comProtocolVer',
  'dataProtocolVer',
  'sdkVer',
  'version',
  'mcuVersion',
  'deviceId',
  'capabilitiesBitmask',
  'sn',
  'logEnable',
  'logLevel',
  'createTime',
  'updateTime',
].sort();

const session = signedSession('');

describe('device overview', () => {
  const overview = (query: Record<string, string | number>) => session.send('GET', PATHS.deviceOverview, { query });

  it('should list a product devices as DeviceDetails with top-level paging', async () => {
    const meter = productOf(session.sim, 'meter');
    const total = session.sim.store.devices(meter.productKey).length;
    const { body } = await overview({ productKey: meter.productKey });
    expect(body).toMatchObject({ code: 200, msg: '', pageNum: 1, pageSize: 10, pages: Math.ceil(total / 10), total });
    expect(body.data).toHaveLength(10);
    for (const row of body.data) {
      expect(Object.keys(row).sort()).toEqual(DEVICE_DETAILS_FIELDS);
      expect(row.productKey).toBe(meter.productKey);
      expect(typeof row.createTime).toBe('number');
      expect(row.deviceKey).toMatch(/^\d{15}$/);
    }
  });

  it('should list newest devices first', async () => {
    const { body } = await overview({ productKey: productOf(session.sim, 'plug').productKey, pageSize: 100 });
    const times = body.data.map((d: { createTime: number }) => d.createTime);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('should render never-connected devices with null times', async () => {
    const meter = productOf(session.sim, 'meter');
    const { body } = await overview({ productKey: meter.productKey, activeStatus: 0, pageSize: 100 });
    expect(body.total).toBeGreaterThan(0);
    for (const row of body.data) {
      expect(row).toMatchObject({ isActived: 0, deviceStatus: 0, activedTime: null, firstConnTime: null, lastConnTime: null, lastOfflineTime: null });
    }
  });

  it('should filter by deviceStatus and activeStatus', async () => {
    const meter = productOf(session.sim, 'meter');
    const devices = session.sim.store.devices(meter.productKey);
    const online = (await overview({ productKey: meter.productKey, deviceStatus: 1 })).body;
    expect(online.total).toBe(devices.filter((d) => d.deviceStatus === 1).length);
    const offlineActivated = (await overview({ productKey: meter.productKey, deviceStatus: 0, activeStatus: 1 })).body;
    expect(offlineActivated.total).toBe(devices.filter((d) => d.deviceStatus === 0 && d.isActived === 1).length);
  });

  it('should filter by exact deviceKey', async () => {
    const device = devicesOf(session.sim, 'plug')[3];
    const { body } = await overview({ productKey: device.productKey, deviceKey: device.deviceKey });
    expect(body.total).toBe(1);
    expect(body.data[0].deviceKey).toBe(device.deviceKey);
    expect((await overview({ productKey: device.productKey, deviceKey: device.deviceKey.slice(0, 6) })).body.total).toBe(0);
  });

  it('should refuse the undocumented deviceName filter in strict mode (50005)', async () => {
    const device = devicesOf(session.sim, 'meter')[0];
    const { body } = await overview({ productKey: device.productKey, deviceName: device.deviceName });
    expect(body.code).toBe(50005);
  });

  it('should answer an empty page with real totals past the last page', async () => {
    const meter = productOf(session.sim, 'meter');
    const total = session.sim.store.devices(meter.productKey).length;
    const { body } = await overview({ productKey: meter.productKey, pageNum: 1000 });
    expect(body).toEqual({ code: 200, msg: '', data: [], pageNum: 1000, pageSize: 10, pages: Math.ceil(total / 10), total });
  });

  it('should answer 50005 for a missing productKey, bad flags and bad paging', async () => {
    const pk = productOf(session.sim, 'meter').productKey;
    expect((await overview({})).body.code).toBe(50005);
    expect((await overview({ productKey: pk, deviceStatus: 2 })).body.code).toBe(50005);
    expect((await overview({ productKey: pk, activeStatus: 'yes' })).body.code).toBe(50005);
    expect((await overview({ productKey: pk, pageSize: 0 })).body.code).toBe(50005);
    // A pageSize above 100: refused only where no strict cap cuts it down (the lenient block below).
  });

  it('should answer 70017 for an unknown product and 70089 for the unauthorized one', async () => {
    expect((await overview({ productKey: 'p1none' })).body.code).toBe(70017);
    expect((await overview({ productKey: productOf(session.sim, 'tracker').productKey })).body.code).toBe(70089);
  });
});

describe('device detail', () => {
  const detail = (query: Record<string, string>) => session.send('GET', PATHS.deviceDetail, { query });

  it('should answer one DeviceDetails object', async () => {
    const device = devicesOf(session.sim, 'meter').find((d) => d.isActived === 1) as Device;
    const { body } = await detail({ productKey: device.productKey, deviceKey: device.deviceKey });
    expect(body).toEqual({
      code: 200,
      msg: '',
      data: {
        activedTime: device.activedTime,
        authMode: device.authMode,
        createTime: device.createTime,
        dataFmt: 3,
        deviceKey: device.deviceKey,
        deviceName: device.deviceName,
        deviceStatus: device.deviceStatus,
        firstConnTime: device.firstConnTime,
        isActived: 1,
        isVerified: device.isVerified,
        isVirtual: device.isVirtual,
        lastConnTime: device.lastConnTime,
        lastOfflineTime: device.lastOfflineTime,
        productKey: device.productKey,
        sn: device.sn,
        updateTime: device.updateTime,
      },
    });
  });

  it('should carry dataFmt 0 for devices of the transparent product', async () => {
    const device = devicesOf(session.sim, 'water-meter')[0];
    expect((await detail({ productKey: device.productKey, deviceKey: device.deviceKey })).body.data.dataFmt).toBe(0);
  });

  it('should answer 70130 for an unknown device or product', async () => {
    const meter = productOf(session.sim, 'meter');
    expect((await detail({ productKey: meter.productKey, deviceKey: '000000000000000' })).body).toEqual({ code: 70130, msg: 'Non existent device.' });
    const device = devicesOf(session.sim, 'plug')[0];
    expect((await detail({ productKey: meter.productKey, deviceKey: device.deviceKey })).body.code).toBe(70130);
    expect((await detail({ productKey: 'p1none', deviceKey: device.deviceKey })).body.code).toBe(70130);
  });

  it('should answer 70089 for a device of the unauthorized product', async () => {
    const device = devicesOf(session.sim, 'tracker')[0];
    expect((await detail({ productKey: device.productKey, deviceKey: device.deviceKey })).body.code).toBe(70089);
  });

  it('should answer 50005 when productKey or deviceKey is missing', async () => {
    const device = devicesOf(session.sim, 'meter')[0];
    expect((await detail({ productKey: device.productKey })).body.code).toBe(50005);
    expect((await detail({ deviceKey: device.deviceKey })).body.code).toBe(50005);
  });
});

describe('device resource', () => {
  const resource = (query: Record<string, string>) => session.send('GET', PATHS.deviceResource, { query });
  const activated = (role: Parameters<typeof devicesOf>[1]) => devicesOf(session.sim, role).filter((d) => d.isActived === 1)[0];

  it('should answer every documented field for a cellular device with realistic values', async () => {
    const device = activated('meter');
    const { body } = await resource({ productKey: device.productKey, deviceKey: device.deviceKey });
    expect(body.code).toBe(200);
    expect(Object.keys(body.data).sort()).toEqual(RESOURCE_FIELDS);
    const data = body.data;
    expect(data).toMatchObject({ productKey: device.productKey, deviceKey: device.deviceKey, sn: device.sn, mcc: 460, dataProtocolVer: '1.3.0' });
    expect(data.signalStrength).toBeGreaterThanOrEqual(0);
    expect(data.signalStrength).toBeLessThanOrEqual(31);
    expect(data.rsrp).toBeLessThan(-44);
    expect(data.voltage).toBeGreaterThan(3);
    expect(data.iccId).toMatch(/^8986\d{16}$/);
    expect(data.type).toMatch(/^E[CG]\d{3}/);
    expect(typeof data.version).toBe('string');
    expect(data.locator).toContain('LBS');
  });

  it('should report battery for battery-powered devices only', async () => {
    const water = activated('water-meter');
    expect((await resource({ productKey: water.productKey, deviceKey: water.deviceKey })).body.data.battery).toEqual(expect.any(Number));
    const meter = activated('meter');
    expect((await resource({ productKey: meter.productKey, deviceKey: meter.deviceKey })).body.data.battery).toBeNull();
  });

  it('should report Wi-Fi RSSI and no SIM data for Wi-Fi devices', async () => {
    const plug = activated('plug');
    const { data } = (await resource({ productKey: plug.productKey, deviceKey: plug.deviceKey })).body;
    expect(data.signalStrength).toBeLessThan(0);
    expect(data).toMatchObject({ iccId: null, rsrp: null, mcc: null, type: expect.stringMatching(/^FC/) });
  });

  it('should answer nulls beside the keys for a never-activated device', async () => {
    const device = devicesOf(session.sim, 'meter').find((d) => d.isActived === 0);
    expect(device).toBeDefined();
    const { data } = (await resource({ productKey: device!.productKey, deviceKey: device!.deviceKey })).body;
    const { productKey, deviceKey, ...rest } = data;
    expect([productKey, deviceKey]).toEqual([device!.productKey, device!.deviceKey]);
    expect(Object.values(rest).every((v) => v === null)).toBe(true);
  });

  it('should answer 70130, 70089 and 50005 like device detail', async () => {
    const meter = productOf(session.sim, 'meter');
    expect((await resource({ productKey: meter.productKey, deviceKey: 'nope' })).body.code).toBe(70130);
    const tracker = devicesOf(session.sim, 'tracker')[0];
    expect((await resource({ productKey: tracker.productKey, deviceKey: tracker.deviceKey })).body.code).toBe(70089);
    expect((await resource({ productKey: meter.productKey })).body.code).toBe(50005);
  });
});

describe('device overview on a platform that does not know deviceName', () => {
  const unaware = signedSession('', { deviceNameFilter: false, strict: false });

  it('should ignore deviceName and answer the unfiltered list, as an unknown parameter is ignored', async () => {
    const device = devicesOf(unaware.sim, 'meter')[0];
    const { body } = await unaware.send('GET', PATHS.deviceOverview, {
      query: { productKey: device.productKey, deviceName: 'zz-no-such-name', pageSize: 100 },
    });
    expect(body.code).toBe(200);
    expect(body.total).toBe(unaware.sim.store.devices(device.productKey).length);
  });
});

describe('device overview without strict mode', () => {
  const lenient = signedSession('', { strict: false });

  it('should answer 50005 for a pageSize above 100 when no cap cuts it down', async () => {
    const { body } = await lenient.send('GET', PATHS.deviceOverview, {
      query: { productKey: productOf(lenient.sim, 'meter').productKey, pageSize: 101 },
    });
    expect(body.code).toBe(50005);
  });

  it('should filter by deviceName substring, case-insensitively', async () => {
    const device = devicesOf(lenient.sim, 'meter')[0];
    const fragment = device.deviceName.split(' ')[0].toUpperCase();
    const { body } = await lenient.send('GET', PATHS.deviceOverview, {
      query: { productKey: device.productKey, deviceName: fragment, pageSize: 100 },
    });
    const expected = lenient.sim.store.devices(device.productKey).filter((d) => d.deviceName.toUpperCase().includes(fragment));
    expect(body.total).toBe(expected.length);
    expect(body.total).toBeGreaterThan(0);
  });
});
