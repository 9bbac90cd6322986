import { startHarness, type Harness } from '../helpers/harness';
import { suitePageRows } from '../helpers/strict-profile';

type DevicePage = {
  devices: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { deviceKey: string } }>;
  };
};

const PAGE_QUERY = `query($pk: String!, $first: Int!, $after: String, $status: DeviceStatus) {
  devices(productKey: $pk, first: $first, after: $after, status: $status) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { deviceKey } }
  }
}`;

async function walk(h: Harness, productKey: string, first: number, status?: string): Promise<{ keys: string[]; total: number; pages: number }> {
  const keys: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (let pages = 1; pages <= 200; pages += 1) {
    const result: { data?: DevicePage | null; errors?: unknown } = await h.execute<DevicePage>(PAGE_QUERY, { pk: productKey, first, after, status });
    expect(result.errors).toBeUndefined();
    const connection: DevicePage['devices'] = result.data!.devices;
    total = connection.totalCount;
    expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
    keys.push(...connection.edges.map((e) => e.node.deviceKey));
    if (!connection.pageInfo.hasNextPage) return { keys, total, pages };
    expect(connection.edges).toHaveLength(first);
    after = connection.pageInfo.endCursor;
  }
  throw new Error('walk did not finish in 200 pages');
}

const BACK_QUERY = `query($pk: String!, $first: Int, $after: String, $last: Int, $before: String) {
  devices(productKey: $pk, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { deviceKey } }
  }
}`;

type BackPage = {
  devices: DevicePage['devices'] & { pageInfo: { startCursor: string | null } };
};

/** Walks a list from its end to its start with `last`, checking the page flags on the way. */
async function walkBackward(h: Harness, productKey: string, last: number): Promise<string[]> {
  const keys: string[] = [];
  let before: string | null = null;
  for (let pages = 1; pages <= 200; pages += 1) {
    const result: { data?: BackPage | null; errors?: unknown } = await h.execute<BackPage>(BACK_QUERY, { pk: productKey, last, before });
    expect(result.errors).toBeUndefined();
    const connection: BackPage['devices'] = result.data!.devices;
    expect(connection.pageInfo.hasNextPage).toBe(before !== null);
    keys.unshift(...connection.edges.map((e) => e.node.deviceKey));
    if (!connection.pageInfo.hasPreviousPage) return keys;
    expect(connection.edges).toHaveLength(last);
    before = connection.pageInfo.startCursor;
  }
  throw new Error('backward walk did not finish in 200 pages');
}

/** Upstream pages (1-based) holding rows [from, to) of a list served `pageSize` rows a page. */
function pagesOf(from: number, to: number, pageSize: number): number[] {
  const pages = new Set<number>();
  for (let row = from; row < to; row += 1) pages.add(Math.floor(row / pageSize) + 1);
  return [...pages];
}

async function largestProduct(h: Harness): Promise<string> {
  const { data } = await h.execute<{ products: { edges: Array<{ node: { productKey: string; devices: { totalCount: number } } }> } }>(
    '{ products(first: 100) { edges { node { productKey devices(first: 1) { totalCount } } } } }',
  );
  return [...data!.products.edges].sort((a, b) => b.node.devices.totalCount - a.node.devices.totalCount)[0].node.productKey;
}

describe('Relay connections over upstream page numbers', () => {
  describe.each([[100], [7]])('with upstream page size %i', (pageSize) => {
    let h: Harness;
    let reference: string[];
    let productKey: string;
    beforeAll(async () => {
      h = await startHarness({ env: { QUEC_PAGE_SIZE: String(pageSize) } });
      productKey = await largestProduct(h);
      reference = (await walk(h, productKey, 100)).keys;
    });
    afterAll(() => h.close());

    it.each([1, 13, 50, 100])('should walk the whole list with first=%i, in order, without gaps or repeats', async (first) => {
      const { keys, total } = await walk(h, productKey, first);
      expect(total).toBe(reference.length);
      expect(keys).toEqual(reference);
    });

    it.each([1, 13, 100])('should walk the whole list backward with last=%i, in order, without gaps or repeats', async (last) => {
      expect(await walkBackward(h, productKey, last)).toEqual(reference);
    });

    it('should read page 1 for the length and then only the tail pages for last without before', async () => {
      const total = reference.length;
      h.sim.log.clear();
      const result = await h.execute<BackPage>(BACK_QUERY, { pk: productKey, last: 5 });
      expect(result.errors).toBeUndefined();
      expect(result.data!.devices.edges.map((e) => e.node.deviceKey)).toEqual(reference.slice(total - 5));
      expect(result.data!.devices.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      // Page 1 for the length, then the page(s) holding the last 5 rows, numbered by the size the simulator serves:
      // QUEC_PAGE_SIZE=100 asks for 100 rows, the suite's strict cap serves 50 (page 1 shows it, so no other page).
      const expected = new Set([1, ...pagesOf(total - 5, total, suitePageRows(pageSize))]);
      expect(h.sim.log.count('device.overview')).toBe(expected.size);
      expect(
        h.sim.log
          .entries()
          .map((e) => Number(e.query.pageNum))
          .sort((a, b) => a - b),
      ).toEqual([...expected].sort((a, b) => a - b));
    });

    it('should go back from a forward page to the one before it, reading only the pages that hold it', async () => {
      const second = await h.execute<BackPage>(BACK_QUERY, { pk: productKey, first: 6, after: null });
      const third = await h.execute<BackPage>(BACK_QUERY, { pk: productKey, first: 6, after: second.data!.devices.pageInfo.endCursor });
      h.sim.log.clear();
      const back = await h.execute<BackPage>(BACK_QUERY, { pk: productKey, last: 6, before: third.data!.devices.pageInfo.startCursor });
      expect(back.data!.devices).toEqual(second.data!.devices);
      expect(back.data!.devices.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
      expect(h.sim.log.count('device.overview')).toBe(pagesOf(0, 6, suitePageRows(pageSize)).length);
    });

    it('should filter by status across pages', async () => {
      const online = await walk(h, productKey, 9, 'ONLINE');
      const offline = await walk(h, productKey, 9, 'OFFLINE');
      expect(online.total + offline.total).toBe(reference.length);
      expect(new Set([...online.keys, ...offline.keys])).toEqual(new Set(reference));
    });
  });

  it('should give the same cursor to the same position on every request', async () => {
    const h = await startHarness();
    try {
      const pk = await largestProduct(h);
      const a = await h.execute<DevicePage>(PAGE_QUERY, { pk, first: 5 });
      const b = await h.execute<DevicePage>(PAGE_QUERY, { pk, first: 5 });
      expect(a.data!.devices.edges.map((e) => e.cursor)).toEqual(b.data!.devices.edges.map((e) => e.cursor));
    } finally {
      await h.close();
    }
  });
});

describe('bad input', () => {
  let h: Harness;
  let pk: string;
  beforeAll(async () => {
    h = await startHarness();
    pk = await largestProduct(h);
  });
  afterAll(() => h.close());

  const codeOf = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;

  it.each([0, -1, 101, 1000])('should refuse first=%i with BAD_USER_INPUT before calling upstream', async (first) => {
    h.sim.log.clear();
    const result = await h.execute(PAGE_QUERY, { pk, first });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/first must be/);
    expect(h.sim.log.count('device.overview')).toBe(0);
  });

  it('should refuse first and last together with BAD_USER_INPUT before calling upstream', async () => {
    h.sim.log.clear();
    const result = await h.execute(BACK_QUERY, { pk, first: 5, last: 5 });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions).toMatchObject({ argumentName: 'last' });
    expect(h.sim.log.count('device.overview')).toBe(0);
  });

  it('should refuse first and last together on the sub-devices of a device that is not a gateway', async () => {
    const product = h.sim.store.authorizedProducts().find((p) => p.accessType === 0)!;
    const device = h.sim.store.devices(product.productKey)[0];
    const result = await h.execute(
      'query($pk: String!, $dk: String!) { device(productKey: $pk, deviceKey: $dk) { subDevices(first: 1, last: 1) { totalCount } } }',
      { pk: product.productKey, dk: device.deviceKey },
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
  });

  it.each([0, 101])('should refuse last=%i with BAD_USER_INPUT before calling upstream', async (last) => {
    h.sim.log.clear();
    const result = await h.execute(BACK_QUERY, { pk, last });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/last must be/);
    expect(h.sim.log.count('device.overview')).toBe(0);
  });

  it('should refuse a cursor of another list as before', async () => {
    const result = await h.execute(BACK_QUERY, { pk, last: 5, before: 'djE6cHJvZHVjdHM6MQ' });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions).toMatchObject({ argumentName: 'before' });
  });

  it.each(['garbage', 'djE6cHJvZHVjdHM6MQ', '!!'])('should refuse the cursor %p with BAD_USER_INPUT', async (after) => {
    const result = await h.execute(PAGE_QUERY, { pk, first: 5, after });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
  });

  it('should refuse a cursor of the ONLINE list on the unfiltered list', async () => {
    const online = await h.execute<DevicePage>(PAGE_QUERY, { pk, first: 2, status: 'ONLINE' });
    const result = await h.execute(PAGE_QUERY, { pk, first: 2, after: online.data!.devices.pageInfo.endCursor });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['{ product(productKey: "bad key!") { name } }'],
    ['{ device(productKey: "p1abcd", deviceKey: "") { name } }'],
    ['{ devices(productKey: "", first: 5) { totalCount } }'],
  ])('should refuse malformed keys in %s', async (query) => {
    h.sim.log.clear();
    const result = await h.execute(query);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(h.sim.log.count()).toBe(0);
  });

  it('should answer null, not an error, for an unknown product or device', async () => {
    const product = await h.execute('{ product(productKey: "pNOPE1") { name } }');
    expect(product).toEqual({ data: { product: null } });
    const device = await h.execute('query($pk: String!) { device(productKey: $pk, deviceKey: "NO_SUCH_DK") { name } }', { pk });
    expect(device).toEqual({ data: { device: null } });
    const deviceOfUnknownProduct = await h.execute('{ device(productKey: "pNOPE1", deviceKey: "X1") { name } }');
    expect(deviceOfUnknownProduct).toEqual({ data: { device: null } });
  });

  it('should answer NOT_FOUND for the devices of an unknown product', async () => {
    const result = await h.execute('{ devices(productKey: "pNOPE1", first: 5) { totalCount } }');
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(result.errors![0].extensions).toMatchObject({ upstream: { code: expect.any(Number) } });
  });
});
