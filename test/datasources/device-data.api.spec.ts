import { startSimulator, type SimulatorHandle } from '../../simulator';
import { HttpHistoryApi } from '../../src/datasources/device-data/history.api';
import { HttpLocationApi } from '../../src/datasources/device-data/location.api';
import { HttpCommandApi } from '../../src/datasources/device-data/command.api';
import { HttpDeviceLifecycleApi } from '../../src/datasources/devices/device-lifecycle.api';
import { upstreamStack } from '../helpers/upstream';

describe('device data datasources against the simulator', () => {
  let sim: SimulatorHandle;
  let client: ReturnType<typeof upstreamStack>['client'];
  beforeAll(async () => {
    sim = await startSimulator();
    client = upstreamStack(sim).client;
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.log.clear());

  const device = () => sim.store.devices().find((d) => sim.store.product(d.productKey)!.authorized && d.messages.length > 3 && d.location)!;
  const lastCall = () =>
    sim.log
      .entries()
      .filter((e) => !e.endpoint.startsWith('auth.'))
      .at(-1)!;

  it('should ask the message log with the upstream names of the filters (beginDateTimp, sic)', async () => {
    const d = device();
    const page = await new HttpHistoryApi(client).listMessages(d, { from: 1, to: 9999999999999, direction: 1 }, { pageNum: 2, pageSize: 3 });
    expect(lastCall()).toMatchObject({
      endpoint: 'history.data',
      method: 'GET',
      path: '/v2/quecdatastorage/r1/openapi/device/data/history',
      query: {
        productKey: d.productKey,
        deviceKey: d.deviceKey,
        beginDateTimp: '1',
        endDateTimp: '9999999999999',
        direction: '1',
        pageNum: '2',
        pageSize: '3',
      },
    });
    expect(page.total).toBe(d.messages.filter((m) => m.direction === 1).length);
  });

  it('should ask the event log by eventType string, leaving out filters not given', async () => {
    const d = device();
    await new HttpHistoryApi(client).listEvents(d, { eventType: '1' }, { pageNum: 1, pageSize: 10 });
    expect(lastCall()).toMatchObject({ endpoint: 'history.event', path: '/v2/quecdatastorage/r1/openapi/device/eventdata/history' });
    expect(lastCall().query).toEqual({ productKey: d.productKey, deviceKey: d.deviceKey, eventType: '1', pageNum: '1', pageSize: '10' });
  });

  it('should read the latest location by PK/DK', async () => {
    const d = device();
    const location = await new HttpLocationApi(client).getLocation(d);
    expect(lastCall()).toMatchObject({
      endpoint: 'device.location',
      method: 'GET',
      path: '/v2/deviceshadow/r1/openapi/device/getlocation',
      query: { productKey: d.productKey, deviceKey: d.deviceKey },
    });
    expect(location).toMatchObject({ wgsLat: expect.any(Number), wgsLng: expect.any(Number) });
  });

  it('should send TSL downlink data as a JSON string inside the JSON body', async () => {
    const d = sim.store.devices().find((x) => sim.store.product(x.productKey)!.role === 'meter' && x.deviceStatus === 1)!;
    const results = await new HttpCommandApi(client).readData({
      productKey: d.productKey,
      deviceKeys: [d.deviceKey],
      data: ['voltage'],
      options: { isCache: false },
    });
    expect(lastCall()).toMatchObject({ endpoint: 'dm.readData', method: 'POST', path: '/v2/deviceshadow/r3/openapi/dm/readData' });
    expect(lastCall().body).toEqual({ productKey: d.productKey, devices: [d.deviceKey], data: '["voltage"]', isCache: false });
    expect(results).toEqual([{ code: 200, productKey: d.productKey, deviceKey: d.deviceKey, ticket: expect.any(String), message: null }]);
  });

  it('should post unbind with query parameters and delete with a JSON body', async () => {
    const api = new HttpDeviceLifecycleApi(client);
    await expect(api.unbindSubDevice({ productKey: 'pNOPE1', deviceKey: 'X' })).rejects.toThrow();
    expect(lastCall()).toMatchObject({
      endpoint: 'gateway.unbind',
      method: 'POST',
      query: { productKey: 'pNOPE1', deviceKey: 'X' },
      body: undefined,
    });
    await expect(api.deleteDevice({ productKey: 'pNOPE1', deviceKey: 'X' })).rejects.toThrow();
    expect(lastCall()).toMatchObject({
      endpoint: 'device.delete',
      method: 'POST',
      path: '/v2/devicemgr/r3/openapi/device/delete',
      body: { productKey: 'pNOPE1', deviceKey: 'X' },
    });
  });
});
