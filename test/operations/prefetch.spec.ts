import { startHarness, type Harness } from '../helpers/harness';

/**
 * A child field that needs only its parent's arguments is read beside the parent, not one upstream round trip after
 * it. With every simulator answer held back LATENCY_MS, a call sent only after another's answer arrives at least
 * LATENCY_MS after it; calls sent together arrive within a few milliseconds.
 */
const LATENCY_MS = 150;

describe('children read beside their parent', () => {
  let h: Harness;
  let productKey: string;
  let device: { productKey: string; deviceKey: string };

  beforeAll(async () => {
    h = await startHarness();
    const { data } = await h.execute<{
      products: { edges: Array<{ node: { productKey: string; devices: { edges: Array<{ node: { deviceKey: string } }> } } }> };
    }>('{ products(first: 20) { edges { node { productKey devices(first: 1) { edges { node { deviceKey } } } } } } }');
    const withDevice = data!.products.edges.map((e) => e.node).find((p) => p.devices.edges.length > 0)!;
    productKey = withDevice.productKey;
    device = { productKey, deviceKey: withDevice.devices.edges[0].node.deviceKey };
    h.sim.setLatency(LATENCY_MS);
  });
  afterAll(() => h.close());
  beforeEach(() => h.sim.log.clear());

  /** Arrival time of each endpoint's first call in the simulator's log. */
  function arrivals(): Record<string, number> {
    const first: Record<string, number> = {};
    for (const entry of h.sim.log.entries()) first[entry.endpoint] ??= entry.at;
    return first;
  }

  it('should ask for the product, its device page and its thing model together', async () => {
    const { data, errors } = await h.execute<{ product: { name: string; devices: { totalCount: number } } }>(
      'query($pk: String!) { product(productKey: $pk) { name devices(first: 5) { totalCount } thingModel { __typename } } }',
      { pk: productKey },
    );
    expect(errors).toBeUndefined();
    expect(data!.product.devices.totalCount).toBeGreaterThan(0);
    expect(h.sim.log.counters()).toEqual({ 'product.detail': 1, 'device.overview': 1, 'tsl.export': 1 });
    const at = arrivals();
    expect(Math.abs(at['device.overview'] - at['product.detail'])).toBeLessThan(LATENCY_MS);
    expect(Math.abs(at['tsl.export'] - at['product.detail'])).toBeLessThan(LATENCY_MS);
  });

  it('should ask for a device and its product together', async () => {
    const { data, errors } = await h.execute<{ device: { product: { name: string } } }>(
      'query($pk: String!, $dk: String!) { device(productKey: $pk, deviceKey: $dk) { name product { name } } }',
      { pk: device.productKey, dk: device.deviceKey },
    );
    expect(errors).toBeUndefined();
    expect(data!.device.product.name).toEqual(expect.any(String));
    expect(h.sim.log.count('product.detail')).toBe(1);
    const at = arrivals();
    const deviceCall = at['device.detail'] ?? at['device.overview'];
    expect(Math.abs(at['product.detail'] - deviceCall)).toBeLessThan(LATENCY_MS);
  });

  it('should read the same pages once when a fragment and an alias select the same device list', async () => {
    const { errors } = await h.execute(
      'query($pk: String!) { product(productKey: $pk) { ...Devices more: devices(first: 5) { totalCount } } } fragment Devices on Product { devices(first: 5) { totalCount } }',
      { pk: productKey },
    );
    expect(errors).toBeUndefined();
    expect(h.sim.log.counters()).toEqual({ 'product.detail': 1, 'device.overview': 1 });
  });

  it('should read nothing early for a child the operation skips', async () => {
    const { errors } = await h.execute(
      'query($pk: String!, $no: Boolean!) { product(productKey: $pk) { name devices(first: 5) @include(if: $no) { totalCount } thingModel @skip(if: true) { __typename } } }',
      { pk: productKey, no: false },
    );
    expect(errors).toBeUndefined();
    expect(h.sim.log.counters()).toEqual({ 'product.detail': 1 });
  });

  it('should read nothing early for arguments that fail validation, and report them as the field always did', async () => {
    const { errors } = await h.execute('query($pk: String!) { product(productKey: $pk) { name devices(first: 0) { totalCount } } }', {
      pk: productKey,
    });
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(h.sim.log.counters()).toEqual({ 'product.detail': 1 });
  });

  it('should report an unknown product as null, its early device read costing no error', async () => {
    const { data, errors } = await h.execute('{ product(productKey: "p1zzzzzz") { name devices(first: 5) { totalCount } } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ product: null });
  });
});
