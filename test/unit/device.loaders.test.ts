import { createDeviceLoaders } from '../../src/datasources/devices/device.loaders';
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
