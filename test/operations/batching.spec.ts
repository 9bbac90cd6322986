import { WIDE_COST_BUDGET, startHarness, type Harness } from '../helpers/harness';

interface Row {
  node: {
    productKey: string;
    accessType: string;
    devices: { edges: Array<{ node: { deviceKey: string; product: { name: string }; gateway: { deviceKey: string } | null } }> };
  };
}

describe('batching: products -> devices -> product and gateway', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: WIDE_COST_BUDGET });
  });
  afterAll(() => h.close());

  it('should cost exactly the floor of upstream calls, with no detail call and no repeated call', async () => {
    // Warm the token first so the count below is of business calls only.
    await h.execute('{ products(first: 1) { totalCount } }');
    h.sim.log.clear();

    const { data, errors } = await h.execute<{ products: { edges: Row[] } }>(
      '{ products(first: 100) { edges { node { productKey accessType devices(first: 50) { edges { node { deviceKey product { name } gateway { deviceKey } } } } } } } }',
    );
    expect(errors).toBeUndefined();

    const products = data!.products.edges.map((e) => e.node);
    const subDevicesListed = products.filter((p) => p.accessType === 'SUB_DEVICE').reduce((n, p) => n + p.devices.edges.length, 0);
    expect(subDevicesListed).toBeGreaterThan(0);

    // The floor: one product page, one device page per product, and, because upstream has no batch call for it,
    // one current-gateway lookup per listed sub-device. Nothing else.
    expect(h.sim.log.counters()).toEqual({
      'product.list': 1,
      'device.overview': products.length,
      'gateway.ofChild': subDevicesListed,
    });
    const calls = h.sim.log.entries().map((e) => `${e.endpoint} ${JSON.stringify(e.query)}`);
    expect(new Set(calls).size).toBe(calls.length);
  });

  it('should fetch a product once per request however many devices point at it', async () => {
    const { data } = await h.execute<{ products: { edges: Array<{ node: { productKey: string } }> } }>(
      '{ products(first: 1) { edges { node { productKey } } } }',
    );
    const pk = data!.products.edges[0].node.productKey;
    h.sim.log.clear();
    const result = await h.execute('query($pk: String!) { devices(productKey: $pk, first: 40) { edges { node { product { name accessType } } } } }', {
      pk,
    });
    expect(result.errors).toBeUndefined();
    expect(h.sim.log.counters()).toEqual({ 'device.overview': 1, 'product.detail': 1 });
  });
});
