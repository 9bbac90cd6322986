import type { Device } from '../../simulator';
import { deviceWhere, isOfflineActivated, isOnline, productOf } from './support/seed-lookup';
import { PATHS } from './support/sim-client';
import { signedSession } from './support/signed-session';

const session = signedSession('');
let meter: Device;
let offlineMeter: Device;
let plug: Device;
let probe: Device;
let detachedSoil: Device;
let gateway: Device;

beforeAll(() => {
  meter = deviceWhere(session.sim, 'meter', isOnline);
  offlineMeter = deviceWhere(session.sim, 'meter', isOfflineActivated);
  plug = deviceWhere(session.sim, 'plug', isOnline);
  probe = deviceWhere(session.sim, 'temperature-probe', (d) => isOnline(d) && d.gateway?.currentGatewayId != null);
  detachedSoil = deviceWhere(session.sim, 'soil-sensor', (d) => d.gateway?.currentGatewayId === null);
  gateway = deviceWhere(session.sim, 'cellular-gateway', isOnline);
});

type Target = { productKey: string; deviceKey: string };
const tslBody = (device: Target, data: string, extra: Record<string, unknown> = {}) => ({
  productKey: device.productKey,
  devices: [device.deviceKey],
  data,
  ...extra,
});
const write = (device: Target, data: string, extra?: Record<string, unknown>) =>
  session.send('POST', PATHS.writeData, { body: tslBody(device, data, extra) });
const read = (device: Target, data: string, extra?: Record<string, unknown>) =>
  session.send('POST', PATHS.readData, { body: tslBody(device, data, extra) });
const service = (device: Target, data: string) => session.send('POST', PATHS.sendServiceData, { body: tslBody(device, data) });
const lastMessage = (device: Device) => device.messages[device.messages.length - 1];

describe('dm/writeData accepted commands', () => {
  it('should answer one result per device with a 19-digit string ticket', async () => {
    const { body } = await write(meter, '[{"switch":"true"},{"tariff_mode":"2"}]');
    expect(body).toEqual({
      code: 200,
      msg: '',
      data: [{ code: 200, productKey: meter.productKey, deviceKey: meter.deviceKey, ticket: expect.stringMatching(/^\d{19}$/), message: null }],
    });
    expect(lastMessage(meter)).toMatchObject({ ticket: body.data[0].ticket, direction: 2, cmd: '0013', sendStatus: 1 });
  });

  it('should log the write as id-keyed dmData and apply it to an online device', async () => {
    const { body } = await write(plug, '[{"schedules":[{"0":[{"time":"07:30"},{"action":"true"},{"weekdays":"31"}]}]},{"countdown":120}]');
    expect(body.data[0].code).toBe(200);
    expect(JSON.parse(lastMessage(plug).dmData as string)).toEqual([
      {
        id: 8,
        value: [
          {
            id: 0,
            value: [
              [
                { id: 1, value: '07:30' },
                { id: 2, value: true },
                { id: 3, value: 31 },
              ],
            ],
          },
        ],
      },
      { id: 4, value: 120 },
    ]);
    expect(plug.latestProperties.get('schedules')?.value).toEqual([{ time: '07:30', action: true, weekdays: 31 }]);
    expect(plug.latestProperties.get('countdown')?.value).toBe(120);
  });

  it('should cache a command for an offline device with isCache without applying it', async () => {
    const before = offlineMeter.latestProperties.get('install_location')?.value;
    const { body } = await write(offlineMeter, '[{"install_location":"Plant room"}]', { isCache: true, cacheTime: 60 });
    expect(body.data[0]).toMatchObject({ code: 200, ticket: expect.stringMatching(/^\d{19}$/) });
    expect(lastMessage(offlineMeter)).toMatchObject({ direction: 2, sendStatus: 0 });
    expect(offlineMeter.latestProperties.get('install_location')?.value).toEqual(before);
  });

  it('should count each accepted command exactly once per device', async () => {
    session.sim.log.clear();
    const before = meter.commandsReceived;
    await write(meter, '[{"report_interval":"60"}]');
    expect(session.sim.log.count('dm.writeData')).toBe(1);
    expect(meter.commandsReceived).toBe(before + 1);
    expect(meter.latestProperties.get('report_interval')?.value).toBe(60);
  });
});

describe('downlink per-device results', () => {
  it('should report unknown and offline devices per device under a top-level 200', async () => {
    const devices = [meter.deviceKey, 'NOPE0001', offlineMeter.deviceKey];
    const { body } = await session.send('POST', PATHS.writeData, { body: { productKey: meter.productKey, devices, data: '[{"switch":"false"}]' } });
    expect(body.code).toBe(200);
    expect(body.data.map((r: { code: number }) => r.code)).toEqual([200, 70130, 61002]);
    expect(body.data[1]).toEqual({ code: 70130, productKey: meter.productKey, deviceKey: 'NOPE0001', ticket: null, message: 'Non existent device.' });
    expect(body.data[2].message).toBe('device offline');
  });

  it('should answer 70026 for a sub-device whose gateway link is down, even with isCache', async () => {
    const before = detachedSoil.commandsReceived;
    const { body } = await write(detachedSoil, '[{"sampling_interval":"120"}]', { isCache: true });
    expect(body.data[0].code).toBe(70026);
    expect(detachedSoil.commandsReceived).toBe(before);
  });

  it('should deliver to a sub-device connected through its gateway', async () => {
    const { body } = await write(probe, '[{"alarm_threshold":"20.5"}]');
    expect(body.data[0].code).toBe(200);
    expect(probe.latestProperties.get('alarm_threshold')?.value).toBe(20.5);
  });
});

describe('TSL value validation', () => {
  const meterCases: Array<[string, string, number]> = [
    ['data that is not JSON', '[{"switch":', 71027],
    ['a document that is not a list', '{"switch":"true"}', 71028],
    ['an entry with two keys', '[{"switch":"true","tariff_mode":"1"}]', 71028],
    ['an unknown property code', '[{"no_such_code":"1"}]', 71028],
    ['a read-only property', '[{"voltage":"220"}]', 71038],
    ['a number out of range', '[{"report_interval":"5"}]', 70090],
    ['an INT with decimals', '[{"report_interval":"10.5"}]', 70090],
    ['a value outside the enum', '[{"tariff_mode":"7"}]', 70091],
    ['text longer than its length', `[{"install_location":"${'x'.repeat(65)}"}]`, 70092],
    ['RAW longer than its length', `[{"calibration":"${'AB'.repeat(257)}"}]`, 70092],
    ['RAW that is not hex', '[{"calibration":"XYZ1"}]', 70094],
    ['a BOOL that is not true/false', '[{"switch":"yes"}]', 70094],
    ['a number that cannot be parsed', '[{"report_interval":"ten"}]', 70094],
    ['an object for a scalar', '[{"switch":{"on":true}}]', 71029],
  ];

  it.each(meterCases)('should reject %s on writeData', async (_name, data, code) => {
    const before = [meter.commandsReceived, meter.messages.length];
    expect((await write(meter, data)).body).toEqual({ code, msg: expect.any(String) });
    expect([meter.commandsReceived, meter.messages.length]).toEqual(before);
  });

  it.each([
    ['an array longer than its size', `[{"schedules":[${Array(11).fill('{"0":[{"weekdays":"1"}]}').join(',')}]}]`, 71039],
    ['an array element key other than "0"', '[{"schedules":[{"1":[{"weekdays":"1"}]}]}]', 71047],
    ['an unknown struct field', '[{"schedules":[{"0":[{"colour":"red"}]}]}]', 71047],
    ['a scalar for an array', '[{"schedules":"none"}]', 71029],
  ] as Array<[string, string, number]>)('should reject %s on the plug', async (_name, data, code) => {
    expect((await write(plug, data)).body.code).toBe(code);
  });

  it('should reject a TEXT array longer than its size', async () => {
    const data = JSON.stringify([{ whitelist: Array.from({ length: 51 }, (_, i) => ({ 0: `dev${i}` })) }]);
    expect((await write(gateway, data)).body.code).toBe(71039);
  });

  it('should check the step from the minimum in exact decimals', async () => {
    expect((await write(probe, '[{"alarm_threshold":"20.3"}]')).body.code).toBe(70090);
    expect((await write(probe, '[{"alarm_threshold":-49.5}]')).body.data[0].code).toBe(200);
  });

  it('should answer 70063 for a transparent product, 70017 unknown and 70089 unauthorized', async () => {
    const water = session.sim.store.devices(productOf(session.sim, 'water-meter').productKey)[0];
    expect((await write(water, '[{"switch":"true"}]')).body.code).toBe(70063);
    expect((await write({ productKey: 'p1none', deviceKey: 'x' }, '[{"switch":"true"}]')).body.code).toBe(70017);
    const tracker = session.sim.store.devices(productOf(session.sim, 'tracker').productKey)[0];
    expect((await write(tracker, '[{"tracking":"true"}]')).body.code).toBe(70089);
  });

  it('should answer 50007 for missing keys and 50005 for mistyped fields', async () => {
    const post = (body: unknown) => session.send('POST', PATHS.writeData, { body });
    expect((await post({ devices: [meter.deviceKey], data: '[]' })).body.code).toBe(50007);
    expect((await post({ productKey: meter.productKey, devices: [], data: '[{"switch":"true"}]' })).body.code).toBe(50007);
    expect((await post({ productKey: meter.productKey, devices: [meter.deviceKey], data: [{ switch: 'true' }] })).body.code).toBe(50005);
    expect((await post(tslBody(meter, '[{"switch":"true"}]', { isCache: 'yes' }))).body.code).toBe(50005);
    expect((await post(tslBody(meter, '[{"switch":"true"}]', { qos: 3 }))).body.code).toBe(50005);
  });
});

describe('dm/readData', () => {
  it('should log the requested TSL ids as strings', async () => {
    const { body } = await read(meter, '["voltage","phase_voltage","calibration"]');
    expect(body.data[0].code).toBe(200);
    const message = lastMessage(meter);
    expect({ cmd: message.cmd, dmData: message.dmData }).toEqual({ cmd: '0011', dmData: '["1","11","12"]' });
    expect(Buffer.from(message.raw, 'base64').toString('hex')).toBe('0001000b000c');
  });

  it('should answer 71048 for write-only properties alone and 71028 for bad lists', async () => {
    expect((await read(meter, '["calibration"]')).body.code).toBe(71048);
    expect((await read(meter, '[]')).body.code).toBe(71028);
    expect((await read(meter, '[1]')).body.code).toBe(71028);
    expect((await read(meter, '["nope"]')).body.code).toBe(71028);
    expect((await read(meter, 'voltage')).body.code).toBe(71027);
  });
});

describe('dm/sendServiceData', () => {
  it('should log a service call keyed by service and param ids', async () => {
    const { body } = await service(gateway, '[{"open_join_window":[{"duration":"60"}]}]');
    expect(body.data[0].code).toBe(200);
    expect(lastMessage(gateway)).toMatchObject({ cmd: '0015', dmData: '[{"id":30,"value":[{"id":1,"value":60}]}]' });
  });

  it('should resolve $ref inputs to their property', async () => {
    expect((await service(meter, '[{"relay_control":[{"switch":"false"}]}]')).body.data[0].code).toBe(200);
    expect(lastMessage(meter).dmData).toBe('[{"id":30,"value":[{"id":5,"value":false}]}]');
  });

  it('should validate the service, its params and their values', async () => {
    expect((await service(gateway, '[{"self_destruct":[]}]')).body.code).toBe(71028);
    expect((await service(gateway, '[{"open_join_window":[{"minutes":"1"}]}]')).body.code).toBe(71047);
    expect((await service(gateway, '[{"open_join_window":[{"duration":"5"}]}]')).body.code).toBe(70090);
    expect((await service(meter, '[{"sync_clock":[{"server_time":"2025-01-01"}]}]')).body.code).toBe(70093);
    expect((await service(meter, '[{"sync_clock":[{"server_time":"1748736000000"}]}]')).body.data[0].code).toBe(200);
  });
});

describe('downlink fault injection', () => {
  it('should answer an injected fault instead of delivering', async () => {
    const before = meter.commandsReceived;
    session.sim.faults.inject('dm.writeData', { code: 70051 });
    expect((await write(meter, '[{"switch":"true"}]')).body).toEqual({ code: 70051, msg: 'Failed data sending.' });
    expect(meter.commandsReceived).toBe(before);
    expect((await write(meter, '[{"switch":"true"}]')).body.data[0].code).toBe(200);
  });
});
