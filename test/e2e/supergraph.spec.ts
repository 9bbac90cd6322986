import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createSiteServer, siteTypeDefs } from '../../examples/site-subgraph/subgraph';
import type { SiteRecord } from '../../examples/site-subgraph/data';
import { startHttpService, type HttpService } from '../helpers/http-service';
import { gatewaySdl } from '../helpers/gateway-sdl';

interface DeviceRef {
  productKey: string;
  deviceKey: string;
}

describe('supergraph: quec-graph + the example site subgraph behind @apollo/gateway', () => {
  let quec: HttpService;
  let sites: ApolloServer;
  let gateway: ApolloServer;
  let assigned: DeviceRef[];
  let productKey: string;

  beforeAll(async () => {
    quec = await startHttpService();
    // Pick real devices from our graph, so the sites reference keys that exist upstream.
    const listed = await quec.app.server.executeOperation(
      { query: '{ products(first: 1) { edges { node { productKey devices(first: 3) { edges { node { productKey deviceKey } } } } } } }' },
      { contextValue: quec.app.createContext() },
    );
    if (listed.body.kind !== 'single') throw new Error('expected a single result');
    const product = (listed.body.singleResult.data as any).products.edges[0].node;
    productKey = product.productKey;
    assigned = product.devices.edges.map((e: { node: DeviceRef }) => e.node);
    expect(assigned.length).toBeGreaterThanOrEqual(2);
    const siteRecords: SiteRecord[] = [
      { id: 'site-a', name: 'Alpha works', devices: [assigned[0]] },
      { id: 'site-b', name: 'Bravo yard', devices: assigned.slice(1) },
    ];
    sites = createSiteServer(siteRecords);
    const { url: sitesUrl } = await startStandaloneServer(sites, { listen: { port: 0, host: '127.0.0.1' } });

    const composed = composeServices([
      { name: 'quec', url: `${quec.url}/graphql`, typeDefs: parse(gatewaySdl(quec.app.schema)) },
      { name: 'sites', url: sitesUrl, typeDefs: parse(siteTypeDefs()) },
    ]);
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    gateway = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }) });
    await gateway.start();
  });

  afterAll(async () => {
    await gateway?.stop();
    await sites?.stop();
    await quec?.close();
  });

  async function run(query: string, variables?: Record<string, unknown>) {
    const response = await gateway.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as { data?: any; errors?: readonly { message: string }[] };
  }

  it('should compose both subgraphs into one supergraph', () => {
    const composed = composeServices([
      { name: 'quec', typeDefs: parse(printSubgraphSchema(quec.app.schema)) },
      { name: 'sites', typeDefs: parse(siteTypeDefs()) },
    ]);
    expect(composed.errors).toBeUndefined();
    expect(composed.supergraphSdl).toContain('join__type(graph: SITES, key: "productKey deviceKey")');
  });

  it('should resolve products -> devices -> site (ours, then theirs)', async () => {
    quec.sim.log.clear();
    const { data, errors } = await run(
      'query($pk: String!) { product(productKey: $pk) { name devices(first: 3) { edges { node { deviceKey status site { id name } } } } } }',
      { pk: productKey },
    );
    expect(errors).toBeUndefined();
    const nodes: Array<{ deviceKey: string; status: string; site: { id: string; name: string } | null }> = data.product.devices.edges.map(
      (e: any) => e.node,
    );
    expect(nodes.map((n) => n.deviceKey)).toEqual(assigned.map((d) => d.deviceKey));
    expect(nodes[0].site).toEqual({ id: 'site-a', name: 'Alpha works' });
    expect(nodes.slice(1).every((n) => n.site?.id === 'site-b')).toBe(true);
    expect(quec.sim.log.count()).toBeGreaterThan(0);
  });

  it('should resolve sites -> devices -> name/status/product (theirs, then ours through _entities)', async () => {
    quec.sim.log.clear();
    const { data, errors } = await run('{ sites { id name devices { productKey deviceKey name status product { productKey name accessType } } } }');
    expect(errors).toBeUndefined();
    expect(data.sites.map((s: { id: string }) => s.id)).toEqual(['site-a', 'site-b']);
    const devices = data.sites.flatMap((s: any) => s.devices);
    expect(devices).toHaveLength(assigned.length);
    for (const device of devices) {
      expect(device.productKey).toBe(productKey);
      expect(['ONLINE', 'OFFLINE']).toContain(device.status);
      expect(device.product).toMatchObject({ productKey, name: expect.any(String) });
    }
    // The device fields came from our subgraph, i.e. from the platform.
    expect(quec.sim.log.count()).toBeGreaterThan(0);
  });

  it('should go round trip: a site device back to its own site through both subgraphs', async () => {
    const { data, errors } = await run(
      '{ site(id: "site-b") { devices { deviceKey product { devices(first: 1) { edges { node { deviceKey site { id } } } } } } } }',
    );
    expect(errors).toBeUndefined();
    const first = data.site.devices[0].product.devices.edges[0].node;
    expect(first.site).toEqual({ id: 'site-a' });
  });
});
