import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { parse } from 'graphql';
import { encodeGlobalId } from '../../src/schema/global-id';
import { createRelayServer, relayTypeDefs, type TicketRecord } from '../fixtures/relay-subgraph/subgraph';
import { gatewaySdl } from '../helpers/gateway-sdl';
import { startHttpService, type HttpService } from '../helpers/http-service';

interface DeviceRef {
  productKey: string;
  deviceKey: string;
}

/**
 * quec-graph next to a third-party-style Relay subgraph (test/fixtures/relay-subgraph): its own `PageInfo @shareable`,
 * `Node` interface with `node(id:)`, `DateTime` and a `Device` extension by key, behind `@apollo/gateway`.
 */
describe('supergraph: quec-graph + a Relay-style subgraph behind @apollo/gateway', () => {
  let quec: HttpService;
  let relay: ApolloServer;
  let gateway: ApolloServer;
  let composed: ReturnType<typeof composeServices>;
  let productKey: string;
  let devices: DeviceRef[];
  let tickets: TicketRecord[];

  beforeAll(async () => {
    quec = await startHttpService();
    const listed = await quec.app.server.executeOperation(
      { query: '{ products(first: 1) { edges { node { productKey devices(first: 2) { edges { node { productKey deviceKey } } } } } } }' },
      { contextValue: quec.app.createContext() },
    );
    if (listed.body.kind !== 'single') throw new Error('expected a single result');
    const product = (listed.body.singleResult.data as any).products.edges[0].node;
    productKey = product.productKey;
    devices = product.devices.edges.map((e: { node: DeviceRef }) => e.node);
    expect(devices).toHaveLength(2);
    tickets = [
      { id: 'T-3', title: 'Replace antenna', openedAt: '2026-03-02T08:00:00.000Z', device: devices[1] },
      { id: 'T-2', title: 'Battery low', openedAt: '2026-03-01T08:00:00.000Z', device: devices[1] },
      { id: 'T-1', title: 'Enclosure cracked', openedAt: '2026-02-27T08:00:00.000Z', device: devices[0] },
    ];
    relay = createRelayServer(tickets);
    const { url: relayUrl } = await startStandaloneServer(relay, { listen: { port: 0, host: '127.0.0.1' } });
    composed = composeServices([
      { name: 'quec', url: `${quec.url}/graphql`, typeDefs: parse(gatewaySdl(quec.app.schema)) },
      { name: 'tickets', url: relayUrl, typeDefs: parse(relayTypeDefs()) },
    ]);
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    gateway = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }) });
    await gateway.start();
    // Signs in once, so the counts below are of data calls only.
    await quec.app.server.executeOperation({ query: '{ products(first: 1) { totalCount } }' }, { contextValue: quec.app.createContext() });
  });

  afterAll(async () => {
    await gateway?.stop();
    await relay?.stop();
    await quec?.close();
  });

  async function run(query: string, variables?: Record<string, unknown>) {
    const response = await gateway.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as { data?: any; errors?: readonly { message: string }[] };
  }

  it('should compose, and fail to compose when our PageInfo is not shareable', () => {
    // The gateway's composition above (a composition of our large schema costs about half a second of CPU).
    expect(composed.errors).toBeUndefined();
    expect(composed.supergraphSdl).toMatch(/type Device implements Node/);

    const ours = gatewaySdl(quec.app.schema);

    const unshared = ours.replace(/type PageInfo\s+@shareable/, 'type PageInfo');
    expect(unshared).not.toBe(ours);
    const broken = composeServices([
      { name: 'quec', typeDefs: parse(unshared) },
      { name: 'tickets', typeDefs: parse(relayTypeDefs()) },
    ]);
    expect(broken.errors?.map((e) => e.message).join('\n')).toMatch(/Non-shareable field "PageInfo\.hasNextPage"/);
  });

  it('should resolve tickets -> device -> product (theirs, then ours through _entities)', async () => {
    quec.sim.log.clear();
    const { data, errors } = await run(
      '{ tickets(first: 3) { pageInfo { hasNextPage endCursor } edges { node { id title openedAt device { id deviceKey name status product { id name } } } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data.tickets.pageInfo).toEqual({ hasNextPage: false, endCursor: 'T-1' });
    const nodes = data.tickets.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.device.deviceKey)).toEqual([devices[1].deviceKey, devices[1].deviceKey, devices[0].deviceKey]);
    for (const node of nodes) {
      expect(node.device.id).toBe(encodeGlobalId('Device', [productKey, node.device.deviceKey]));
      expect(['ONLINE', 'OFFLINE']).toContain(node.device.status);
      expect(node.device.product).toEqual({ id: encodeGlobalId('Product', [productKey]), name: expect.any(String) });
    }
    // Two distinct devices of one product: two detail calls (deduplicated), then one product.
    expect(quec.sim.log.counters()).toEqual({ 'device.detail': 2, 'product.detail': 1 });
  });

  it('should resolve products -> devices -> tickets (ours, then theirs) with both PageInfos', async () => {
    quec.sim.log.clear();
    const { data, errors } = await run(
      'query($pk: String!) { product(productKey: $pk) { devices(first: 2) { pageInfo { hasNextPage } edges { node { id deviceKey tickets(first: 1) { pageInfo { hasNextPage } edges { node { title } } } } } } } }',
      { pk: productKey },
    );
    expect(errors).toBeUndefined();
    const nodes = data.product.devices.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.deviceKey)).toEqual(devices.map((d) => d.deviceKey));
    expect(nodes[0].tickets).toEqual({ pageInfo: { hasNextPage: false }, edges: [{ node: { title: 'Enclosure cracked' } }] });
    expect(nodes[1].tickets).toEqual({ pageInfo: { hasNextPage: true }, edges: [{ node: { title: 'Replace antenna' } }] });
    expect(quec.sim.log.counters()).toEqual({ 'product.detail': 1, 'device.overview': 1 });
  });

  it('should answer their node(id:) for our Device and Product ids from our subgraph', async () => {
    const [device] = devices;
    quec.sim.log.clear();
    const { data, errors } = await run(
      'query($d: ID!, $p: ID!) { d: node(id: $d) { id ... on Device { deviceKey name tickets { edges { node { id } } } } } p: node(id: $p) { id ... on Product { productKey name } } }',
      { d: encodeGlobalId('Device', [device.productKey, device.deviceKey]), p: encodeGlobalId('Product', [productKey]) },
    );
    expect(errors).toBeUndefined();
    expect(data.d).toEqual({
      id: encodeGlobalId('Device', [device.productKey, device.deviceKey]),
      deviceKey: device.deviceKey,
      name: expect.any(String),
      tickets: { edges: [{ node: { id: 'T-1' } }] },
    });
    expect(data.p).toEqual({ id: encodeGlobalId('Product', [productKey]), productKey, name: expect.any(String) });
    expect(quec.sim.log.counters()).toEqual({ 'device.detail': 1, 'product.detail': 1 });
  });
});
