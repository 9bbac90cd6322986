import type { Device } from '../../simulator';
import { WIDE_COST_BUDGET, startHarness, type Harness } from '../helpers/harness';

const VALUE = `dataType json
  ... on BoolValue { bool label }
  ... on NumberValue { number unit }
  ... on EnumValue { value label }
  ... on TextValue { text }
  ... on DateValue { date }
  ... on RawValue { hex }
  ... on StructValue { fields { code value { json } } }
  ... on ArrayValue { items { json } }`;

interface PropertyRow {
  code: string;
  dataType: string;
  reportedAt: string | null;
  value: { dataType: string; json: unknown; label?: string | null; value?: number } | null;
}

/** What the simulator's newest report said, in our `json` form (RAW is upper-case hex). */
function expectedJson(value: unknown): unknown {
  if (typeof value === 'string' && /^[0-9a-f]+$/i.test(value)) return value.toUpperCase();
  if (Array.isArray(value)) return value.map(expectedJson);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expectedJson(v)]));
  return value;
}

/** Devices of products authorized to our app; others answer 70089. */
function visibleDevices(h: Harness): Device[] {
  return h.sim.store.devices().filter((d) => h.sim.store.product(d.productKey)!.authorized);
}

const ms = (value: unknown) => new Date(value as string).getTime();

const codeOf = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;

describe('Device.properties', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: WIDE_COST_BUDGET });
    await h.execute('{ products(first: 1) { totalCount } }');
  });
  afterAll(() => h.close());

  it('should cost the floor for 50+ devices: one log page per device, one thing model per product, nothing repeated', async () => {
    h.sim.log.clear();
    const { data, errors } = await h.execute<{
      products: {
        edges: Array<{ node: { productKey: string; devices: { edges: Array<{ node: { deviceKey: string; properties: PropertyRow[] } }> } } }>;
      };
    }>(
      `{ products(first: 100) { edges { node { productKey devices(first: 10) { edges { node { deviceKey properties { code dataType reportedAt value { ${VALUE} } } } } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const products = data!.products.edges.map((e) => e.node);
    const tslProducts = products.filter((p) => h.sim.store.product(p.productKey)!.dataFmt === 3);
    const tslDevices = tslProducts.reduce((n, p) => n + p.devices.edges.length, 0);
    expect(tslDevices).toBeGreaterThanOrEqual(50);

    expect(h.sim.log.counters()).toEqual({
      'product.list': 1,
      'device.overview': products.length,
      'tsl.export': products.length,
      'history.data': tslDevices,
    });
    const calls = h.sim.log.entries().map((e) => `${e.endpoint} ${JSON.stringify(e.query)}`);
    expect(new Set(calls).size).toBe(calls.length);
    // Transparent products have no properties and cost no log call.
    for (const p of products.filter((x) => !tslProducts.includes(x))) {
      for (const d of p.devices.edges) expect(d.node.properties).toEqual([]);
    }
  });

  it('should decode the newest report into typed values equal to what the device reported', async () => {
    const reporting = visibleDevices(h).filter((d) => d.latestProperties.size > 0 && d.messages.length > 0);
    // Two devices of every thing-model product, so every data type of the seed is decoded at least once.
    const devices = [...new Set(reporting.map((d) => d.productKey))].flatMap((pk) => reporting.filter((d) => d.productKey === pk).slice(0, 2));
    expect(devices.length).toBeGreaterThan(5);
    const seenTypes = new Set<string>();
    for (const device of devices) {
      const { data, errors } = await h.execute<{ device: { properties: PropertyRow[] } }>(
        `query($pk: String!, $dk: String!) { device(productKey: $pk, deviceKey: $dk) { properties { code dataType reportedAt value { ${VALUE} } } } }`,
        { pk: device.productKey, dk: device.deviceKey },
      );
      expect(errors).toBeUndefined();
      const byCode = new Map(data!.device.properties.map((p) => [p.code, p]));
      for (const [code, sample] of device.latestProperties) {
        const row = byCode.get(code)!;
        seenTypes.add(row.dataType);
        expect({ code, json: row.value?.json }).toEqual({ code, json: expectedJson(sample.value) });
        expect(ms(row.reportedAt)).toBe(sample.time);
      }
    }
    expect([...seenTypes]).toEqual(expect.arrayContaining(['BOOL', 'ENUM', 'STRUCT', 'ARRAY', 'DATE']));
  });

  it('should give an ENUM its label and follow the order of codes', async () => {
    const device = visibleDevices(h).find((d) => d.latestProperties.has('tariff_mode'))!;
    const { data } = await h.execute<{ device: { properties: PropertyRow[] } }>(
      `query($pk: String!, $dk: String!) { device(productKey: $pk, deviceKey: $dk) { properties(codes: ["tariff_mode", "switch"]) { code value { ${VALUE} } } } }`,
      { pk: device.productKey, dk: device.deviceKey },
    );
    expect(data!.device.properties.map((p) => p.code)).toEqual(['tariff_mode', 'switch']);
    expect(data!.device.properties[0].value).toMatchObject({ dataType: 'ENUM', label: expect.stringMatching(/Flat|Peak\/valley|Tiered/) });
  });

  it('should null only the properties of the device whose log failed, with a coded error', async () => {
    const devices = visibleDevices(h)
      .filter((d) => d.latestProperties.size > 0)
      .slice(0, 3);
    h.sim.faults.inject('history.data', { code: 50000, times: 1 });
    const result = await h.execute<{ _entities: Array<{ deviceKey: string; properties: unknown[] | null }> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { deviceKey properties { code } } } }',
      { r: devices.map((d) => ({ __typename: 'Device', productKey: d.productKey, deviceKey: d.deviceKey })) },
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { code: 50000 } });
    const nulled = result.data!._entities.filter((e) => e.properties === null);
    expect(nulled).toHaveLength(1);
    expect(result.data!._entities.filter((e) => Array.isArray(e.properties) && e.properties.length > 0)).toHaveLength(2);
  });

  it('should refuse an unknown code with BAD_USER_INPUT naming it, before reading the log', async () => {
    const device = visibleDevices(h).find((d) => d.latestProperties.has('switch'))!;
    h.sim.log.clear();
    const result = await h.execute(
      `query($pk: String!, $dk: String!) { device(productKey: $pk, deviceKey: $dk) { properties(codes: ["switch", "nope"]) { code } } }`,
      {
        pk: device.productKey,
        dk: device.deviceKey,
      },
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions).toMatchObject({ argumentName: 'codes[1]' });
    expect(h.sim.log.count('history.data')).toBe(0);
  });
});

interface MessagePage {
  device: {
    messages: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{
        node: {
          ticket: string;
          direction: string;
          command: string | null;
          payloadBase64: string;
          sendStatus: string;
          createdAt: string;
          requestedProperties: string[];
          values: Array<{ code: string; value: { json: unknown } | null }>;
        };
      }>;
    };
  };
}

const MESSAGES = `query($pk: String!, $dk: String!, $first: Int!, $after: String, $direction: MessageDirection, $from: DateTime, $to: DateTime) {
  device(productKey: $pk, deviceKey: $dk) {
    messages(first: $first, after: $after, direction: $direction, from: $from, to: $to) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { ticket direction command payloadBase64 sendStatus createdAt requestedProperties values { code value { json } } } }
    }
  }
}`;

describe('Device.messages and Device.events', () => {
  let h: Harness;
  let device: Device;
  beforeAll(async () => {
    h = await startHarness({ env: { QUEC_PAGE_SIZE: '7' } });
    device = visibleDevices(h)
      .filter((d) => h.sim.store.product(d.productKey)!.dataFmt === 3)
      .sort((a, b) => b.messages.length - a.messages.length)[0];
  });
  afterAll(() => h.close());

  async function walk(variables: Record<string, unknown>, first: number) {
    const nodes: MessagePage['device']['messages']['edges'][number]['node'][] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i += 1) {
      const result: { data?: MessagePage | null; errors?: unknown } = await h.execute<MessagePage>(MESSAGES, {
        pk: device.productKey,
        dk: device.deviceKey,
        first,
        after,
        ...variables,
      });
      expect(result.errors).toBeUndefined();
      const connection: MessagePage['device']['messages'] = result.data!.device.messages;
      nodes.push(...connection.edges.map((e) => e.node));
      if (!connection.pageInfo.hasNextPage) return { nodes, total: connection.totalCount };
      after = connection.pageInfo.endCursor;
    }
    throw new Error('did not finish');
  }

  it('should walk the whole log newest first across upstream pages, without gaps or repeats', async () => {
    const { nodes, total } = await walk({}, 5);
    expect(total).toBe(device.messages.length);
    expect(nodes.map((n) => n.ticket)).toEqual([...device.messages].reverse().map((m) => m.ticket));
  });

  it('should filter by direction and decode uplink values and downlink reads', async () => {
    const up = await walk({ direction: 'UP' }, 50);
    const down = await walk({ direction: 'DOWN' }, 50);
    expect(up.total + down.total).toBe(device.messages.length);
    expect(up.nodes.every((n) => n.direction === 'UP' && n.values.length > 0)).toBe(true);
    expect(down.nodes.every((n) => n.direction === 'DOWN')).toBe(true);
    const read = down.nodes.find((n) => n.command === '0011');
    if (read) expect(read.requestedProperties.length).toBeGreaterThan(0);
  });

  it('should filter by time range, bounds inclusive', async () => {
    const times = device.messages.map((m) => m.at).sort((a, b) => a - b);
    const from = times[3];
    const to = times[times.length - 4];
    const { nodes, total } = await walk({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }, 50);
    expect(total).toBe(times.filter((t) => t >= from && t <= to).length);
    expect(nodes.every((n) => ms(n.createdAt) >= from && ms(n.createdAt) <= to)).toBe(true);
  });

  it('should refuse from after to, and a cursor of another filter', async () => {
    const swapped = await h.execute(MESSAGES, {
      pk: device.productKey,
      dk: device.deviceKey,
      first: 5,
      from: '2025-02-01T00:00:00Z',
      to: '2025-01-01T00:00:00Z',
    });
    expect(codeOf(swapped)).toBe('BAD_USER_INPUT');
    const up = await h.execute<MessagePage>(MESSAGES, { pk: device.productKey, dk: device.deviceKey, first: 2, direction: 'UP' });
    const mixed = await h.execute(MESSAGES, {
      pk: device.productKey,
      dk: device.deviceKey,
      first: 2,
      after: up.data!.device.messages.pageInfo.endCursor,
    });
    expect(codeOf(mixed)).toBe('BAD_USER_INPUT');
  });

  const EVENTS = `query($pk: String!, $dk: String!, $first: Int!, $after: String, $type: DeviceEventType) {
    device(productKey: $pk, deviceKey: $dk) {
      events(first: $first, after: $after, type: $type) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { ticket type code name occurredAt outputs { code name value { json } } } }
      }
    }
  }`;

  it('should page the event log newest first and filter by type, decoding outputs', async () => {
    const withEvents = visibleDevices(h)
      .filter((d) => d.events.some((e) => ['3', '4', '5'].includes(e.eventType) && e.outputData))
      .sort((a, b) => b.events.length - a.events.length)[0];
    const vars = { pk: withEvents.productKey, dk: withEvents.deviceKey };
    const tickets: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: {
        data?: {
          device: {
            events: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { ticket: string } }> };
          };
        } | null;
      } = await h.execute(EVENTS, { ...vars, first: 4, after });
      const connection = result.data!.device.events;
      expect(connection.totalCount).toBe(withEvents.events.length);
      tickets.push(...connection.edges.map((e) => e.node.ticket));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(tickets).toEqual([...withEvents.events].sort((a, b) => b.at - a.at).map((e) => e.ticket));

    const withOutputs = withEvents.events.find((e) => ['3', '4', '5'].includes(e.eventType) && e.outputData)!;
    const type = ({ '3': 'INFO', '4': 'WARNING', '5': 'FAULT' } as Record<string, string>)[withOutputs.eventType];
    const filtered = await h.execute<{
      device: {
        events: {
          totalCount: number;
          edges: Array<{
            node: { ticket: string; type: string; outputs: Array<{ code: string; name: string | null; value: { json: unknown } | null }> };
          }>;
        };
      };
    }>(EVENTS, { ...vars, first: 100, type });
    const edges = filtered.data!.device.events.edges;
    expect(filtered.data!.device.events.totalCount).toBe(withEvents.events.filter((e) => e.eventType === withOutputs.eventType).length);
    expect(edges.every((e) => e.node.type === type)).toBe(true);
    const node = edges.find((e) => e.node.ticket === withOutputs.ticket)!.node;
    const raw = JSON.parse(withOutputs.outputData!) as Record<string, unknown>;
    expect(node.outputs.map((o) => o.code)).toEqual(Object.keys(raw));
    expect(node.outputs.every((o) => o.name !== null && o.value !== null)).toBe(true);
  });
});

describe('Device.location and Device.resources', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('should give the latest fix in three coordinate systems, and null for a device never located', async () => {
    const located = visibleDevices(h).find((d) => d.location !== null)!;
    const never = visibleDevices(h).find((d) => d.location === null)!;
    const query = `query($pk: String!, $dk: String!) { device(productKey: $pk, deviceKey: $dk) {
      location { wgs84 { latitude longitude } gcj02 { latitude longitude } bd09 { latitude longitude } accuracy fixType locatedAt reportedAt }
    } }`;
    const { data, errors } = await h.execute<{
      device: { location: Record<string, { latitude: number; longitude: number } | null | string | number> };
    }>(query, {
      pk: located.productKey,
      dk: located.deviceKey,
    });
    expect(errors).toBeUndefined();
    const location = data!.device.location;
    for (const system of ['wgs84', 'gcj02', 'bd09']) {
      expect(location[system]).toEqual({ latitude: expect.any(Number), longitude: expect.any(Number) });
    }
    const wgs = location.wgs84 as { latitude: number; longitude: number };
    const gcj = location.gcj02 as { latitude: number; longitude: number };
    // GCJ-02 is offset from WGS-84 by up to a few hundred metres inside China, never by whole degrees.
    expect(Math.abs(wgs.latitude - gcj.latitude)).toBeLessThan(0.05);
    expect(location.fixType).toEqual(expect.stringMatching(/^\S+$/));
    expect(ms(location.locatedAt)).toBeGreaterThan(0);
    const none = await h.execute(query, { pk: never.productKey, dk: never.deviceKey });
    expect(none).toEqual({ data: { device: { location: null } } });
  });

  it('should cost one location call per device for a list of devices', async () => {
    const pk = h.sim.store.products().find((p) => p.authorized && h.sim.store.devices(p.productKey).length >= 10)!.productKey;
    await h.execute('{ products(first: 1) { totalCount } }');
    h.sim.log.clear();
    const result = await h.execute(
      'query($pk: String!) { devices(productKey: $pk, first: 10) { edges { node { location { fixType } resources { serialNumber firstReportedAt locators } } } } }',
      { pk },
    );
    expect(result.errors).toBeUndefined();
    expect(h.sim.log.counters()).toEqual({ 'device.overview': 1, 'device.location': 10, 'device.resource': 10 });
  });

  it('should resolve properties and location on Device entities from _entities, batched like any list', async () => {
    const devices = visibleDevices(h)
      .filter((d) => d.latestProperties.size > 0)
      .slice(0, 5);
    h.sim.log.clear();
    const { data, errors } = await h.execute<{ _entities: Array<{ deviceKey: string; properties: Array<{ code: string }>; location: unknown }> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { deviceKey properties { code value { json } } location { fixType } } } }',
      { r: devices.map((d) => ({ __typename: 'Device', productKey: d.productKey, deviceKey: d.deviceKey })) },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities.map((e) => e.deviceKey)).toEqual(devices.map((d) => d.deviceKey));
    expect(data!._entities.every((e) => e.properties.length > 0)).toBe(true);
    expect(h.sim.log.count('history.data')).toBe(5);
    expect(h.sim.log.count('device.location')).toBe(5);
    expect(h.sim.log.count('tsl.export')).toBe(new Set(devices.map((d) => d.productKey)).size);
  });
});
