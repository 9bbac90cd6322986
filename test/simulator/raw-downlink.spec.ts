import type { Device } from '../../simulator';
import { deviceWhere, isOfflineActivated, isOnline, productOf } from './support/seed-lookup';
import { PATHS } from './support/sim-client';
import { signedSession } from './support/signed-session';

const session = signedSession('');
let water: Device;
let meter: Device;
let offlineWater: Device;

beforeAll(() => {
  water = deviceWhere(session.sim, 'water-meter', isOnline);
  offlineWater = deviceWhere(session.sim, 'water-meter', isOfflineActivated);
  meter = deviceWhere(session.sim, 'meter', isOnline);
});

const keys = (d: { productKey: string; deviceKey: string }) => ({ productKey: d.productKey, deviceKey: d.deviceKey });
const send = (body: Record<string, unknown>) => session.send('POST', PATHS.sendRaw, { body });

describe('raw/sendData', () => {
  it('should send Hex to devices of several products, TSL products included', async () => {
    const { body } = await send({ encode: 'Hex', data: 'A1b2', devices: [keys(water), keys(meter)] });
    expect(body.code).toBe(200);
    expect(body.data).toEqual([
      { code: 200, ...keys(water), ticket: expect.stringMatching(/^\d{19}$/), message: null },
      { code: 200, ...keys(meter), ticket: expect.stringMatching(/^\d{19}$/), message: null },
    ]);
    const logged = water.messages[water.messages.length - 1];
    expect(logged).toMatchObject({ direction: 2, cmd: null, dmData: null, sendStatus: 1, ticket: body.data[0].ticket });
    expect(Buffer.from(logged.raw, 'base64').toString('hex')).toBe('a1b2');
  });

  it('should send Text as UTF-8', async () => {
    const { body } = await send({ encode: 'Text', data: 'héllo', devices: [keys(water)] });
    expect(body.data[0].code).toBe(200);
    expect(Buffer.from(water.messages[water.messages.length - 1].raw, 'base64').toString('utf8')).toBe('héllo');
  });

  it('should answer per-device 70130, 70089 and 61002, and cache with isCache', async () => {
    const tracker = session.sim.store.devices(productOf(session.sim, 'tracker').productKey)[0];
    const devices = [
      { productKey: water.productKey, deviceKey: 'NOPE' },
      { productKey: 'p1none', deviceKey: 'x' },
      keys(tracker),
      keys(offlineWater),
    ];
    const { body } = await send({ encode: 'Text', data: 'x', devices });
    expect(body.data.map((r: { code: number }) => r.code)).toEqual([70130, 70130, 70089, 61002]);
    const cached = await send({ encode: 'Text', data: 'x', devices: [keys(offlineWater)], isCache: true });
    expect(cached.body.data[0].code).toBe(200);
    expect(offlineWater.messages[offlineWater.messages.length - 1].sendStatus).toBe(0);
  });

  it.each([
    ['odd-length hex', { encode: 'Hex', data: 'ABC' }],
    ['non-hex characters', { encode: 'Hex', data: 'ZZ' }],
    ['hex over 4096 characters', { encode: 'Hex', data: 'AB'.repeat(2049) }],
    ['text over 4096 characters', { encode: 'Text', data: 'x'.repeat(4097) }],
    ['an unknown encode', { encode: 'Base64', data: 'AA==' }],
    ['no encode', { data: 'AA' }],
    ['empty data', { encode: 'Text', data: '' }],
  ])('should answer 50005 for %s and send nothing', async (_name, fields) => {
    const before = water.commandsReceived;
    expect((await send({ ...fields, devices: [keys(water)] })).body).toEqual({ code: 50005, msg: 'param check error' });
    expect(water.commandsReceived).toBe(before);
  });

  it('should accept exactly 4096 characters', async () => {
    expect((await send({ encode: 'Hex', data: 'AB'.repeat(2048), devices: [keys(water)] })).body.data[0].code).toBe(200);
  });

  it('should answer 50007 without devices or with a device missing a key, and 50005 for string devices', async () => {
    expect((await send({ encode: 'Text', data: 'x' })).body.code).toBe(50007);
    expect((await send({ encode: 'Text', data: 'x', devices: [{ deviceKey: water.deviceKey }] })).body.code).toBe(50007);
    expect((await send({ encode: 'Text', data: 'x', devices: [water.deviceKey] })).body.code).toBe(50005);
  });
});
