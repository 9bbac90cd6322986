import { startSimulator, type SimulatorHandle } from '../../simulator';
import { fakeClock, PATHS, call, login, postJson } from './support/sim-client';
import { mixedGateway, productOf } from './support/seed-lookup';

const NOW = Date.UTC(2025, 6, 1, 8, 0, 0);
const FINGERPRINT = 'a'.repeat(40);

let sim: SimulatorHandle;
let token: string;
let meterKey: string;

beforeAll(async () => {
  sim = await startSimulator({ clock: fakeClock(NOW) });
  token = await login(sim, NOW);
  meterKey = productOf(sim, 'meter').productKey;
});
afterAll(() => sim.close());

const post = (path: string, body: unknown) => postJson(sim, path, body, token);
const detail = (productKey: string, deviceKey: string) => call(sim, PATHS.deviceDetail, { productKey, deviceKey }, { token });

describe('device/create', () => {
  it('should create a never-activated device that detail and overview show', async () => {
    expect((await post(PATHS.deviceCreate, { productKey: meterKey, deviceKey: 'NEW-0001', deviceName: 'Pump 1', sn: 'SN1' })).body).toEqual({
      code: 200,
      msg: '',
    });
    const { body } = await detail(meterKey, 'NEW-0001');
    expect(body.data).toEqual({
      productKey: meterKey,
      deviceKey: 'NEW-0001',
      deviceName: 'Pump 1',
      sn: 'SN1',
      deviceStatus: 0,
      isActived: 0,
      isVerified: 0,
      isVirtual: 0,
      authMode: 0,
      dataFmt: 3,
      activedTime: null,
      createTime: NOW,
      updateTime: NOW,
      firstConnTime: null,
      lastConnTime: null,
      lastOfflineTime: null,
    });
    const overview = await call(sim, PATHS.deviceOverview, { productKey: meterKey, deviceKey: 'NEW-0001' }, { token });
    expect(overview.body.total).toBe(1);
  });

  it('should default deviceName to the deviceKey and require a fingerprint for X.509', async () => {
    expect((await post(PATHS.deviceCreate, { productKey: meterKey, deviceKey: 'NEW-0002' })).body.code).toBe(200);
    expect((await detail(meterKey, 'NEW-0002')).body.data.deviceName).toBe('NEW-0002');
    expect((await post(PATHS.deviceCreate, { productKey: meterKey, deviceKey: 'NEW-0003', authMode: 2 })).body.code).toBe(50005);
    expect((await post(PATHS.deviceCreate, { productKey: meterKey, deviceKey: 'NEW-0003', authMode: 2, fingerPrint: FINGERPRINT })).body.code).toBe(
      200,
    );
  });

  it('should answer 70062 for a duplicate deviceKey, 70017 unknown product and 70089 unauthorized', async () => {
    const existing = sim.store.devices(meterKey)[0].deviceKey;
    expect((await post(PATHS.deviceCreate, { productKey: meterKey, deviceKey: existing })).body).toEqual({
      code: 70062,
      msg: 'DeviceKey already exists.',
    });
    expect((await post(PATHS.deviceCreate, { productKey: 'p1none', deviceKey: 'X1' })).body.code).toBe(70017);
    expect((await post(PATHS.deviceCreate, { productKey: productOf(sim, 'tracker').productKey, deviceKey: 'X1' })).body.code).toBe(70089);
  });

  it.each([
    ['a missing deviceKey', { deviceName: 'x' }],
    ['an empty deviceKey', { deviceKey: '' }],
    ['a deviceKey over 64 characters', { deviceKey: 'K'.repeat(65) }],
    ['a deviceKey with spaces', { deviceKey: 'bad key' }],
    ['an authMode of 3', { deviceKey: 'OK-1', authMode: 3 }],
    ['a malformed fingerprint', { deviceKey: 'OK-1', authMode: 2, fingerPrint: 'xyz' }],
    ['a numeric deviceName', { deviceKey: 'OK-1', deviceName: 5 }],
  ])('should answer 50005 for %s', async (_name, fields) => {
    expect((await post(PATHS.deviceCreate, { productKey: meterKey, ...fields })).body.code).toBe(50005);
  });

  it('should accept a 64-character deviceKey of letters, digits and _-.:', async () => {
    const deviceKey = `a_b-c.d:${'9'.repeat(56)}`;
    expect((await post(PATHS.deviceCreate, { productKey: meterKey, deviceKey })).body.code).toBe(200);
  });
});

describe('device/createBatch', () => {
  it('should create the valid rows and list only the failed ones', async () => {
    const existing = sim.store.devices(meterKey)[1].deviceKey;
    const devices = [
      { deviceKey: 'BATCH-1' },
      { deviceKey: existing },
      { deviceKey: 'BATCH-2', authMode: 2 },
      { deviceKey: 'BATCH-1' },
      { deviceKey: 'BATCH-3' },
    ];
    const { body } = await post(PATHS.deviceCreateBatch, { productKey: meterKey, devices });
    expect(body).toEqual({
      code: 200,
      msg: '',
      data: [
        { deviceKey: existing, code: 70062, message: 'DeviceKey already exists.' },
        { deviceKey: 'BATCH-2', code: 50005, message: 'param check error' },
        { deviceKey: 'BATCH-1', code: 70062, message: 'DeviceKey already exists.' },
      ],
    });
    expect((await detail(meterKey, 'BATCH-1')).body.code).toBe(200);
    expect((await detail(meterKey, 'BATCH-3')).body.code).toBe(200);
    expect((await detail(meterKey, 'BATCH-2')).body.code).toBe(70130);
  });

  it('should answer data [] when every row succeeds', async () => {
    expect((await post(PATHS.deviceCreateBatch, { productKey: meterKey, devices: [{ deviceKey: 'BATCH-9' }] })).body).toEqual({
      code: 200,
      msg: '',
      data: [],
    });
  });

  it('should reject more than 500 rows, no rows, and unknown products as a whole', async () => {
    const many = Array.from({ length: 501 }, (_, i) => ({ deviceKey: `MANY-${i}` }));
    expect((await post(PATHS.deviceCreateBatch, { productKey: meterKey, devices: many })).body.code).toBe(50005);
    expect((await detail(meterKey, 'MANY-0')).body.code).toBe(70130);
    expect((await post(PATHS.deviceCreateBatch, { productKey: meterKey, devices: [] })).body.code).toBe(50005);
    expect((await post(PATHS.deviceCreateBatch, { productKey: 'p1none', devices: [{ deviceKey: 'A' }] })).body.code).toBe(70017);
  });
});

describe('device/update and updateBatch', () => {
  it('should rename a device and keep the old name', async () => {
    const device = sim.store.devices(meterKey)[2];
    const oldName = device.deviceName;
    expect((await post(PATHS.deviceUpdate, { productKey: meterKey, deviceKey: device.deviceKey, deviceName: 'Renamed', sn: 'SN-R' })).body).toEqual({
      code: 200,
      msg: '',
    });
    const { body } = await detail(meterKey, device.deviceKey);
    expect(body.data).toMatchObject({ deviceName: 'Renamed', sn: 'SN-R', updateTime: NOW });
    expect(device.oldDeviceName).toBe(oldName);
  });

  it('should answer 70130 for an unknown device and 50005 without a deviceKey', async () => {
    expect((await post(PATHS.deviceUpdate, { productKey: meterKey, deviceKey: 'NOPE', deviceName: 'x' })).body.code).toBe(70130);
    expect((await post(PATHS.deviceUpdate, { productKey: meterKey, deviceName: 'x' })).body.code).toBe(50005);
  });

  it('should update batch rows and list unknown devices as failures', async () => {
    const device = sim.store.devices(meterKey)[3];
    const { body } = await post(PATHS.deviceUpdateBatch, {
      productKey: meterKey,
      devices: [
        { deviceKey: device.deviceKey, deviceName: 'Batch name' },
        { deviceKey: 'NOPE', deviceName: 'x' },
      ],
    });
    expect(body).toEqual({ code: 200, msg: '', data: [{ deviceKey: 'NOPE', code: 70130, message: 'Non existent device.' }] });
    expect(device.deviceName).toBe('Batch name');
  });
});

describe('device/delete', () => {
  it('should remove the device from detail, overview and history', async () => {
    const device = sim.store.devices(meterKey)[4];
    expect((await post(PATHS.deviceDelete, { productKey: meterKey, deviceKey: device.deviceKey })).body).toEqual({ code: 200, msg: '' });
    expect((await detail(meterKey, device.deviceKey)).body.code).toBe(70130);
    expect((await call(sim, PATHS.deviceOverview, { productKey: meterKey, deviceKey: device.deviceKey }, { token })).body.total).toBe(0);
    expect((await call(sim, PATHS.dataHistory, { deviceId: device.id }, { token })).body.code).toBe(70130);
    expect((await post(PATHS.deviceDelete, { productKey: meterKey, deviceKey: device.deviceKey })).body.code).toBe(70130);
  });

  it('should drop a deleted sub-device from its gateway and detach the sub-devices of a deleted gateway', async () => {
    const gateway = mixedGateway(sim);
    const subs = sim.store.subDevicesOf(gateway.id);
    const sub = subs.find((d) => d.productKey === productOf(sim, 'temperature-probe').productKey)!;
    const survivor = subs.find((d) => d.productKey === productOf(sim, 'soil-sensor').productKey)!;
    await post(PATHS.deviceDelete, { productKey: sub.productKey, deviceKey: sub.deviceKey });
    const list = await call(sim, PATHS.subList, { deviceId: gateway.id, pageSize: 100 }, { token });
    expect(list.body.data.map((row: { deviceKey: string }) => row.deviceKey)).not.toContain(sub.deviceKey);

    await post(PATHS.deviceDelete, { productKey: gateway.productKey, deviceKey: gateway.deviceKey });
    const ofChild = await call(sim, PATHS.gatewayOfChild, { productKey: survivor.productKey, deviceKey: survivor.deviceKey }, { token });
    expect(ofChild.body.code).toBe(70028);
  });

  it('should answer 70130 for an unknown device', async () => {
    expect((await post(PATHS.deviceDelete, { productKey: meterKey, deviceKey: 'NOPE' })).body.code).toBe(70130);
    expect((await post(PATHS.deviceDelete, { productKey: 'p1none', deviceKey: 'NOPE' })).body.code).toBe(70130);
  });
});
