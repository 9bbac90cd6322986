import { startSimulator, type SimulatorHandle } from '../../simulator';

// The push channel with no broker attached; the channel on a real RabbitMQ is test/e2e/push/simulator-channel.spec.ts,
// beside the other specs that share one broker.

describe('push channel without a broker', () => {
  let sim: SimulatorHandle;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.close());

  it('should push nothing and resolve 0 while detached', async () => {
    const device = sim.store.devices()[0];
    await expect(sim.push.emit({ type: 'ONLINE', productKey: device.productKey, deviceKey: device.deviceKey, data: { value: 1 } })).resolves.toBe(0);
    await expect(sim.push.deviceReport(device.productKey, device.deviceKey, { a: 1 })).resolves.toBe(0);
    await expect(sim.push.detach()).resolves.toBeUndefined();
  });

  it('should refuse a message without a type and a report of an unknown device', async () => {
    await expect(sim.push.emit({ data: {} })).rejects.toThrow(TypeError);
    await expect(sim.push.deviceReport('nope', 'nope', {})).rejects.toThrow(RangeError);
  });
});
