import { NAME_SCAN_MAX_PAGES, createDeviceLoaders } from '../../src/datasources/devices/device.loaders';
import { UpstreamError, ErrorCode } from '../../src/errors';
import { FakeDeviceApi } from '../fakes/fake-device.api';

const ref = (productKey: string, n: number | string) => ({
  productKey,
  deviceKey: typeof n === 'string' ? n : `${productKey}-d${String(n).padStart(4, '0')}`,
});

describe('deviceByKey', () => {
  it('should return one result per key, in key order, with null for missing keys', async () => {
    const api = FakeDeviceApi.withProducts({ pA: 30, pB: 5 });
    const { deviceByKey } = createDeviceLoaders(api, api, 10);
    const keys = [ref('pB', 3), ref('pA', 29), ref('pA', 'nope'), ref('pA', 0), ref('pZ', 1)];
    const results = await deviceByKey.loadMany(keys);
    expect(results.map((r) => (r && !(r instanceof Error) ? r.deviceKey : r))).toEqual(['pB-d0003', 'pA-d0029', null, 'pA-d0000', null]);
  });

  it('should deduplicate repeated keys into one upstream call', async () => {
    const api = FakeDeviceApi.withProducts({ pA: 30 });
    const { deviceByKey } = createDeviceLoaders(api, api, 10);
    await Promise.all([deviceByKey.load(ref('pA', 1)), deviceByKey.load(ref('pA', 1)), deviceByKey.load(ref('pA', 1))]);
    expect(api.calls).toEqual(['detail pA pA-d0001']);
  });

  it('should use detail calls for one or two devices of a product', async () => {
    const api = FakeDeviceApi.withProducts({ pA: 500 });
    const { deviceByKey } = createDeviceLoaders(api, api, 100);
    await deviceByKey.loadMany([ref('pA', 1), ref('pA', 499)]);
    expect(api.calls.sort()).toEqual(['detail pA pA-d0001', 'detail pA pA-d0499']);
  });

  it('should list pages when that is cheaper than one detail call per device', async () => {
    const api = FakeDeviceApi.withProducts({ pA: 500 });
    const { deviceByKey } = createDeviceLoaders(api, api, 100);
    const wanted = Array.from({ length: 40 }, (_, i) => ref('pA', 100 + i * 10));
    const results = await deviceByKey.loadMany(wanted);
    expect(results.every((r) => r && !(r instanceof Error))).toBe(true);
    expect(api.calls.sort()).toEqual(['list pA 1', 'list pA 2', 'list pA 3', 'list pA 4', 'list pA 5']);
  });

  it('should find every device when the platform serves fewer rows per page than asked (reference §12.13)', async () => {
    const api = FakeDeviceApi.withProducts({ pA: 500 });
    const listDevices = api.listDevices.bind(api);
    // A platform capping pages at 50 rows whatever the client asks for.
    api.listDevices = (filter, page) => listDevices(filter, { ...page, pageSize: Math.min(page.pageSize, 50) });
    const { deviceByKey } = createDeviceLoaders(api, api, 100);
    const wanted = Array.from({ length: 40 }, (_, i) => ref('pA', 100 + i * 10));
    const results = await deviceByKey.loadMany(wanted);
    expect(results.map((r) => (r && !(r instanceof Error) ? r.deviceKey : r))).toEqual(wanted.map((w) => w.deviceKey));
    expect(api.calls.filter((call) => call.startsWith('list'))).toHaveLength(10);
  });

  it('should probe the first page, then use detail calls for the few devices not on it', async () => {
    const api = FakeDeviceApi.withProducts({ pA: 500 });
    const { deviceByKey } = createDeviceLoaders(api, api, 100);
    await deviceByKey.loadMany([ref('pA', 1), ref('pA', 2), ref('pA', 450)]);
    expect(api.calls.sort()).toEqual(['detail pA pA-d0450', 'list pA 1']);
  });

  it('should not call again for a device already seen in a list page', async () => {
    const api = FakeDeviceApi.withProducts({ pA: 50 });
    const { deviceByKey, devicePage } = createDeviceLoaders(api, api, 100);
    await devicePage.load({ productKey: 'pA', pageNum: 1 });
    await deviceByKey.load(ref('pA', 7));
    expect(api.calls).toEqual(['list pA 1']);
  });

  it('should fail only the keys of a product whose listing failed', async () => {
    const api = FakeDeviceApi.withProducts({ pA: 50, pB: 50 });
    const failing = new UpstreamError('down', ErrorCode.UPSTREAM_UNAVAILABLE);
    const original = api.listDevices.bind(api);
    api.listDevices = async (filter, page) => {
      if (filter.productKey === 'pB') throw failing;
      return original(filter, page);
    };
    const { deviceByKey } = createDeviceLoaders(api, api, 100);
    const results = await deviceByKey.loadMany([ref('pA', 1), ref('pA', 2), ref('pA', 3), ref('pB', 1), ref('pB', 2), ref('pB', 3)]);
    expect(results.slice(0, 3).every((r) => r && !(r instanceof Error))).toBe(true);
    expect(results.slice(3)).toEqual([failing, failing, failing]);
  });
});

describe('deviceCount', () => {
  it('should count with pageSize=1 calls, and derive offline from total and online asked for together', async () => {
    const api = FakeDeviceApi.withProducts({ pA: 31 });
    const { deviceCount } = createDeviceLoaders(api, api, 10);
    const [total, online, offline, activated] = await Promise.all([
      deviceCount.load({ productKey: 'pA' }),
      deviceCount.load({ productKey: 'pA', deviceStatus: 1 }),
      deviceCount.load({ productKey: 'pA', deviceStatus: 0 }),
      deviceCount.load({ productKey: 'pA', activeStatus: 1 }),
    ]);
    expect({ total, online, offline, activated }).toEqual({ total: 31, online: 15, offline: 16, activated: 20 });
    expect(api.lists).toHaveLength(3);
    expect(api.lists.every((call) => call.pageSize === 1 && call.deviceStatus !== 0)).toBe(true);
  });

  it('should read offline with its own call when total or online is not asked for', async () => {
    const api = FakeDeviceApi.withProducts({ pA: 31 });
    const { deviceCount } = createDeviceLoaders(api, api, 10);
    await expect(deviceCount.load({ productKey: 'pA', deviceStatus: 0 })).resolves.toBe(16);
    expect(api.lists).toEqual([expect.objectContaining({ deviceStatus: 0, pageSize: 1 })]);
  });

  it('should take the total of any page of the same list asked for in the same tick, without a call of its own', async () => {
    const api = FakeDeviceApi.withProducts({ pA: 31 });
    const { deviceCount, devicePage } = createDeviceLoaders(api, api, 10);
    const [page, total, online] = await Promise.all([
      devicePage.load({ productKey: 'pA', pageNum: 3 }),
      deviceCount.load({ productKey: 'pA' }),
      deviceCount.load({ productKey: 'pA', deviceStatus: 1 }),
    ]);
    expect(page.rows).toHaveLength(10);
    expect({ total, online }).toEqual({ total: 31, online: 15 });
    expect(api.lists).toEqual([{ productKey: 'pA', pageNum: 3, pageSize: 10 }, expect.objectContaining({ pageSize: 1, deviceStatus: 1 })]);
  });
});

describe('devicePage with a name filter', () => {
  it('should never send the name upstream by default and match it over a scan of the list', async () => {
    const api = FakeDeviceApi.withProducts({ pA: 31 });
    const { devicePage } = createDeviceLoaders(api, api, 10);
    const page = await devicePage.load({ productKey: 'pA', deviceName: 'DEVICE 1', pageNum: 1 });
    expect(page.total).toBe(11);
    expect(api.lists.filter((call) => call.deviceName !== undefined)).toHaveLength(0);
    expect(api.lists.map((call) => call.pageNum)).toEqual([1, 2, 3, 4]);
  });

  describe('with QUEC_DEVICE_NAME_FILTER=true', () => {
    it('should filter a scan of the list itself when upstream ignores deviceName, reading each page once', async () => {
      const api = Object.assign(FakeDeviceApi.withProducts({ pA: 31 }), { filtersByName: true });
      const { devicePage } = createDeviceLoaders(api, api, 10);
      const [first, second] = await Promise.all([
        devicePage.load({ productKey: 'pA', deviceName: 'DEVICE 1', pageNum: 1 }),
        devicePage.load({ productKey: 'pA', deviceName: 'DEVICE 1', pageNum: 2 }),
      ]);
      const names = first.rows.map((row) => row.deviceName);
      expect(names).toEqual([
        'Device 1',
        'Device 10',
        'Device 11',
        'Device 12',
        'Device 13',
        'Device 14',
        'Device 15',
        'Device 16',
        'Device 17',
        'Device 18',
      ]);
      expect(second.rows.map((row) => row.deviceName)).toEqual(['Device 19']);
      expect(first.total).toBe(11);
      // One named call (upstream ignored the name; page 2, all "Device 1x", must not be trusted), then pages 1-4 once each.
      expect(api.lists.filter((call) => call.deviceName !== undefined)).toHaveLength(1);
      expect(api.lists.filter((call) => call.deviceName === undefined).map((call) => call.pageNum)).toEqual([1, 2, 3, 4]);
    });

    it('should trust upstream when every row it answers matches the name', async () => {
      const api = Object.assign(FakeDeviceApi.withProducts({ pA: 31 }), { filtersByName: true });
      const original = api.listDevices.bind(api);
      api.listDevices = async (filter, page) => {
        const answer = await original(filter, page);
        const part = filter.deviceName?.toLowerCase();
        if (part === undefined) return answer;
        const rows = answer.rows.filter((row) => (row.deviceName ?? '').toLowerCase().includes(part));
        return { rows, total: rows.length };
      };
      const { devicePage } = createDeviceLoaders(api, api, 10);
      await devicePage.load({ productKey: 'pA', deviceName: 'device 2', pageNum: 1 });
      expect(api.lists).toHaveLength(1);
    });

    it('should refuse with BAD_USER_INPUT a list longer than NAME_SCAN_MAX_PAGES pages', async () => {
      const api = Object.assign(FakeDeviceApi.withProducts({ pA: 10 * NAME_SCAN_MAX_PAGES + 1 }), { filtersByName: true });
      const { devicePage } = createDeviceLoaders(api, api, 10);
      await expect(devicePage.load({ productKey: 'pA', deviceName: 'device 1', pageNum: 1 })).rejects.toMatchObject({
        extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: 'nameContains' },
      });
      expect(api.lists).toHaveLength(2);
    });
  });
});
