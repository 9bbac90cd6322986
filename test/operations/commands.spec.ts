import type { Device, ProductRole } from '../../simulator';
import { startHarness, type Harness } from '../helpers/harness';

interface Result {
  productKey: string;
  deviceKey: string;
  status: string;
  accepted: boolean;
  code: number | null;
  ticket: string | null;
  message: string | null;
}
interface Payload {
  results: Result[];
  acceptedCount: number;
  rejectedCount: number;
  unknownCount: number;
  allAccepted: boolean;
}

const PAYLOAD = 'results { productKey deviceKey status accepted code ticket message } acceptedCount rejectedCount unknownCount allAccepted';
const WRITE = `mutation($input: WritePropertiesInput!) { writeDeviceProperties(input: $input) { ${PAYLOAD} } }`;
const INVOKE = `mutation($input: InvokeServiceInput!) { invokeDeviceService(input: $input) { ${PAYLOAD} } }`;
const READ = `mutation($input: RequestPropertiesInput!) { requestDeviceProperties(input: $input) { ${PAYLOAD} } }`;
const RAW = `mutation($input: SendRawDataInput!) { sendDeviceRawData(input: $input) { ${PAYLOAD} } }`;
const DOWNLINKS = ['dm.writeData', 'dm.sendServiceData', 'dm.readData', 'raw.sendData'];

describe('command mutations', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.execute('{ products(first: 1) { totalCount } }');
  });
  afterAll(() => h.close());
  beforeEach(() => h.sim.log.clear());

  const devicesOf = (role: ProductRole, status: 0 | 1) => {
    const product = h.sim.store.products().find((p) => p.role === role && p.authorized)!;
    return h.sim.store.devices(product.productKey).filter((d) => d.deviceStatus === status);
  };
  const ref = (d: Device) => ({ productKey: d.productKey, deviceKey: d.deviceKey });
  const downlinkCalls = () => DOWNLINKS.reduce((n, e) => n + h.sim.log.count(e), 0);

  async function run(query: string, input: Record<string, unknown>): Promise<Payload> {
    const { data, errors } = await h.execute<Record<string, Payload>>(query, { input });
    expect(errors).toBeUndefined();
    return Object.values(data!)[0];
  }

  describe('writeDeviceProperties', () => {
    it('should write to devices of two products with one call per product, results per device, logged exactly once', async () => {
      const meters = devicesOf('meter', 1).slice(0, 3);
      const plugs = devicesOf('plug', 1).slice(0, 2);
      const before = [...meters, ...plugs].map((d) => d.messages.length);
      const devices = [meters[0], plugs[0], meters[1], plugs[1], meters[2]].map(ref);
      const payload = await run(WRITE, { devices, properties: [{ code: 'switch', value: true }] });

      expect(payload).toMatchObject({ acceptedCount: 5, rejectedCount: 0, unknownCount: 0, allAccepted: true });
      expect(payload.results.map((r) => r.deviceKey)).toEqual(devices.map((d) => d.deviceKey));
      expect(payload.results.every((r) => r.code === 200 && r.status === 'ACCEPTED' && /^\d+$/.test(r.ticket ?? ''))).toBe(true);
      expect(h.sim.log.count('dm.writeData')).toBe(2);

      const bodies = h.sim.log
        .entries()
        .filter((e) => e.endpoint === 'dm.writeData')
        .map((e) => e.body as Record<string, unknown>);
      expect(bodies).toEqual(
        expect.arrayContaining([
          { productKey: meters[0].productKey, devices: meters.map((d) => d.deviceKey), data: '[{"switch":"true"}]', isCache: false },
          { productKey: plugs[0].productKey, devices: plugs.map((d) => d.deviceKey), data: '[{"switch":"true"}]', isCache: false },
        ]),
      );
      // Exactly once: one new downlink message per device, carrying the ticket we returned.
      [...meters, ...plugs].forEach((d, i) => {
        expect(d.messages.length).toBe(before[i] + 1);
        expect(payload.results.find((r) => r.deviceKey === d.deviceKey)!.ticket).toBe(d.messages[d.messages.length - 1].ticket);
      });
    });

    it('should report an offline device without cache as its own failure while the others succeed', async () => {
      const [online] = devicesOf('meter', 1);
      const [offline] = devicesOf('meter', 0);
      const payload = await run(WRITE, { devices: [ref(online), ref(offline)], properties: [{ code: 'report_interval', value: 60 }] });
      expect(payload.results).toEqual([
        expect.objectContaining({ deviceKey: online.deviceKey, status: 'ACCEPTED', code: 200 }),
        expect.objectContaining({
          deviceKey: offline.deviceKey,
          status: 'REJECTED',
          accepted: false,
          code: 61002,
          ticket: null,
          message: expect.any(String),
        }),
      ]);
      expect(payload).toMatchObject({ acceptedCount: 1, rejectedCount: 1, allAccepted: false });
      expect(h.sim.log.count('dm.writeData')).toBe(1);
    });

    it('should pass the caching options through, so an offline device gets the command cached', async () => {
      const [offline] = devicesOf('meter', 0);
      const payload = await run(WRITE, {
        devices: [ref(offline)],
        properties: [
          { code: 'tariff_mode', value: 2 },
          { code: 'install_location', value: 'Basement' },
        ],
        options: { cacheIfOffline: true, cacheSeconds: 120, replaceCached: true, qos: 0 },
      });
      expect(payload.results[0]).toMatchObject({ status: 'ACCEPTED', code: 200 });
      expect(h.sim.log.entries().find((e) => e.endpoint === 'dm.writeData')!.body).toEqual({
        productKey: offline.productKey,
        devices: [offline.deviceKey],
        data: '[{"tariff_mode":"2"},{"install_location":"Basement"}]',
        isCache: true,
        cacheTime: 120,
        isCover: true,
        qos: 0,
      });
      expect(offline.messages[offline.messages.length - 1]).toMatchObject({ direction: 2, sendStatus: 0 });
    });

    it('should report a device the platform does not know as its own failure', async () => {
      const [online] = devicesOf('meter', 1);
      const payload = await run(WRITE, {
        devices: [ref(online), { productKey: online.productKey, deviceKey: 'NO_SUCH_DEVICE' }],
        properties: [{ code: 'switch', value: false }],
      });
      expect(payload.results.map((r) => [r.status, r.code])).toEqual([
        ['ACCEPTED', 200],
        ['REJECTED', 70130],
      ]);
    });

    it('should not retry a command whose answer was lost, and report it UNKNOWN', async () => {
      const [online] = devicesOf('meter', 1);
      h.sim.faults.inject('dm.writeData', { httpStatus: 502, body: '<html>bad gateway</html>' });
      const payload = await run(WRITE, { devices: [ref(online)], properties: [{ code: 'switch', value: true }] });
      expect(payload.results[0]).toMatchObject({ status: 'UNKNOWN', accepted: false, code: null });
      expect(h.sim.log.count('dm.writeData')).toBe(1);
    });
  });

  describe('validation against the thing model, before anything is sent', () => {
    const meter = () => ref(devicesOf('meter', 1)[0]);

    it.each([
      ['an unknown code', [{ code: 'nope', value: 1 }], 'input.properties[0].code'],
      ['a wrong type', [{ code: 'switch', value: 'on' }], 'input.properties[0].value'],
      [
        'a value out of range',
        [
          { code: 'switch', value: true },
          { code: 'report_interval', value: 5 },
        ],
        'input.properties[1].value',
      ],
      ['a value off the step', [{ code: 'report_interval', value: 10.5 }], 'input.properties[0].value'],
      ['an unknown enum value', [{ code: 'tariff_mode', value: 7 }], 'input.properties[0].value'],
      ['a text too long', [{ code: 'install_location', value: 'x'.repeat(65) }], 'input.properties[0].value'],
      ['a write to a read-only property', [{ code: 'voltage', value: 220 }], 'input.properties[0].code'],
    ])('should refuse %s with BAD_USER_INPUT naming the field and send nothing', async (_name, properties, argumentName) => {
      const result = await h.execute(WRITE, { input: { devices: [meter()], properties } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
      expect(result.errors![0].message).toContain(argumentName);
      expect(h.sim.log.count('dm.writeData')).toBe(0);
    });

    it('should refuse a wrong struct field and an array too long, naming the element', async () => {
      const plug = ref(devicesOf('plug', 1)[0]);
      const schedule = { time: '07:30', action: true, weekdays: 31 };
      const wrongField = await h.execute(WRITE, {
        input: { devices: [plug], properties: [{ code: 'schedules', value: [schedule, { ...schedule, colour: 'red' }] }] },
      });
      expect(wrongField.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.properties[0].value[1]' });
      expect(wrongField.errors![0].message).toMatch(/no field "colour"/);
      const tooLong = await h.execute(WRITE, {
        input: { devices: [plug], properties: [{ code: 'schedules', value: Array.from({ length: 11 }, () => schedule) }] },
      });
      expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.properties[0].value' });
      expect(tooLong.errors![0].message).toMatch(/11 elements, at most 10/);
      expect(h.sim.log.count('dm.writeData')).toBe(0);
    });

    it('should write an array of struct in the encoding the platform accepts', async () => {
      const plug = devicesOf('plug', 1)[0];
      const value = [
        { time: '07:30', action: true, weekdays: 31 },
        { time: '22:00', action: false },
      ];
      const payload = await run(WRITE, { devices: [ref(plug)], properties: [{ code: 'schedules', value }] });
      expect(payload.results[0]).toMatchObject({ status: 'ACCEPTED', code: 200 });
      expect(plug.latestProperties.get('schedules')?.value).toEqual(value);
    });

    it('should send nothing to any product when one product of the command rejects a value', async () => {
      const meterDevice = devicesOf('meter', 1)[0];
      const plug = devicesOf('plug', 1)[0];
      const result = await h.execute(WRITE, {
        input: { devices: [ref(meterDevice), ref(plug)], properties: [{ code: 'report_interval', value: 60 }] },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.properties[0].code' });
      expect(result.errors![0].message).toContain(plug.productKey);
      expect(downlinkCalls()).toBe(0);
    });

    it('should refuse a transparent product and malformed inputs without calling upstream', async () => {
      const water = h.sim.store.devices(h.sim.store.products().find((p) => p.dataFmt === 0 && p.authorized)!.productKey)[0];
      const transparent = await h.execute(WRITE, { input: { devices: [ref(water)], properties: [{ code: 'x', value: 1 }] } });
      expect(transparent.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.devices[0].productKey' });
      const none = await h.execute(WRITE, { input: { devices: [], properties: [{ code: 'switch', value: true }] } });
      expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const badQos = await h.execute(WRITE, { input: { devices: [meter()], properties: [{ code: 'switch', value: true }], options: { qos: 3 } } });
      expect(badQos.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(downlinkCalls()).toBe(0);
    });
  });

  describe('invokeDeviceService', () => {
    it('should invoke a service with checked inputs, one call, results per device', async () => {
      const [a, b] = devicesOf('meter', 1);
      const payload = await run(INVOKE, { devices: [ref(a), ref(b)], service: 'relay_control', inputs: [{ code: 'switch', value: false }] });
      expect(payload).toMatchObject({ acceptedCount: 2, allAccepted: true });
      expect(h.sim.log.entries().find((e) => e.endpoint === 'dm.sendServiceData')!.body).toMatchObject({
        data: '[{"relay_control":[{"switch":"false"}]}]',
      });
      expect(h.sim.log.count('dm.sendServiceData')).toBe(1);

      // The call is in the device's log, decoded with the thing model.
      const { data } = await h.execute<{
        device: { messages: { edges: Array<{ node: { ticket: string; values: Array<{ code: string; value: { json: unknown } }> } }> } };
      }>(
        'query($pk: String!, $dk: String!) { device(productKey: $pk, deviceKey: $dk) { messages(first: 1, direction: DOWN) { edges { node { ticket values { code value { json } } } } } } }',
        { pk: a.productKey, dk: a.deviceKey },
      );
      const [newest] = data!.device.messages.edges;
      expect(newest.node).toEqual({ ticket: payload.results[0].ticket, values: [{ code: 'relay_control', value: { json: { switch: false } } }] });
    });

    it('should name an unknown service and a bad input, sending nothing', async () => {
      const [a] = devicesOf('meter', 1);
      const unknown = await h.execute(INVOKE, { input: { devices: [ref(a)], service: 'self_destruct' } });
      expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.service' });
      const bad = await h.execute(INVOKE, { input: { devices: [ref(a)], service: 'relay_control', inputs: [{ code: 'switch', value: 1 }] } });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.inputs[0].value' });
      expect(h.sim.log.count('dm.sendServiceData')).toBe(0);
    });
  });

  describe('requestDeviceProperties', () => {
    it('should ask for a report, with per-device results and a partial failure', async () => {
      const [online] = devicesOf('meter', 1);
      const [offline] = devicesOf('meter', 0);
      const payload = await run(READ, { devices: [ref(online), ref(offline)], codes: ['voltage', 'switch'] });
      expect(payload.results.map((r) => [r.status, r.code])).toEqual([
        ['ACCEPTED', 200],
        ['REJECTED', 61002],
      ]);
      expect(h.sim.log.entries().find((e) => e.endpoint === 'dm.readData')!.body).toMatchObject({ data: '["voltage","switch"]' });
    });

    it('should refuse a write-only property and an unknown code, sending nothing', async () => {
      const [online] = devicesOf('meter', 1);
      const writeOnly = await h.execute(READ, { input: { devices: [ref(online)], codes: ['calibration'] } });
      expect(writeOnly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.codes[0]' });
      const unknown = await h.execute(READ, { input: { devices: [ref(online)], codes: ['voltage', 'nope'] } });
      expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.codes[1]' });
      expect(h.sim.log.count('dm.readData')).toBe(0);
    });
  });

  describe('sendDeviceRawData', () => {
    it('should send hex to devices of several products in one call, each logged once', async () => {
      const water = h.sim.store
        .devices(h.sim.store.products().find((p) => p.dataFmt === 0 && p.authorized)!.productKey)
        .filter((d) => d.deviceStatus === 1)
        .slice(0, 2);
      const [meterOffline] = devicesOf('meter', 0);
      const before = water.map((d) => d.messages.length);
      const payload = await run(RAW, { devices: [...water, meterOffline].map(ref), payload: 'a1b2', encoding: 'HEX' });
      expect(payload.results.map((r) => r.code)).toEqual([200, 200, 61002]);
      expect(h.sim.log.count('raw.sendData')).toBe(1);
      expect(h.sim.log.entries()[0].body).toMatchObject({ encode: 'Hex', data: 'a1b2', devices: [...water, meterOffline].map(ref) });
      water.forEach((d, i) => {
        expect(d.messages.length).toBe(before[i] + 1);
        expect(Buffer.from(d.messages[d.messages.length - 1].raw, 'base64').toString('hex')).toBe('a1b2');
      });
    });

    it('should send text, and refuse bad hex or an oversized payload without calling upstream', async () => {
      const [online] = devicesOf('meter', 1);
      expect((await run(RAW, { devices: [ref(online)], payload: 'héllo', encoding: 'TEXT' })).allAccepted).toBe(true);
      h.sim.log.clear();
      for (const [payload, encoding] of [
        ['abc', 'HEX'],
        ['zz', 'HEX'],
        ['x'.repeat(4097), 'TEXT'],
      ]) {
        const result = await h.execute(RAW, { input: { devices: [ref(online)], payload, encoding } });
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.payload' });
      }
      expect(h.sim.log.count('raw.sendData')).toBe(0);
    });
  });
});
