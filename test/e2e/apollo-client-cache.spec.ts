import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { DeviceSummaryFragmentDoc, ListProductsDocument, ProductDevicesDocument } from '../../src/generated/graphql';
import { startHttpService, type HttpService } from '../helpers/http-service';

/**
 * Apollo Client's default InMemoryCache (no typePolicies) against real responses: every entity has an `id`, so the
 * cache normalises products and devices by `__typename:id` without configuration (docs/clients.md).
 */
describe('Apollo Client InMemoryCache over real responses', () => {
  let service: HttpService;
  let client: ApolloClient;

  beforeAll(async () => {
    service = await startHttpService();
  });
  afterAll(() => service.close());
  beforeEach(() => {
    client = new ApolloClient({ link: new HttpLink({ uri: `${service.url}/graphql` }), cache: new InMemoryCache() });
  });

  const entries = (prefix: string) => Object.keys(client.cache.extract() as Record<string, unknown>).filter((key) => key.startsWith(prefix));

  it('should store each product and device once, by id, with DateTime as a string', async () => {
    const { data: products } = await client.query({ query: ListProductsDocument, variables: { first: 3 } });
    const productKey = products!.products.edges[0].node.productKey;
    const { data } = await client.query({ query: ProductDevicesDocument, variables: { productKey, first: 5 } });
    const product = data!.product!;
    // DateTime arrives as the string codegen types it as.
    const created: string | null = product.createdAt;
    expect(created === null || !Number.isNaN(Date.parse(created))).toBe(true);

    expect(entries('Product:').sort()).toEqual(products!.products.edges.map((e) => `Product:${e.node.id}`).sort());
    expect(entries('Device:').sort()).toEqual(product.devices.edges.map((e) => `Device:${e.node.id}`).sort());
    expect(product.devices.edges.length).toBeGreaterThan(1);
  });

  it('should show an update of one device in every query that lists it', async () => {
    const { data: products } = await client.query({ query: ListProductsDocument, variables: { first: 1 } });
    const productKey = products!.products.edges[0].node.productKey;
    const variables = { productKey, first: 3 };
    const { data } = await client.query({ query: ProductDevicesDocument, variables });
    const device = data!.product!.devices.edges[1].node;
    const flipped = device.status === 'ONLINE' ? 'OFFLINE' : 'ONLINE';

    client.cache.writeFragment({
      id: client.cache.identify(device),
      fragment: DeviceSummaryFragmentDoc,
      data: { ...device, status: flipped },
    });
    const again = client.cache.readQuery({ query: ProductDevicesDocument, variables });
    expect(again!.product!.devices.edges[1].node.status).toBe(flipped);
  });

  it('should normalise a selection that omits the key fields', async () => {
    const { data, error } = await client.query({ query: gql`{ products(first: 2) { edges { node { id name } } } }` });
    expect(error).toBeUndefined();
    expect((data as { products: { edges: unknown[] } }).products.edges).toHaveLength(2);
    expect(entries('Product:')).toHaveLength(2);
  });
});
