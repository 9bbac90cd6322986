import { ApolloServer, HeaderMap } from '@apollo/server';
import { cacheControlForGetPlugins } from '../../src/http/cache-control.plugin';

const typeDefs = `
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  type Query { catalogue: String @cacheControl(maxAge: 60) }
`;

describe('cache-control for GET requests only', () => {
  let server: ApolloServer;
  beforeAll(async () => {
    server = new ApolloServer({ typeDefs, resolvers: { Query: { catalogue: () => 'x' } }, plugins: cacheControlForGetPlugins() });
    await server.start();
  });
  afterAll(() => server.stop());

  async function cacheControlOf(method: 'GET' | 'POST'): Promise<string | undefined> {
    const headers = new HeaderMap([
      ['content-type', 'application/json'],
      ['apollo-require-preflight', 'true'],
    ]);
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest:
        method === 'GET'
          ? { method, headers, search: `?query=${encodeURIComponent('{ catalogue }')}`, body: undefined }
          : { method, headers, search: '', body: { query: '{ catalogue }' } },
      context: async () => ({}),
    });
    expect(result.status ?? 200).toBe(200);
    return result.headers.get('cache-control');
  }

  it('should turn the hints of a GET into a cache-control header', async () => {
    await expect(cacheControlOf('GET')).resolves.toBe('max-age=60, public');
  });

  it('should answer a POST no-store without computing hints', async () => {
    await expect(cacheControlOf('POST')).resolves.toBe('no-store');
  });
});
