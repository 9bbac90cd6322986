import { startHarness, type Harness } from '../helpers/harness';
import { BATCH_EXAMPLE, BATCH_REQUEST_KEYS } from '../fixtures/vendor-batch-answers';

const codeOf = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;

describe('device lifecycle mutations', () => {
  let h: Harness;
  let pk: string;
  beforeAll(async () => {
    h = await startHarness();
    pk = h.sim.store.products().find((p) => p.authorized && p.role === 'meter')!.productKey;
    await h.execute('{ products(first: 1) { totalCount } }');
  });
  afterAll(() => h.close());
  beforeEach(() => h.sim.log.clear());

  it('should create one device and return it with its detail', async () => {
    const { data, errors } = await h.execute<{
      createDevice: { productKey: string; deviceKey: string; name: string; sn: string; authMode: string; status: string };
    }>(`mutation($input: CreateDeviceInput!) { createDevice(input: $input) { productKey deviceKey name sn authMode status } }`, {
      input: { productKey: pk, deviceKey: 'NEW-0001', name: 'Lobby meter', sn: 'SN-NEW-1', authMode: 'STATIC' },
    });
    expect(errors).toBeUndefined();
    expect(data!.createDevice).toMatchObject({
      productKey: pk,
      deviceKey: 'NEW-0001',
      name: 'Lobby meter',
      sn: 'SN-NEW-1',
      authMode: 'STATIC',
      status: 'OFFLINE',
    });
    expect(h.sim.log.entries().find((e) => e.endpoint === 'device.create')!.body).toEqual({
      productKey: pk,
      deviceKey: 'NEW-0001',
      deviceName: 'Lobby meter',
      sn: 'SN-NEW-1',
      authMode: 1,
    });
    expect(h.sim.log.count('device.create')).toBe(1);
  });

  it('should refuse an existing device key with the platform code', async () => {
    const existing = h.sim.store.devices(pk)[0];
    const result = await h.execute(`mutation($input: CreateDeviceInput!) { createDevice(input: $input) { deviceKey } }`, {
      input: { productKey: pk, deviceKey: existing.deviceKey },
    });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions).toMatchObject({ upstream: { code: 70062 } });
  });

  const CREATE_MANY = `mutation($input: CreateDevicesInput!) { createDevices(input: $input) {
    succeeded { deviceKey name } failed { index deviceKey code message } succeededCount failedCount
  } }`;

  it('should create a batch in one call, reporting the duplicate row by index and code', async () => {
    const existing = h.sim.store.devices(pk)[1];
    const devices = [{ deviceKey: 'BATCH-1', name: 'B1' }, { deviceKey: existing.deviceKey }, { deviceKey: 'BATCH-3', name: 'B3' }];
    const { data, errors } = await h.execute<{
      createDevices: { succeeded: Array<{ deviceKey: string; name: string }>; failed: unknown[]; succeededCount: number; failedCount: number };
    }>(CREATE_MANY, {
      input: { productKey: pk, devices },
    });
    expect(errors).toBeUndefined();
    expect(data!.createDevices).toEqual({
      succeeded: [
        { deviceKey: 'BATCH-1', name: 'B1' },
        { deviceKey: 'BATCH-3', name: 'B3' },
      ],
      failed: [{ index: 1, deviceKey: existing.deviceKey, code: 70062, message: expect.any(String) }],
      succeededCount: 2,
      failedCount: 1,
    });
    expect(h.sim.log.count('device.createBatch')).toBe(1);
    expect(h.sim.store.device(pk, 'BATCH-3')).toBeDefined();
  });

  describe('answers that are not a list of failed rows (reference §12.4)', () => {
    const KEYS_ONLY = `mutation($input: CreateDevicesInput!) { createDevices(input: $input) {
      succeeded { deviceKey } failed { deviceKey } succeededCount failedCount
    } }`;
    const input = () => ({ productKey: pk, devices: BATCH_REQUEST_KEYS.map((deviceKey) => ({ deviceKey })) });

    it("should report every row done for the vendor's example answer, which has no data", async () => {
      h.sim.faults.inject('device.createBatch', { body: BATCH_EXAMPLE });
      const { data, errors } = await h.execute(KEYS_ONLY, { input: input() });
      expect(errors).toBeUndefined();
      expect(data).toEqual({
        createDevices: { succeeded: BATCH_REQUEST_KEYS.map((deviceKey) => ({ deviceKey })), failed: [], succeededCount: 2, failedCount: 0 },
      });
      expect(h.sim.log.count('device.createBatch')).toBe(1);
    });

    it('should read the failed rows of an object answer', async () => {
      h.sim.faults.inject('device.createBatch', {
        body: JSON.stringify({ code: 200, msg: '', data: { successList: ['DK00001'], failList: [{ deviceKey: 'DK00002', code: 70062 }] } }),
      });
      const { data, errors } = await h.execute(KEYS_ONLY, { input: input() });
      expect(errors).toBeUndefined();
      expect(data).toEqual({
        createDevices: { succeeded: [{ deviceKey: 'DK00001' }], failed: [{ deviceKey: 'DK00002' }], succeededCount: 1, failedCount: 1 },
      });
    });

    it('should fail with a coded error, not report success, when the answer counts failures it does not name', async () => {
      h.sim.faults.inject('device.createBatch', { body: JSON.stringify({ code: 200, msg: '', data: { successCount: 1, failCount: 1 } }) });
      const result = await h.execute(KEYS_ONLY, { input: input() });
      expect(result.data).toBeNull();
      expect(codeOf(result)).toBe('UPSTREAM_ERROR');
      expect(result.errors![0].message).toMatch(/outcome of each row is unknown/);
      expect(h.sim.log.count('device.createBatch')).toBe(1);
    });
  });

  it('should refuse a batch over 500 rows or with a repeated key before calling upstream', async () => {
    const tooMany = await h.execute(CREATE_MANY, {
      input: { productKey: pk, devices: Array.from({ length: 501 }, (_, i) => ({ deviceKey: `X${i}` })) },
    });
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].message).toMatch(/at most 500/);
    const repeated = await h.execute(CREATE_MANY, {
      input: { productKey: pk, devices: [{ deviceKey: 'R1' }, { deviceKey: 'R2' }, { deviceKey: 'R1' }] },
    });
    expect(repeated.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.devices[2].deviceKey' });
    expect(h.sim.log.count()).toBe(0);
  });

  it('should answer NOT_FOUND for a batch into an unknown product', async () => {
    const result = await h.execute(CREATE_MANY, { input: { productKey: 'pNOPE1', devices: [{ deviceKey: 'A1' }] } });
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(result.errors![0].extensions).toMatchObject({ upstream: { code: 70017 } });
  });

  it('should update one device and show the new name in the same request', async () => {
    const device = h.sim.store.devices(pk)[2];
    const { data, errors } = await h.execute<{ before: { name: string }; updateDevice: { name: string; sn: string } }>(
      `mutation($input: UpdateDeviceInput!) { updateDevice(input: $input) { name sn } }`,
      { input: { productKey: pk, deviceKey: device.deviceKey, name: 'Renamed' } },
    );
    expect(errors).toBeUndefined();
    expect(data!.updateDevice).toEqual({ name: 'Renamed', sn: device.sn });
    expect(h.sim.log.entries().find((e) => e.endpoint === 'device.update')!.body).toEqual({
      productKey: pk,
      deviceKey: device.deviceKey,
      deviceName: 'Renamed',
    });
  });

  it('should refuse an update that changes nothing', async () => {
    const result = await h.execute(`mutation($input: UpdateDeviceInput!) { updateDevice(input: $input) { name } }`, {
      input: { productKey: pk, deviceKey: 'X1' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input' });
    expect(h.sim.log.count()).toBe(0);
  });

  it('should update a batch in one call, reporting an unknown device row', async () => {
    const [a, b] = h.sim.store.devices(pk).slice(3, 5);
    const { data, errors } = await h.execute<{
      updateDevices: { succeeded: Array<{ deviceKey: string }>; failed: Array<{ index: number; code: number }> };
    }>(`mutation($input: UpdateDevicesInput!) { updateDevices(input: $input) { succeeded { deviceKey } failed { index deviceKey code } } }`, {
      input: {
        productKey: pk,
        devices: [
          { deviceKey: a.deviceKey, sn: 'S-A' },
          { deviceKey: 'GHOST-1', name: 'x' },
          { deviceKey: b.deviceKey, name: 'B' },
        ],
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.updateDevices.succeeded.map((d) => d.deviceKey)).toEqual([a.deviceKey, b.deviceKey]);
    expect(data!.updateDevices.failed).toEqual([{ index: 1, deviceKey: 'GHOST-1', code: 70130 }]);
    expect(h.sim.store.device(pk, a.deviceKey)!.sn).toBe('S-A');
    expect(h.sim.log.count('device.updateBatch')).toBe(1);
  });

  it('should delete a device, after which it is gone', async () => {
    const device = h.sim.store.devices(pk)[5];
    const { data } = await h.execute(
      `mutation($pk: String!, $dk: String!) { deleteDevice(productKey: $pk, deviceKey: $dk) { productKey deviceKey } }`,
      { pk, dk: device.deviceKey },
    );
    expect(data).toEqual({ deleteDevice: { productKey: pk, deviceKey: device.deviceKey } });
    expect(h.sim.store.device(pk, device.deviceKey)).toBeUndefined();
    const again = await h.execute(`mutation($pk: String!, $dk: String!) { deleteDevice(productKey: $pk, deviceKey: $dk) { deviceKey } }`, {
      pk,
      dk: device.deviceKey,
    });
    expect(codeOf(again)).toBe('NOT_FOUND');
    expect(h.sim.log.count('device.delete')).toBe(2);
  });

  it('should unbind a connected sub-device from its gateway, and refuse one that is not connected', async () => {
    const sub = h.sim.store.devices().find((d) => h.sim.store.product(d.productKey)!.authorized && d.gateway && h.sim.store.currentGatewayOf(d))!;
    const { data, errors } = await h.execute<{ unbindSubDevice: { deviceKey: string } }>(
      `mutation($pk: String!, $dk: String!) { unbindSubDevice(productKey: $pk, deviceKey: $dk) { deviceKey } }`,
      { pk: sub.productKey, dk: sub.deviceKey },
    );
    expect(errors).toBeUndefined();
    expect(data!.unbindSubDevice.deviceKey).toBe(sub.deviceKey);
    expect(h.sim.store.currentGatewayOf(sub)).toBeUndefined();
    expect(h.sim.log.entries().find((e) => e.endpoint === 'gateway.unbind')).toMatchObject({
      method: 'POST',
      query: { productKey: sub.productKey, deviceKey: sub.deviceKey },
    });
    const again = await h.execute(`mutation($pk: String!, $dk: String!) { unbindSubDevice(productKey: $pk, deviceKey: $dk) { deviceKey } }`, {
      pk: sub.productKey,
      dk: sub.deviceKey,
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 70026 } });
  });
});
