import { type Harness, startHarness } from '../helpers/harness';
import { contractTally, takeContractViolations } from '../helpers/request-contract-setup';
import { upstreamStack } from '../helpers/upstream';

// The request-side contract check is installed for every unit, operations and e2e test file
// (test/helpers/request-contract-setup.ts). This file shows it is live: the client's requests are counted and
// checked, and a misnamed paging parameter sent through the real client is caught.

const PRODUCTS = '/v2/quecproductmgr/r3/openapi/products';

describe('request-side contract check', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { QUEC_PAGE_SIZE: '2' } });
  });
  afterAll(() => h.close());

  it('should page the product list past page one with pageNum, every request checked', async () => {
    const before = contractTally().checked;
    const { data, errors } = await h.execute<{ products: { totalCount: number; edges: Array<{ node: { productKey: string } }> } }>(
      '{ products(first: 100) { totalCount edges { node { productKey } } } }',
    );
    expect(errors).toBeUndefined();
    const authorized = h.sim.store.authorizedProducts().map((p) => p.productKey);
    expect(data!.products.edges.map((e) => e.node.productKey).sort()).toEqual([...authorized].sort());
    const pages = h.sim.log.entries().filter((e) => e.endpoint === 'product.list');
    expect(pages.map((e) => e.query.pageNum)).toEqual(Array.from({ length: Math.ceil(authorized.length / 2) }, (_, i) => String(i + 1)));
    expect(contractTally().checked - before).toBeGreaterThanOrEqual(pages.length);
    expect(takeContractViolations()).toEqual([]);
  });

  it('should catch pageNo sent through the real client', async () => {
    const { client } = upstreamStack(h.sim);
    await expect(client.request({ endpoint: 'product.list', method: 'GET', path: PRODUCTS, query: { pageNo: 2, pageSize: 2 } })).rejects.toThrow();
    expect(takeContractViolations()).toEqual([`GET ${PRODUCTS}: query parameter "pageNo" is not documented`]);
  });
});
