import { isDeepStrictEqual } from 'node:util';
import { startSimulator, type SimulatorHandle } from '../../simulator';
import { breaches } from '../helpers/breaches';

/** The fields of a pushed property report this spec checks. */
interface Report {
  type: string;
  subtype: string;
  ticket: string;
  createdAt: number;
  productKey: string;
  deviceKey: string;
  data: { kv: Record<string, unknown> };
}

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
      const messages = bodies.map((body) => JSON.parse(body) as Report);
      const deviceOf = (m: Report) => sim.store.device(m.productKey, m.deviceKey)!;
      const valuesOf = (m: Report) => Object.entries(m.data.kv);
      expect(
        breaches(messages, (m) => `${m.deviceKey} ${m.ticket}`, {
          'a property report': (m) => m.type === 'MATTR' && m.subtype === 'REPORT' && typeof m.ticket === 'string' && typeof m.createdAt === 'number',
          'from an online device': (m) => deviceOf(m).deviceStatus === 1,
          'readable properties only': (m) =>
            valuesOf(m).every(([code]) => sim.store.tsl(m.productKey)!.properties!.find((p) => p.code === code)!.subType !== 'W'),
          'the latest values now': (m) =>
            valuesOf(m).every(([code, value]) => isDeepStrictEqual(deviceOf(m).latestProperties.get(code), { value, time: m.createdAt })),
          'the newest uplink in history': (m) => deviceOf(m).messages.at(-1)?.direction === 1 && deviceOf(m).messages.at(-1)?.at === m.createdAt,
        }),
      ).toEqual([]);
    } finally {
      sim.push.feed.off('message', listener);
    }
  });

  it('should refuse a negative report interval', async () => {
    await expect(startSimulator({ reportIntervalMs: -1 })).rejects.toThrow(/reportIntervalMs/);
  });
});
