import { startHarness, type Harness } from '../helpers/harness';

type ProductPage = {
  products: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { productKey: string } }> };
};

const PRODUCTS = `query($first: Int!, $after: String) {
  products(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { productKey } } }
}`;

/**
 * The product list past its first upstream page (reference §6.1: query `pageNum`, `pageSize`). With two rows per
 * upstream page every later page must be asked for by number; a misnamed page parameter (`pageNo`, which the platform
 * ignores like any unknown name) would get page one again and show as repeated rows.
 */
describe('products beyond the first upstream page', () => {
  let h: Harness;
  let expected: string[];
  beforeAll(async () => {
    h = await startHarness({ env: { QUEC_PAGE_SIZE: '2' } });
    expected = h.sim.store
      .authorizedProducts()
      .sort((a, b) => b.createTime - a.createTime)
      .map((p) => p.productKey);
  });
  afterAll(() => h.close());
  beforeEach(() => h.sim.log.clear());

  it('should have enough products for three upstream pages', () => {
    expect(expected.length).toBeGreaterThanOrEqual(5);
  });

  it('should list every product once, in upstream order, in one connection over several upstream pages', async () => {
    const { data, errors } = await h.execute<ProductPage>(PRODUCTS, { first: 100 });
    expect(errors).toBeUndefined();
    expect(data!.products.edges.map((e) => e.node.productKey)).toEqual(expected);
    expect(data!.products.totalCount).toBe(expected.length);
    const asked = h.sim.log.entries().filter((e) => e.endpoint === 'product.list');
    expect(asked.map((e) => e.query.pageNum).sort()).toEqual(Array.from({ length: Math.ceil(expected.length / 2) }, (_, i) => String(i + 1)));
    for (const entry of asked) expect(Object.keys(entry.query).sort()).toEqual(['pageNum', 'pageSize']);
  });

  it('should walk the list with cursors, one product at a time, without repeats or gaps', async () => {
    const keys: string[] = [];
    let after: string | null = null;
    for (let step = 0; step < 50; step += 1) {
      const result: { data?: ProductPage | null; errors?: unknown } = await h.execute<ProductPage>(PRODUCTS, { first: 1, after });
      expect(result.errors).toBeUndefined();
      keys.push(...result.data!.products.edges.map((e) => e.node.productKey));
      if (!result.data!.products.pageInfo.hasNextPage) break;
      after = result.data!.products.pageInfo.endCursor;
    }
    expect(keys).toEqual(expected);
  });
});
