import { startSimulator, type SimulatorHandle } from '../../simulator';

describe('periodic property reports and the in-process push feed', () => {
  let sim: SimulatorHandle;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.close());

  it('should build nothing while nobody listens and no broker is attached', async () => {
    const before = sim.store.devices().reduce((n, d) => n + d.messages.length, 0);
    expect(await sim.push.reportOnce()).toBe(0);
    expect(sim.store.devices().reduce((n, d) => n + d.messages.length, 0)).toBe(before);
  });

  it('should report values that fit the thing model, for online devices only, in history and on the feed', async () => {
    const bodies: string[] = [];
    const listener = (body: string) => bodies.push(body);
    sim.push.feed.on('message', listener);
    try {
      const reported = await sim.push.reportOnce();
      expect(reported).toBeGreaterThan(10);
      expect(bodies).toHaveLength(reported);
      for (const body of bodies) {
        const message = JSON.parse(body);
        expect(message).toMatchObject({ type: 'MATTR', subtype: 'REPORT', ticket: expect.any(String), createdAt: expect.any(Number) });
        const device = sim.store.device(message.productKey, message.deviceKey)!;
        expect(device.deviceStatus).toBe(1);
        const tsl = sim.store.tsl(message.productKey)!;
        for (const [code, value] of Object.entries(message.data.kv as Record<string, unknown>)) {
          const property = tsl.properties!.find((p) => p.code === code)!;
          expect(property.subType).not.toBe('W');
          expect(device.latestProperties.get(code)).toEqual({ value, time: message.createdAt });
        }
        expect(device.messages.at(-1)).toMatchObject({ direction: 1, at: message.createdAt });
      }
    } finally {
      sim.push.feed.off('message', listener);
    }
  });

  it('should refuse a negative report interval', async () => {
    await expect(startSimulator({ reportIntervalMs: -1 })).rejects.toThrow(/reportIntervalMs/);
  });
});
