import { createHash } from 'node:crypto';
import { startHttpService, type HttpService } from '../helpers/http-service';

const CATALOGUE =
  '{ products(first: 3) { totalCount pageInfo { hasNextPage } edges { node { id productKey name thingModel { properties { code name } } } } } }';
const WITH_DEVICES = '{ products(first: 1) { edges { node { productKey devices(first: 2) { edges { node { deviceKey status } } } } } } }';

function getUrl(base: string, params: Record<string, unknown>): string {
  const search = Object.entries(params).map(
    ([name, value]) => `${name}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`,
  );
  return `${base}/graphql?${search.join('&')}`;
}

async function cacheControlOf(response: Promise<Response>): Promise<{ status: number; cacheControl: string | null; errors?: unknown[] }> {
  const answer = await response;
  const body = (await answer.json()) as { errors?: unknown[] };
  return { status: answer.status, cacheControl: answer.headers.get('cache-control'), errors: body.errors };
}

const get = (base: string, query: string, headers: Record<string, string> = {}) =>
  cacheControlOf(fetch(getUrl(base, { query }), { headers: { 'apollo-require-preflight': 'true', ...headers } }));
const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  cacheControlOf(
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
  );

describe('HTTP cache headers', () => {
  describe('without inbound auth (default maxAge)', () => {
    let service: HttpService;
    beforeAll(async () => {
      service = await startHttpService();
    });
    afterAll(() => service.close());

    it('should answer a persisted catalogue query fetched by GET as public for 60 s', async () => {
      const hash = createHash('sha256').update(CATALOGUE).digest('hex');
      const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
      expect((await post(service.url, { query: CATALOGUE, extensions })).errors).toBeUndefined();
      const byHash = await cacheControlOf(fetch(getUrl(service.url, { extensions }), { headers: { 'apollo-require-preflight': 'true' } }));
      expect(byHash).toEqual({ status: 200, cacheControl: 'max-age=60, public', errors: undefined });
    });

    it('should answer no-store as soon as device data is selected', async () => {
      expect(await get(service.url, WITH_DEVICES)).toMatchObject({ status: 200, cacheControl: 'no-store' });
    });

    it('should answer no-store to personal fields and to administration reads', async () => {
      expect((await get(service.url, '{ endUsers(userDomain: "C.DM.1.1", first: 1) { edges { node { uid phone } } } }')).cacheControl).toBe(
        'no-store',
      );
      expect((await get(service.url, '{ messageQueues(first: 1) { totalCount } }')).cacheControl).toBe('no-store');
    });

    it('should answer no-store to a mutation, even one that returns catalogue types', async () => {
      const listed = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ projects(first: 1) { edges { node { id } } } }' }),
      }).then((r) => r.json() as Promise<{ data: { projects: { edges: Array<{ node: { id: string } }> } } }>);
      const id = listed.data.projects.edges[0].node.id;
      const answer = await post(service.url, {
        query: 'mutation($id: ID!) { updateProject(input: { id: $id, description: "cache probe" }) { id name description } }',
        variables: { id },
      });
      expect(answer).toEqual({ status: 200, cacheControl: 'no-store', errors: undefined });
    });

    it('should answer no-store (not a 500) when the operation name matches no operation', async () => {
      const answer = await post(service.url, { query: '{ products(first: 1) { totalCount } }', operationName: 'Nope' });
      expect(answer.status).toBe(400);
      expect(answer.cacheControl).toBe('no-store');
    });

    it('should answer no-store when the response carries errors', async () => {
      expect(await get(service.url, '{ product(productKey: "not a key") { name } }')).toMatchObject({ cacheControl: 'no-store' });
    });
  });

  describe('with API keys and a configured maxAge', () => {
    let service: HttpService;
    beforeAll(async () => {
      service = await startHttpService({ env: { AUTH_API_KEYS: 'cache-test-key-0123456789:read', CACHE_CATALOG_MAX_AGE_SECONDS: '300' } });
    });
    afterAll(() => service.close());

    it('should keep catalogue reads out of shared caches: private, with the configured maxAge', async () => {
      expect(await get(service.url, CATALOGUE, { 'x-api-key': 'cache-test-key-0123456789' })).toEqual({
        status: 200,
        cacheControl: 'max-age=300, private',
        errors: undefined,
      });
    });
  });

  it('should answer no-store to everything when the maxAge is 0', async () => {
    const service = await startHttpService({ env: { CACHE_CATALOG_MAX_AGE_SECONDS: '0' } });
    try {
      expect(await get(service.url, CATALOGUE)).toMatchObject({ status: 200, cacheControl: 'no-store' });
    } finally {
      await service.close();
    }
  });
});
