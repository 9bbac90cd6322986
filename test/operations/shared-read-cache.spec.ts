import { FakePushSource, pushBody } from '../fakes/fake-push-source';
import { startHarness, type Harness } from '../helpers/harness';

const CACHE_ON = { CACHE_PRODUCTS_TTL_MS: '300000', CACHE_THING_MODELS_TTL_MS: '300000', CACHE_DEVICES_TTL_MS: '300000' };

/** A device page as a dashboard shows it: each device's detail, product and thing model. */
const DASHBOARD = `query($pk: String!, $dk: String!) {
  device(productKey: $pk, deviceKey: $dk) { name sn product { name thingModel { properties { code } } } }
}`;

describe('shared reads of what rarely changes (CACHE_*_TTL_MS)', () => {
  let h: Harness;
  let pk: string;
  let dk: string;
  beforeAll(async () => {
    h = await startHarness({ env: CACHE_ON });
    const { data } = await h.execute<{
      products: { edges: Array<{ node: { productKey: string; devices: { edges: Array<{ node: { deviceKey: string } }> } } }> };
    }>('{ products(first: 5) { edges { node { productKey devices(first: 1) { edges { node { deviceKey } } } } } } }');
    const withDevice = data!.products.edges.find((e) => e.node.devices.edges.length > 0)!.node;
    pk = withDevice.productKey;
    dk = withDevice.devices.edges[0].node.deviceKey;
  });
  afterAll(() => h.close());
  beforeEach(() => h.sim.log.clear());

  it('should answer a repeated dashboard read without any detail or thing-model call', async () => {
    const first = await h.execute(DASHBOARD, { pk, dk });
    expect(first.errors).toBeUndefined();
    expect(h.sim.log.counters()).toEqual({ 'device.detail': 1, 'product.detail': 1, 'tsl.export': 1 });
    h.sim.log.clear();
    for (let run = 0; run < 3; run++) {
      const again = await h.execute(DASHBOARD, { pk, dk });
      expect(again.data).toEqual(first.data);
    }
    expect(h.sim.log.counters()).toEqual({});
  });

  it('should let concurrent identical reads share one platform call', async () => {
    await h.app.cache.clear();
    // Log in again first, so the count below is of reads only.
    await h.execute('{ products(first: 1) { totalCount } }');
    h.sim.log.clear();
    const answers = await Promise.all(Array.from({ length: 5 }, () => h.execute(DASHBOARD, { pk, dk })));
    expect(answers.every((a) => a.errors === undefined)).toBe(true);
    expect(h.sim.log.counters()).toEqual({ 'device.detail': 1, 'product.detail': 1, 'tsl.export': 1 });
  });

  it('should show a change made through the API on the next read', async () => {
    await h.execute(DASHBOARD, { pk, dk });
    const name = `renamed-${Date.now()}`;
    const update = await h.execute('mutation($input: UpdateDeviceInput!) { updateDevice(input: $input) { name } }', {
      input: { productKey: pk, deviceKey: dk, name },
    });
    expect(update.errors).toBeUndefined();
    h.sim.log.clear();
    const { data } = await h.execute<{ device: { name: string } }>(DASHBOARD, { pk, dk });
    expect(data!.device.name).toBe(name);
    // The mutation's own answer read the device again after the write dropped it, and that fresh copy is shared.
    expect(h.sim.log.counters()).toEqual({});
  });
});

describe('shared reads and the push channel', () => {
  it('should read a device again after the push channel reports it went offline', async () => {
    const source = new FakePushSource();
    const h = await startHarness({ env: CACHE_ON, overrides: { pushSource: source } });
    try {
      const { data } = await h.execute<{
        products: { edges: Array<{ node: { productKey: string; devices: { edges: Array<{ node: { deviceKey: string } }> } } }> };
      }>('{ products(first: 5) { edges { node { productKey devices(first: 1) { edges { node { deviceKey } } } } } } }');
      const node = data!.products.edges.find((e) => e.node.devices.edges.length > 0)!.node;
      const ref = { pk: node.productKey, dk: node.devices.edges[0].node.deviceKey };
      await h.execute(DASHBOARD, ref);
      await h.execute(DASHBOARD, ref);
      h.sim.log.clear();
      source.emit(pushBody({ type: 'ONLINE', subtype: undefined, productKey: ref.pk, deviceKey: ref.dk, data: { value: 0 } }));
      // The store's delete settles within the same turn of the event loop as the message.
      await new Promise((resolve) => setImmediate(resolve));
      await h.execute(DASHBOARD, ref);
      expect(h.sim.log.counters()).toEqual({ 'device.detail': 1 });
    } finally {
      await h.close();
    }
  });
});

describe('shared reads when not configured (the default)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('should read the platform on every request', async () => {
    const { data } = await h.execute<{ products: { edges: Array<{ node: { productKey: string } }> } }>(
      '{ products(first: 1) { edges { node { productKey } } } }',
    );
    const productKey = data!.products.edges[0].node.productKey;
    h.sim.log.clear();
    for (let run = 0; run < 2; run++) await h.execute('query($pk: String!) { product(productKey: $pk) { name } }', { pk: productKey });
    expect(h.sim.log.counters()).toEqual({ 'product.detail': 2 });
  });
});
