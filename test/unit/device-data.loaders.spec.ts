import { createDeviceDataLoaders } from '../../src/datasources/device-data/device-data.loaders';
import { FakeDeviceDataApi } from '../fakes/fake-device-data.api';

describe('device data loaders', () => {
  function setup() {
    const api = new FakeDeviceDataApi();
    api.messages.set('pA/d1', [
      { productKey: 'pA', deviceKey: 'd1', direction: 1, ticket: 'm1' },
      { productKey: 'pA', deviceKey: 'd1', direction: 2, ticket: 'm2' },
    ]);
    api.messages.set('pA/d2', []);
    api.messages.set('pA/d3', []);
    api.locations.set('pA/d1', { wgsLat: 1, wgsLng: 2 });
    api.locations.set('pA/d2', 'unsupported');
    return { api, loaders: createDeviceDataLoaders(api, api, 10) };
  }

  it('should answer one result per key in key order, an Error only for the key that failed', async () => {
    const { loaders } = setup();
    const pages = await loaders.messagePageByDevice.loadMany([
      { productKey: 'pA', deviceKey: 'd2', pageNum: 1 },
      { productKey: 'pA', deviceKey: 'nope', pageNum: 1 },
      { productKey: 'pA', deviceKey: 'd1', pageNum: 1, direction: 1 },
    ]);
    expect(pages[0]).toEqual({ rows: [], total: 0 });
    expect(pages[1]).toBeInstanceOf(Error);
    expect(pages[2]).toEqual({ rows: [expect.objectContaining({ ticket: 'm1' })], total: 1 });
  });

  it('should call upstream once for the same page asked twice, and separately for another filter', async () => {
    const { api, loaders } = setup();
    await Promise.all([
      loaders.messagePageByDevice.load({ productKey: 'pA', deviceKey: 'd1', pageNum: 1, direction: 1 }),
      loaders.messagePageByDevice.load({ productKey: 'pA', deviceKey: 'd1', pageNum: 1, direction: 1 }),
      loaders.messagePageByDevice.load({ productKey: 'pA', deviceKey: 'd1', pageNum: 1 }),
    ]);
    expect(api.calls).toEqual(['messages pA/d1 1 1', 'messages pA/d1 * 1']);
  });

  it('should answer null for an unknown device, a device without positioning and one never located', async () => {
    const { loaders } = setup();
    const locations = await loaders.locationByDevice.loadMany([
      { productKey: 'pA', deviceKey: 'd1' },
      { productKey: 'pA', deviceKey: 'd9' },
      { productKey: 'pA', deviceKey: 'd2' },
      { productKey: 'pA', deviceKey: 'd3' },
    ]);
    expect(locations).toEqual([{ wgsLat: 1, wgsLng: 2 }, null, null, null]);
  });
});
