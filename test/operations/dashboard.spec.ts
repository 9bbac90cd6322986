import { WIDE_COST_BUDGET, startHarness, type Harness } from '../helpers/harness';
import { takeContractViolations } from '../helpers/request-contract-setup';
import { suitePageRows } from '../helpers/strict-profile';

type Counts = { total: number; online: number; offline: number; activated: number };
type Node = { deviceKey: string; name: string | null; status: string; activated: boolean };
type Listing = { totalCount: number; edges: Array<{ node: Node }> };

const COUNTS = `query($pk: String!) { product(productKey: $pk) { deviceCounts { total online offline activated } } }`;

const codeOf = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;

/** Every device of a product, read through the unfiltered connection: the reference the filters are checked against. */
async function allDevices(h: Harness, pk: string): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i += 1) {
    const result: { data?: { devices: Listing & { pageInfo: { hasNextPage: boolean; endCursor: string } } } | null } = await h.execute(
      'query($pk: String!, $after: String) { devices(productKey: $pk, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { deviceKey name status activated } } } }',
      { pk, after },
    );
    const page = result.data!.devices;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 50 pages');
}

/** The product with the most devices that has both online and activated devices, and a few inactive ones. */
async function busyProduct(h: Harness): Promise<{ pk: string; devices: Node[] }> {
  const { data } = await h.execute<{ products: { edges: Array<{ node: { productKey: string; devices: { totalCount: number } } }> } }>(
    '{ products(first: 100) { edges { node { productKey devices(first: 1) { totalCount } } } } }',
  );
  const ranked = [...data!.products.edges].sort((a, b) => b.node.devices.totalCount - a.node.devices.totalCount);
  for (const { node } of ranked) {
    const devices = await allDevices(h, node.productKey);
    if (devices.some((d) => d.status === 'ONLINE') && devices.some((d) => d.activated) && devices.some((d) => !d.activated)) {
      return { pk: node.productKey, devices };
    }
  }
  throw new Error('no product with online, activated and inactive devices');
}

describe('dashboard fields', () => {
  let h: Harness;
  let pk: string;
  let devices: Node[];
  let expected: Counts;
  beforeAll(async () => {
    h = await startHarness({ env: WIDE_COST_BUDGET });
    ({ pk, devices } = await busyProduct(h));
    const online = devices.filter((d) => d.status === 'ONLINE').length;
    expected = { total: devices.length, online, offline: devices.length - online, activated: devices.filter((d) => d.activated).length };
  });
  afterAll(() => h.close());

  const overviewQueries = () =>
    h.sim.log
      .entries()
      .filter((e) => e.endpoint === 'device.overview')
      .map((e) => e.query);

  describe('Product.deviceCounts', () => {
    it('should count total, online, offline and activated with three pageSize=1 list calls: offline is total - online', async () => {
      h.sim.log.clear();
      const result = await h.execute<{ product: { deviceCounts: Counts } }>(COUNTS, { pk });
      expect(result.errors).toBeUndefined();
      expect(result.data!.product.deviceCounts).toEqual(expected);
      expect(h.sim.log.counters()).toEqual({ 'product.detail': 1, 'device.overview': 3 });
      expect(overviewQueries().every((q) => q.pageSize === '1')).toBe(true);
    });

    it('should read the offline count with one filtered call when it is asked for alone', async () => {
      h.sim.log.clear();
      const result = await h.execute<{ product: { deviceCounts: Pick<Counts, 'offline'> } }>(
        'query($pk: String!) { product(productKey: $pk) { deviceCounts { offline } } }',
        { pk },
      );
      expect(result.data!.product.deviceCounts.offline).toBe(expected.offline);
      expect(overviewQueries()).toEqual([expect.objectContaining({ deviceStatus: '0', pageSize: '1' })]);
    });

    it('should take the total from a device page read in the same request, at no extra call', async () => {
      h.sim.log.clear();
      const result = await h.execute<{ product: { deviceCounts: Pick<Counts, 'total'>; devices: Listing } }>(
        'query($pk: String!) { product(productKey: $pk) { deviceCounts { total } devices(first: 5) { totalCount } } }',
        { pk },
      );
      expect(result.data!.product.deviceCounts.total).toBe(expected.total);
      expect(h.sim.log.count('device.overview')).toBe(1);
    });

    it('should take the online count from an ONLINE page read in the same request, and derive offline', async () => {
      h.sim.log.clear();
      const result = await h.execute<{ product: { deviceCounts: Counts } }>(
        `query($pk: String!) { product(productKey: $pk) {
          online: devices(status: ONLINE, first: 3) { totalCount }
          deviceCounts { total online offline }
        } }`,
        { pk },
      );
      expect(result.data!.product.deviceCounts).toEqual({ total: expected.total, online: expected.online, offline: expected.offline });
      // The ONLINE page and one count for the total; nothing for online or offline.
      expect(h.sim.log.count('device.overview')).toBe(2);
    });

    it('should cost one list call per product for a products dashboard with a device page and the total', async () => {
      h.sim.log.clear();
      const result = await h.execute<{ products: { edges: Array<{ node: { deviceCounts: { total: number }; devices: Listing } }> } }>(
        '{ products(first: 100) { edges { node { deviceCounts { total } devices(first: 2) { totalCount } } } } }',
      );
      expect(result.errors).toBeUndefined();
      const products = result.data!.products.edges.map((e) => e.node);
      for (const product of products) expect(product.deviceCounts.total).toBe(product.devices.totalCount);
      expect(h.sim.log.counters()).toEqual({ 'product.list': 1, 'device.overview': products.length });
    });
  });

  describe('device filters', () => {
    it('should filter by activation on the platform: the activated devices only, one call per page served', async () => {
      h.sim.log.clear();
      const result = await h.execute<{ devices: Listing }>(
        'query($pk: String!) { devices(productKey: $pk, activated: true, first: 100) { totalCount edges { node { deviceKey activated } } } }',
        { pk },
      );
      expect(result.data!.devices.totalCount).toBe(expected.activated);
      expect(result.data!.devices.edges.every((e) => e.node.activated)).toBe(true);
      // The first 100 activated devices, in pages of the size the simulator serves when 100 are asked for (the
      // suite's strict cap: 50): ceil(min(100, activated) / 50) calls, every one filtered upstream.
      const calls = Math.ceil(Math.min(100, expected.activated) / suitePageRows(100));
      expect(overviewQueries()).toEqual(Array.from({ length: calls }, () => expect.objectContaining({ activeStatus: '1' })));
      const inactive = await h.execute<{ devices: Listing }>('query($pk: String!) { devices(productKey: $pk, activated: false) { totalCount } }', {
        pk,
      });
      expect(inactive.data!.devices.totalCount).toBe(expected.total - expected.activated);
    });

    it('should combine status and activation filters, and keep their cursors apart', async () => {
      const both = await h.execute<{ devices: Listing & { pageInfo: { endCursor: string } } }>(
        'query($pk: String!) { devices(productKey: $pk, status: ONLINE, activated: true, first: 1) { totalCount pageInfo { endCursor } } }',
        { pk },
      );
      expect(both.data!.devices.totalCount).toBe(devices.filter((d) => d.status === 'ONLINE' && d.activated).length);
      const replay = await h.execute(
        'query($pk: String!, $after: String) { devices(productKey: $pk, status: ONLINE, first: 1, after: $after) { totalCount } }',
        {
          pk,
          after: both.data!.devices.pageInfo.endCursor,
        },
      );
      expect(codeOf(replay)).toBe('BAD_USER_INPUT');
    });

    it('should match names itself by default, never sending the undocumented deviceName: one call per list page', async () => {
      const part = nameFragment(devices);
      h.sim.log.clear();
      const result = await h.execute<{ devices: Listing }>(
        'query($pk: String!, $part: String!) { devices(productKey: $pk, nameContains: $part, first: 100) { totalCount edges { node { deviceKey } } } }',
        { pk, part: part.toUpperCase() },
      );
      const matching = devices.filter((d) => (d.name ?? '').toLowerCase().includes(part.toLowerCase()));
      expect(result.data!.devices.totalCount).toBe(matching.length);
      expect(result.data!.devices.edges.map((e) => e.node.deviceKey)).toEqual(matching.map((d) => d.deviceKey));
      expect(overviewQueries().some((q) => 'deviceName' in q)).toBe(false);
      // The whole list is read to match names: ceil(devices / rows served per page) calls, QUEC_PAGE_SIZE=100 asked
      // and the suite's strict cap serving 50.
      expect(overviewQueries()).toHaveLength(Math.ceil(devices.length / suitePageRows(100)));
    });

    it('should refuse an empty name filter before calling upstream', async () => {
      h.sim.log.clear();
      const result = await h.execute('query($pk: String!) { devices(productKey: $pk, nameContains: "") { totalCount } }', { pk });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(h.sim.log.count('device.overview')).toBe(0);
    });
  });
});

/**
 * QUEC_DEVICE_NAME_FILTER=true sends `deviceName`, which the public parameter tables do not list: these run against a
 * lenient simulator and take the contract check's findings for that one parameter.
 */
describe('QUEC_DEVICE_NAME_FILTER=true: the undocumented deviceName filter', () => {
  const OPT_IN = { ...WIDE_COST_BUDGET, QUEC_DEVICE_NAME_FILTER: 'true' };
  afterEach(() => {
    for (const violation of takeContractViolations()) expect(violation).toMatch(/"deviceName" is not documented/);
  });

  it('should filter by name with one call when the platform honours deviceName', async () => {
    const h = await startHarness({ env: OPT_IN, simulator: { strict: false } });
    try {
      const { pk, devices } = await busyProduct(h);
      const part = nameFragment(devices);
      h.sim.log.clear();
      const result = await h.execute<{ devices: Listing }>(
        'query($pk: String!, $part: String!) { devices(productKey: $pk, nameContains: $part, first: 100) { totalCount edges { node { deviceKey } } } }',
        { pk, part: part.toUpperCase() },
      );
      const matching = devices.filter((d) => (d.name ?? '').toLowerCase().includes(part.toLowerCase()));
      expect(result.data!.devices.totalCount).toBe(matching.length);
      const queries = h.sim.log.entries().filter((e) => e.endpoint === 'device.overview');
      expect(queries.map((e) => e.query)).toEqual([expect.objectContaining({ deviceName: part.toUpperCase() })]);
    } finally {
      await h.close();
    }
  });

  it('should filter the list itself: the ignored call plus one call per page of the list', async () => {
    const h = await startHarness({ env: OPT_IN, simulator: { deviceNameFilter: false, strict: false } });
    try {
      const { pk, devices } = await busyProduct(h);
      const part = nameFragment(devices);
      const matching = devices.filter((d) => (d.name ?? '').toLowerCase().includes(part.toLowerCase()));
      h.sim.log.clear();
      const result = await h.execute<{ devices: Listing }>(
        'query($pk: String!, $part: String!) { devices(productKey: $pk, nameContains: $part, last: 2) { totalCount edges { node { deviceKey } } } }',
        { pk, part },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.devices.totalCount).toBe(matching.length);
      expect(result.data!.devices.edges.map((e) => e.node.deviceKey)).toEqual(matching.slice(-2).map((d) => d.deviceKey));
      expect(h.sim.log.count('device.overview')).toBe(1 + Math.ceil(devices.length / 100));
    } finally {
      await h.close();
    }
  });

  it('should refuse with BAD_USER_INPUT a list longer than the pages it may read, after reading one', async () => {
    const h = await startHarness({ env: { ...OPT_IN, QUEC_PAGE_SIZE: '3' }, simulator: { deviceNameFilter: false, strict: false } });
    try {
      const { pk, devices } = await busyProduct(h);
      expect(devices.length).toBeGreaterThan(5 * 3);
      h.sim.log.clear();
      const result = await h.execute('query($pk: String!) { devices(productKey: $pk, nameContains: "zz-no-such-name") { totalCount } }', { pk });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions).toMatchObject({ argumentName: 'nameContains' });
      // The ignored named call (its rows did not match) and page 1 of the list, which tells its length.
      expect(h.sim.log.count('device.overview')).toBe(2);
    } finally {
      await h.close();
    }
  });
});

/** A piece of a device name shared by some but not all devices, so the filter visibly filters. */
function nameFragment(devices: Node[]): string {
  const names = devices.map((d) => (d.name ?? '').toLowerCase());
  for (const name of names) {
    for (let length = 3; length <= name.length; length += 1) {
      const part = name.slice(name.length - length);
      const hits = names.filter((n) => n.includes(part)).length;
      if (hits > 1 && hits < names.length) return part;
    }
  }
  throw new Error('no distinguishing name fragment');
}
