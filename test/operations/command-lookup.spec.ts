import type { Device, ProductRole } from '../../simulator';
import { WIDE_COST_BUDGET, startHarness, type Harness } from '../helpers/harness';

const RAW = `mutation($input: SendRawDataInput!) { sendDeviceRawData(input: $input) { results { ticket accepted } } }`;
const LOOKUP = `query($pk: String!, $dk: String!, $ticket: String!) {
  device(productKey: $pk, deviceKey: $dk) { command(ticket: $ticket) { ticket direction sendStatus payloadBase64 sentAt } }
}`;

type Lookup = { device: { command: { ticket: string; direction: string; sendStatus: string; payloadBase64: string | null } | null } };

const codeOf = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;

/** The device's downlinks as the platform's log lists them: newest first, the last logged first among equal times. */
function downlinksNewestFirst(device: Device): string[] {
  return device.messages
    .filter((m) => m.direction === 2)
    .reverse()
    .sort((a, b) => b.at - a.at)
    .map((m) => m.ticket);
}

describe('Device.command(ticket:)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: WIDE_COST_BUDGET });
    await h.execute('{ products(first: 1) { totalCount } }');
  });
  afterAll(() => h.close());

  const deviceOf = (role: ProductRole, status: 0 | 1) => {
    const product = h.sim.store.products().find((p) => p.role === role && p.authorized)!;
    return h.sim.store.devices(product.productKey).find((d) => d.deviceStatus === status)!;
  };

  async function send(device: Device, cacheIfOffline: boolean): Promise<string> {
    const input = {
      devices: [{ productKey: device.productKey, deviceKey: device.deviceKey }],
      payload: 'a1b2',
      encoding: 'HEX',
      options: { cacheIfOffline },
    };
    const { data, errors } = await h.execute<{ sendDeviceRawData: { results: Array<{ ticket: string; accepted: boolean }> } }>(RAW, { input });
    expect(errors).toBeUndefined();
    expect(data!.sendDeviceRawData.results[0].accepted).toBe(true);
    return data!.sendDeviceRawData.results[0].ticket;
  }

  it('should find a command just sent to an online device as SENT, from the newest downlink page', async () => {
    const device = deviceOf('meter', 1);
    const ticket = await send(device, false);
    h.sim.log.clear();
    const { data, errors } = await h.execute<Lookup>(LOOKUP, { pk: device.productKey, dk: device.deviceKey, ticket });
    expect(errors).toBeUndefined();
    expect(data!.device.command).toMatchObject({ ticket, direction: 'DOWN', sendStatus: 'SENT', payloadBase64: expect.any(String) });
    expect(h.sim.log.counters()).toEqual({ 'device.detail': 1, 'history.data': 1, 'tsl.export': 1 });
    expect(h.sim.log.entries().find((e) => e.endpoint === 'history.data')!.query).toMatchObject({ direction: '2', pageNum: '1' });
  });

  it('should report a command cached for an offline device as NOT_SENT', async () => {
    const device = deviceOf('meter', 0);
    const ticket = await send(device, true);
    const { data } = await h.execute<Lookup>(LOOKUP, { pk: device.productKey, dk: device.deviceKey, ticket });
    expect(data!.device.command).toMatchObject({ ticket, sendStatus: 'NOT_SENT' });
  });

  it('should refuse a malformed ticket before calling upstream', async () => {
    const device = deviceOf('meter', 1);
    h.sim.log.clear();
    const result = await h.execute(LOOKUP, { pk: device.productKey, dk: device.deviceKey, ticket: 'not a ticket!' });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(h.sim.log.count('history.data')).toBe(0);
  });
});

describe('Device.command(ticket:) over small log pages', () => {
  let h: Harness;
  let device: Device;
  let tickets: string[];
  beforeAll(async () => {
    h = await startHarness({ env: { ...WIDE_COST_BUDGET, QUEC_PAGE_SIZE: '2' } });
    const candidates = h.sim.store.products().flatMap((p) => (p.authorized ? h.sim.store.devices(p.productKey) : []));
    device = candidates.find((d) => downlinksNewestFirst(d).length >= 8)!;
    expect(device).toBeDefined();
    tickets = downlinksNewestFirst(device);
    await h.execute('{ products(first: 1) { totalCount } }');
  });
  afterAll(() => h.close());

  it('should read the downlink pages one by one until the ticket turns up', async () => {
    h.sim.log.clear();
    const { data } = await h.execute<Lookup>(LOOKUP, { pk: device.productKey, dk: device.deviceKey, ticket: tickets[4] });
    expect(data!.device.command?.ticket).toBe(tickets[4]);
    expect(h.sim.log.count('history.data')).toBe(3);
  });

  it('should answer null after three pages when the ticket is older, without reading further', async () => {
    h.sim.log.clear();
    const { data, errors } = await h.execute<Lookup>(LOOKUP, { pk: device.productKey, dk: device.deviceKey, ticket: tickets[6] });
    expect(errors).toBeUndefined();
    expect(data!.device.command).toBeNull();
    expect(h.sim.log.count('history.data')).toBe(3);
  });
});
