import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { startHarness, type Harness } from '../helpers/harness';

describe('federation', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('should expose an SDL through _service that composes into a supergraph', async () => {
    const { data, errors } = await h.execute<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(errors).toBeUndefined();
    const sites = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Device @key(fields: "productKey deviceKey") { productKey: String! deviceKey: String! site: String }
      type Query { siteNames: [String!]! }
    `);
    const result = composeServices([
      { name: 'quec', typeDefs: parse(data!._service.sdl), url: 'http://quec.invalid/graphql' },
      { name: 'sites', typeDefs: sites, url: 'http://sites.invalid/graphql' },
    ]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.supergraphSdl).toContain('type Device');
  });

  async function deviceKeysOfEveryProduct(perProduct: number) {
    const { data } = await h.execute<{
      products: { edges: Array<{ node: { devices: { edges: Array<{ node: { productKey: string; deviceKey: string } }> } } }> };
    }>(`{ products(first: 100) { edges { node { devices(first: ${perProduct}) { edges { node { productKey deviceKey } } } } } } }`);
    return data!.products.edges.flatMap((e) => e.node.devices.edges.map((d) => d.node));
  }

  it('should resolve 100 Device representations in fewer upstream calls than entities', async () => {
    const all = await deviceKeysOfEveryProduct(100);
    // Take devices from every product, including ones that sit beyond the first upstream page.
    const picked = all.filter((_, i) => i % 3 === 0).slice(0, 100);
    expect(picked).toHaveLength(100);
    h.sim.log.clear();

    const { data, errors } = await h.execute<{ _entities: Array<{ productKey: string; deviceKey: string; name: string; status: string } | null> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { productKey deviceKey name status } } }',
      { r: picked.map((d) => ({ __typename: 'Device', ...d })) },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities.map((e) => e && `${e.productKey}/${e.deviceKey}`)).toEqual(picked.map((d) => `${d.productKey}/${d.deviceKey}`));
    for (const entity of data!._entities) expect(['ONLINE', 'OFFLINE']).toContain(entity!.status);

    const calls = h.sim.log.count();
    expect(calls).toBeLessThan(100);
    expect(h.sim.log.count('auth.login')).toBe(0);
    // Printed so a reviewer sees the plan's cost next to the entity count.
    process.stdout.write(`_entities(100 devices): ${calls} upstream calls ${JSON.stringify(h.sim.log.counters())}\n`);
  });

  it('should use detail calls when only one or two devices of a product are wanted', async () => {
    const [first] = await deviceKeysOfEveryProduct(1);
    h.sim.log.clear();
    const { data } = await h.execute<{ _entities: Array<{ name: string } | null> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { name } } }',
      { r: [{ __typename: 'Device', ...first }] },
    );
    expect(data!._entities[0]).not.toBeNull();
    expect(h.sim.log.counters()).toEqual({ 'device.detail': 1 });
  });

  it('should answer null for an unknown device and a coded error for a malformed key', async () => {
    const [known] = await deviceKeysOfEveryProduct(1);
    const { data, errors } = await h.execute<{ _entities: Array<unknown> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { deviceKey } } }',
      {
        r: [
          { __typename: 'Device', productKey: known.productKey, deviceKey: 'NO_SUCH_DEVICE_1' },
          { __typename: 'Device', productKey: known.productKey, deviceKey: 'bad key with spaces' },
          { __typename: 'Device', ...known },
        ],
      },
    );
    expect(data!._entities[0]).toBeNull();
    expect(data!._entities[1]).toBeNull();
    expect(data!._entities[2]).toEqual({ deviceKey: known.deviceKey });
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errors![0].path).toEqual(['_entities', 1]);
  });

  it('should refuse a representation of no entity type with a coded error, leaving no rejected reference behind', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const { data, errors } = await h.execute<{ _entities: Array<unknown> }>(
        'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
        { r: [{ __typename: 'Device', productKey: "' OR 1=1", deviceKey: '../x' }, { __typename: 'Nope' }, { notATypename: 1 }] },
      );
      // Unhandled rejections are reported after the microtask queue drains: give it two turns.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(data?._entities ?? null).toBeNull();
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(errors![0].message).toMatch(/representations\[1\]/);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('should resolve Product representations through the product loader', async () => {
    const { data: list } = await h.execute<{ products: { edges: Array<{ node: { productKey: string; name: string } }> } }>(
      '{ products(first: 2) { edges { node { productKey name } } } }',
    );
    const keys = list!.products.edges.map((e) => e.node);
    const { data, errors } = await h.execute<{ _entities: Array<{ name: string } | null> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { productKey name } } }',
      { r: [...keys.map((k) => ({ __typename: 'Product', productKey: k.productKey })), { __typename: 'Product', productKey: 'pZZZZZ9' }] },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([...keys, null]);
  });
});
