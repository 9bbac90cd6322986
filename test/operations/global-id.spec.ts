import { callerWith } from '../../src/auth/callers/caller';
import { encodeGlobalId } from '../../src/schema/global-id';
import { startHarness, type Harness } from '../helpers/harness';

interface DeviceNode {
  id: string;
  productKey: string;
  deviceKey: string;
}

describe('entity ids', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.execute('{ products(first: 1) { totalCount } }'); // signs in, so counts below are of data calls only
  });
  afterAll(() => h.close());

  async function devices(query: string) {
    const { data, errors } = await h.execute<{
      products: { edges: Array<{ node: { id: string; devices: { edges: Array<{ node: DeviceNode }> } } }> };
    }>(query);
    expect(errors).toBeUndefined();
    return data!.products.edges.flatMap((e) => e.node.devices.edges.map((d) => d.node));
  }

  it('should give every product and device a stable id, unique across types, at no upstream cost', async () => {
    const query = '{ products(first: 2) { edges { node { id productKey devices(first: 3) { edges { node { id productKey deviceKey } } } } } } }';
    h.sim.log.clear();
    await h.execute('{ products(first: 2) { edges { node { productKey devices(first: 3) { edges { node { productKey deviceKey } } } } } } }');
    const withoutIds = h.sim.log.counters();
    h.sim.log.clear();
    const first = await devices(query);
    expect(h.sim.log.counters()).toEqual(withoutIds);
    expect(await devices(query)).toEqual(first);
    for (const device of first) expect(device.id).toBe(encodeGlobalId('Device', [device.productKey, device.deviceKey]));
    const products = await h.execute<{ products: { edges: Array<{ node: { id: string } }> } }>('{ products(first: 2) { edges { node { id } } } }');
    const ids = [...first.map((d) => d.id), ...products.data!.products.edges.map((e) => e.node.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should resolve _entities by id at the same upstream cost as by key', async () => {
    const listed = await devices(
      '{ products(first: 100) { edges { node { id devices(first: 20) { edges { node { id productKey deviceKey } } } } } } }',
    );
    const picked = listed.filter((_, i) => i % 2 === 0).slice(0, 30);
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { id productKey deviceKey name status } } }';

    h.sim.log.clear();
    const byKey = await h.execute<{ _entities: Array<DeviceNode & { name: string }> }>(query, {
      r: picked.map(({ productKey, deviceKey }) => ({ __typename: 'Device', productKey, deviceKey })),
    });
    const keyCalls = h.sim.log.counters();
    h.sim.log.clear();
    const byId = await h.execute<{ _entities: Array<DeviceNode & { name: string }> }>(query, {
      r: picked.map(({ id }) => ({ __typename: 'Device', id })),
    });

    expect(byId.errors).toBeUndefined();
    expect(byId.data!._entities).toEqual(byKey.data!._entities);
    expect(byId.data!._entities.map((e) => e.id)).toEqual(picked.map((d) => d.id));
    expect(h.sim.log.counters()).toEqual(keyCalls);
    expect(h.sim.log.count()).toBeLessThan(picked.length);
  });

  it('should resolve a product and an end user by id', async () => {
    const [device] = await devices(
      '{ products(first: 1) { edges { node { id devices(first: 1) { edges { node { id productKey deviceKey } } } } } } }',
    );
    const domain = h.sim.store.admin.userDomains()[0].userDomain;
    const uid = h.sim.store.admin.users(domain)[0].uid;
    h.sim.log.clear();
    const { data, errors } = await h.execute<{ _entities: Array<Record<string, unknown>> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id productKey name } ... on EndUser { id uid status } } }',
      {
        r: [
          { __typename: 'Product', id: encodeGlobalId('Product', [device.productKey]) },
          { __typename: 'EndUser', id: encodeGlobalId('EndUser', [uid]) },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities[0]).toMatchObject({ id: encodeGlobalId('Product', [device.productKey]), productKey: device.productKey });
    expect(data!._entities[1]).toMatchObject({ id: encodeGlobalId('EndUser', [uid]), uid });
    expect(h.sim.log.count()).toBe(2);
  });

  it('should keep the pii scope on an end user reached by id', async () => {
    const domain = h.sim.store.admin.userDomains()[0].userDomain;
    const uid = h.sim.store.admin.users(domain)[0].uid;
    const { data, errors } = await h.execute<{ _entities: Array<Record<string, unknown>> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on EndUser { uid phone } } }',
      { r: [{ __typename: 'EndUser', id: encodeGlobalId('EndUser', [uid]) }] },
      callerWith('router', ['read'], true),
    );
    expect(data!._entities[0]).toEqual({ uid, phone: null });
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('should refuse an id of another type before any upstream call', async () => {
    h.sim.log.clear();
    const { errors } = await h.execute('query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { deviceKey } } }', {
      r: [{ __typename: 'Device', id: encodeGlobalId('Product', ['p1awgC']) }],
    });
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(h.sim.log.count()).toBe(0);
  });
});
