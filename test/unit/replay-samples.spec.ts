import { resolve } from 'node:path';
import { HttpProductApi } from '../../src/datasources/catalog/product.api';
import { HttpDeviceApi } from '../../src/datasources/devices/device.api';
import { toProduct } from '../../src/resolvers/catalog/product.mapper';
import { toDevice } from '../../src/resolvers/devices/device.mapper';
import { loadSamples, replayClient } from '../helpers/replay';

/**
 * Samples recorded by `npm run doctor` and copied into test/fixtures/doctor-samples/ (docs/doctor.md), replayed through
 * the real client, API and mapper. These two come from the simulator; a sample recorded on a real account goes in the
 * same folder and gets its own expectations here.
 */
const samples = loadSamples(resolve(__dirname, '../fixtures/doctor-samples'));

describe('recorded doctor samples replayed through the client and the mappers', () => {
  it('should read the product list sample into products', async () => {
    const { client, served } = replayClient(samples);
    const page = await new HttpProductApi(client).listProducts({ pageNum: 1, pageSize: 100 });
    expect(served).toEqual(['product.list']);
    expect(page.total).toBe(7);
    expect(page.rows.map(toProduct)[0]).toEqual({
      productKey: 'p15WqW',
      name: 'Farm Hub H200',
      accessType: 'GATEWAY',
      dataFormat: 'THING_MODEL',
      network: 'WIFI',
      logoUrl: 'https://iot-oss.quectelcn.com/product/logo/p15WqW.png',
      createdAt: new Date(1722328742507),
      updatedAt: new Date(1733033664315),
    });
  });

  it('should read the device detail sample into a device, its sanitised name included', async () => {
    const { client, served } = replayClient(samples);
    const device = toDevice(await new HttpDeviceApi(client).getDevice('p15WqW', '48E7292508D2'));
    expect(served).toEqual(['device.detail']);
    expect(device).toMatchObject({ deviceKey: '48E7292508D2', name: '[redacted-name]', status: 'ONLINE', activated: true, authMode: 'STATIC' });
    expect(device.lastConnectedAt).toEqual(new Date(1748707953094));
  });

  it('should refuse a request no sample recorded', async () => {
    const { client, served } = replayClient(samples);
    await expect(new HttpProductApi(client).listProducts({ pageNum: 2, pageSize: 100 })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(served).toEqual([]);
  });
});
