import type { Device } from '../../simulator';
import { deviceWhere, isOnline, productOf } from './support/seed-lookup';
import { PATHS } from './support/sim-client';
import { signedSession } from './support/signed-session';

const DEVICE_DATA_FIELDS = [
  'id',
  'ticket',
  'productKey',
  'productId',
  'deviceKey',
  'deviceId',
  'direction',
  'msgType',
  'cmd',
  'sourceType',
  'dataType',
  'data',
  'dmData',
  'sendStatus',
  'sendTime',
  'createTime',
  'updateTime',
  'extData',
].sort();
const EVENT_FIELDS = [
  'id',
  'ticket',
  'productKey',
  'deviceKey',
  'eventType',
  'eventCode',
  'eventName',
  'outputData',
  'abId',
  'packetId',
  'extData',
  'createTime',
].sort();

const session = signedSession('');
let meter: Device;

beforeAll(() => {
  meter = deviceWhere(session.sim, 'meter', (d) => isOnline(d) && d.messages.length > 30);
});

const history = (query: Record<string, string | number>) => session.send('GET', PATHS.dataHistory, { query });
const events = (query: Record<string, string | number>) => session.send('GET', PATHS.eventHistory, { query });
const keys = (d: Device) => ({ productKey: d.productKey, deviceKey: d.deviceKey });
/**
 * Epoch ms of each row's createTime: a numeric string, or the `yyyy-MM-dd HH:mm:ss` (UTC) the strict rule
 * dateTimeStrings gives event rows. Anything else fails the test here rather than sorting as NaN.
 */
const times = (rows: Array<{ createTime: string }>) =>
  rows.map((r) => {
    const ms = /^\d+$/.test(r.createTime) ? Number(r.createTime) : Date.parse(`${r.createTime.replace(' ', 'T')}Z`);
    if (Number.isNaN(ms)) throw new Error(`createTime ${r.createTime} is neither epoch ms nor yyyy-MM-dd HH:mm:ss`);
    return ms;
  });

describe('device/data/history', () => {
  it('should page the message log newest first with DeviceData rows', async () => {
    // Every entry on one page; the size served is the strict cap or the 100 asked for ('should page with real totals'
    // checks the size reported).
    const { body } = await history({ ...keys(meter), pageSize: 100 });
    expect(body).toMatchObject({ code: 200, msg: '', pageNum: 1, total: meter.messages.length, pages: 1 });
    expect(body.data).toHaveLength(meter.messages.length);
    for (const row of body.data) expect(Object.keys(row).sort()).toEqual(DEVICE_DATA_FIELDS);
    expect(times(body.data)).toEqual([...times(body.data)].sort((a, b) => b - a));
    expect(body.data[0]).toMatchObject({
      direction: 1,
      msgType: 'up',
      cmd: '0012',
      sourceType: 'MODE',
      dataType: 'BASE64',
      sendStatus: 1,
      extData: null,
    });
    expect(body.data[0].sendTime).toMatch(/^\d{13}$/);
  });

  it('should decode the newest report into every readable property', async () => {
    const { body } = await history({ ...keys(meter), direction: 1, pageSize: 1 });
    const ids = JSON.parse(body.data[0].dmData).map((e: { id: number }) => e.id);
    const readable = productOf(session.sim, 'meter')
      .tsl!.properties!.filter((p) => p.subType !== 'W')
      .map((p) => p.id);
    expect(ids.sort((a: number, b: number) => a - b)).toEqual(readable.sort((a, b) => a - b));
    const struct = JSON.parse(body.data[0].dmData).find((e: { id: number }) => e.id === 11).value;
    expect(struct.map((f: { id: number }) => f.id)).toEqual([1, 2, 3]);
    const array = JSON.parse(body.data[0].dmData).find((e: { id: number }) => e.id === 10).value;
    expect(array).toEqual([{ id: 0, value: expect.any(Array) }]);
  });

  it('should filter by time range, inclusive at both ends', async () => {
    const middle = meter.messages[10].at;
    const last = meter.messages[20].at;
    const { body } = await history({ ...keys(meter), beginDateTimp: middle, endDateTimp: last, pageSize: 100 });
    expect(body.total).toBe(meter.messages.filter((m) => m.at >= middle && m.at <= last).length);
    expect(Math.min(...times(body.data))).toBe(middle);
    expect(Math.max(...times(body.data))).toBe(last);
  });

  it('should filter by direction and sendStatus', async () => {
    const down = await history({ ...keys(meter), direction: 2, pageSize: 100 });
    expect(down.body.total).toBe(meter.messages.filter((m) => m.direction === 2).length);
    for (const row of down.body.data) expect(row).toMatchObject({ direction: 2, msgType: 'down' });
    const sent = await history({ ...keys(meter), sendStatus: 1, pageSize: 100 });
    expect(sent.body.total).toBe(meter.messages.filter((m) => m.sendStatus === 1).length);
  });

  it('should page with real totals', async () => {
    const total = meter.messages.length;
    const second = (await history({ ...keys(meter), pageNum: 2, pageSize: 7 })).body;
    expect(second).toMatchObject({ pageNum: 2, pageSize: 7, pages: Math.ceil(total / 7), total });
    expect(second.data[0].ticket).toBe([...meter.messages].reverse()[7].ticket);
  });

  it('should show a new downlink as the newest entry', async () => {
    const written = await session.send('POST', PATHS.writeData, {
      body: { productKey: meter.productKey, devices: [meter.deviceKey], data: '[{"switch":"true"}]' },
    });
    const { body } = await history({ ...keys(meter), pageSize: 1 });
    expect(body.data[0]).toMatchObject({ ticket: written.body.data[0].ticket, direction: 2, cmd: '0013', dmData: '[{"id":5,"value":true}]' });
  });

  it('should serve transparent devices raw entries without dmData', async () => {
    const water = deviceWhere(session.sim, 'water-meter', (d) => d.messages.length > 0);
    const { body } = await history({ deviceId: water.id });
    expect(body.total).toBe(water.messages.length);
    for (const row of body.data) expect({ cmd: row.cmd, dmData: row.dmData }).toEqual({ cmd: null, dmData: null });
  });

  it('should answer 50007 without identifiers, 70130 for unknown devices and 50005 for bad filters', async () => {
    expect((await history({ deviceKey: meter.deviceKey })).body.code).toBe(50007);
    expect((await history({ productKey: meter.productKey, deviceKey: 'NOPE' })).body.code).toBe(70130);
    expect((await history({ deviceId: 1 })).body.code).toBe(70130);
    expect((await history({ ...keys(meter), direction: 3 })).body.code).toBe(50005);
    expect((await history({ ...keys(meter), sendStatus: 2 })).body.code).toBe(50005);
    expect((await history({ ...keys(meter), beginDateTimp: 2, endDateTimp: 1 })).body.code).toBe(50005);
    const tracker = session.sim.store.devices(productOf(session.sim, 'tracker').productKey)[0];
    expect((await history(keys(tracker))).body.code).toBe(70089);
  });
});

describe('device/eventdata/history', () => {
  it('should page events newest first with DeviceEventVO rows', async () => {
    const { body } = await events({ ...keys(meter), pageSize: 100 });
    expect(body).toMatchObject({ code: 200, total: meter.events.length });
    for (const row of body.data) expect(Object.keys(row).sort()).toEqual(EVENT_FIELDS);
    expect(times(body.data)).toEqual([...times(body.data)].sort((a, b) => b - a));
    const connectivity = body.data.filter((row: { eventType: string }) => ['0', '1', '2'].includes(row.eventType));
    expect(connectivity.at(-1)).toMatchObject({ eventType: '1', eventCode: 'online', eventName: null, outputData: null, abId: null, extData: {} });
    expect(connectivity[0]).toMatchObject({ eventCode: expect.stringMatching(/^(online|reconnect)$/) });
  });

  it('should filter TSL events by eventType with outputData keyed by param code', async () => {
    const device = deviceWhere(session.sim, 'meter', (d) => d.events.some((e) => e.eventType === '4'));
    const { body } = await events({ ...keys(device), eventType: '4', pageSize: 100 });
    expect(body.total).toBe(device.events.filter((e) => e.eventType === '4').length);
    for (const row of body.data) {
      expect(row).toMatchObject({ eventType: '4', eventCode: 'overload', eventName: 'Overload', abId: 21 });
      expect(Object.keys(JSON.parse(row.outputData))).toEqual(['peak_power']);
      expect(JSON.parse(row.outputData).peak_power).toMatch(/^\d+(\.\d+)?$/);
    }
  });

  it('should filter by time range and reject an unknown eventType', async () => {
    const cut = meter.events[Math.floor(meter.events.length / 2)].at;
    const { body } = await events({ ...keys(meter), beginDateTimp: cut, pageSize: 100 });
    expect(body.total).toBe(meter.events.filter((e) => e.at >= cut).length);
    expect((await events({ ...keys(meter), eventType: '9' })).body.code).toBe(50005);
    expect((await events({ productKey: meter.productKey })).body.code).toBe(50007);
  });
});
