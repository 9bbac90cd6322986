import Keyv from 'keyv';
import { LiveStateStore } from '../../src/push/live-state';
import { parsePushMessage, type PushMessage } from '../../src/push/push-message';
import { pushBody } from '../fakes/fake-push-source';

function message(overrides: Record<string, unknown>): PushMessage {
  const parsed = parsePushMessage(JSON.stringify(pushBody(overrides)));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.message;
}

const report = (ticket: string, createdAt: number, kv: Record<string, unknown>) => message({ ticket, createdAt, data: { packetId: 1, kv } });
const online = (ticket: string, createdAt: number, value: number) =>
  message({ type: 'ONLINE', subtype: undefined, ticket, createdAt, data: { value } });

describe('LiveStateStore', () => {
  let store: LiveStateStore;
  beforeEach(() => {
    store = new LiveStateStore(new Keyv());
  });

  const state = async () => (await store.devices([{ productKey: 'p1', deviceKey: 'd1' }]))[0];

  it('should keep the latest value and time of every property a report carries', async () => {
    const change = await store.apply(report('t1', 1000, { temperature: 21.5, switch: true }));
    expect(change.properties.sort()).toEqual(['switch', 'temperature']);
    await store.apply(report('t2', 2000, { temperature: 22 }));
    expect((await state())!.properties).toEqual({
      temperature: { value: 22, at: 2000, ticket: 't2' },
      switch: { value: true, at: 1000, ticket: 't1' },
    });
  });

  it('should never move a property backwards for an older, redelivered or duplicated message', async () => {
    await store.apply(report('t5', 5000, { temperature: 25 }));
    const older = await store.apply(report('t4', 4000, { temperature: 24 }));
    const again = await store.apply(report('t5', 5000, { temperature: 25 }));
    expect(older.properties).toEqual([]);
    expect(again.properties).toEqual([]);
    expect((await state())!.properties.temperature).toEqual({ value: 25, at: 5000, ticket: 't5' });
  });

  it('should order messages of the same millisecond by ticket, so replicas agree on the winner', async () => {
    await store.apply(report('tB', 5000, { temperature: 2 }));
    await store.apply(report('tA', 5000, { temperature: 1 }));
    expect((await state())!.properties.temperature.value).toBe(2);
  });

  it('should prefer the device time (extData.occurredAt) over the platform time', async () => {
    await store.apply(message({ ticket: 'late', createdAt: 9000, extData: { occurredAt: '1000' }, data: { kv: { temperature: 1 } } }));
    await store.apply(report('fresh', 5000, { temperature: 5 }));
    expect((await state())!.properties.temperature).toEqual({ value: 5, at: 5000, ticket: 'fresh' });
  });

  it('should apply concurrent writes of one device without losing any', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.apply(report(`t${i}`, 1000 + i, { [`p${i}`]: i }))));
    expect(Object.keys((await state())!.properties)).toHaveLength(20);
  });

  it('should keep connectivity, and ignore an older offline after a newer online', async () => {
    await store.apply(online('on', 2000, 1));
    const stale = await store.apply(online('off', 1000, 0));
    expect(stale.connectivity).toBe(false);
    expect((await state())!.connectivity).toMatchObject({ online: true, value: 1, at: 2000 });
  });

  it('should keep the newest parsed location fix', async () => {
    const kv = { wgs_84: { lat: 1, lng: 2 } };
    await store.apply(message({ type: 'LOCATION', subtype: 'INFO-KV', ticket: 'loc', createdAt: 3000, data: { kv } }));
    expect((await state())!.location).toEqual({ kv, at: 3000, ticket: 'loc' });
  });

  it('should keep the first acknowledgement of a ticket and say when a repeat changed nothing', async () => {
    const ack = message({ type: 'REQACK', subtype: undefined, ticket: 'cmd-1', createdAt: 7000, data: { status: 'succ', sentAt: 6900 } });
    expect((await store.apply(ack)).command).toBe(true);
    expect((await store.apply(ack)).command).toBe(false);
    expect(await store.command('cmd-1')).toEqual({ ticket: 'cmd-1', productKey: 'p1', deviceKey: 'd1', status: 'succ', sentAt: 6900, at: 7000 });
  });

  it('should answer undefined for devices it knows nothing of, in key order', async () => {
    await store.apply(report('t1', 1000, { temperature: 1 }));
    const states = await store.devices([
      { productKey: 'p1', deviceKey: 'nope' },
      { productKey: 'p1', deviceKey: 'd1' },
    ]);
    expect(states[0]).toBeUndefined();
    expect(states[1]!.properties.temperature.value).toBe(1);
  });

  it('should forget a remembered thing model when a new one is published', async () => {
    await store.rememberThingModel('p1', { properties: [] });
    await store.apply(message({ type: 'META_EVENT', subtype: 'THING_MODEL', ticket: 'tm', productKey: 'p1', deviceKey: undefined, data: {} }));
    expect(await store.thingModels(['p1'])).toEqual([undefined]);
  });
});
