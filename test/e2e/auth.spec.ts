import { SignJWT } from 'jose';
import { startHttpService, type HttpService } from '../helpers/http-service';
import { leaveAll, subscribe, wsClient } from '../helpers/ws-client';

const JWT_SECRET = 'e2e-shared-hs256-secret-0123456789abcdef';
const ROUTER_SECRET = 'e2e-router-secret-0123456789';
const ISSUER = 'https://issuer.e2e.test';
const AUDIENCE = 'quec-graph';
const READER_KEY = 'reader-key-0123456789';
const OPERATOR_KEY = 'operator-key-0123456789';

function token(scope: string, audience = AUDIENCE): Promise<string> {
  return new SignJWT({ scope })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(JWT_SECRET));
}

async function post(service: HttpService, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: any[] } };
}

describe('inbound auth over HTTP', () => {
  let service: HttpService;
  beforeAll(async () => {
    service = await startHttpService({
      env: {
        AUTH_API_KEYS: `${READER_KEY}:read,${OPERATOR_KEY}:read+control`,
        AUTH_JWT_SECRET: JWT_SECRET,
        AUTH_JWT_ISSUER: ISSUER,
        AUTH_JWT_AUDIENCE: AUDIENCE,
        ROUTER_SECRET,
      },
    });
  });
  afterAll(() => service.close());
  beforeEach(() => service.sim.log.clear());
  afterEach(() => leaveAll());

  const productKey = () => service.sim.store.products()[0].productKey;

  it('should answer 401 UNAUTHENTICATED to an anonymous caller before any upstream call', async () => {
    const { status, headers, body } = await post(service, '{ products(first: 1) { totalCount } }');
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toContain('Bearer');
    expect(body.errors!.map((e) => e.extensions)).toEqual([{ code: 'UNAUTHENTICATED' }]);
    expect(service.sim.log.count()).toBe(0);
  });

  it('should answer a query to a caller with a real JWT holding read', async () => {
    const { status, body } = await post(service, '{ products(first: 1) { totalCount } }', { authorization: `Bearer ${await token('read')}` });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.products.totalCount).toBeGreaterThan(0);
  });

  it('should refuse a JWT for another audience and an unknown API key with 401 and 0 upstream calls', async () => {
    const wrongAudience = await post(service, '{ products(first: 1) { totalCount } }', {
      authorization: `Bearer ${await token('read', 'another-service')}`,
    });
    const unknownKey = await post(service, '{ products(first: 1) { totalCount } }', { 'x-api-key': 'not-a-configured-key' });
    expect([wrongAudience.status, unknownKey.status]).toEqual([401, 401]);
    expect([wrongAudience.body.errors![0].extensions.code, unknownKey.body.errors![0].extensions.code]).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
    expect(service.sim.log.count()).toBe(0);
  });

  it('should refuse a mutation to a read caller with FORBIDDEN and no downlink', async () => {
    const mutation = `mutation { deleteDevice(productKey: "${productKey()}", deviceKey: "000000000000001") { deviceKey } }`;
    const { body } = await post(service, mutation, { 'x-api-key': READER_KEY });
    expect(body.errors!.map((e) => ({ code: e.extensions.code, requiredScopes: e.extensions.requiredScopes }))).toEqual([
      { code: 'FORBIDDEN', requiredScopes: ['admin'] },
    ]);
    expect(service.sim.log.count()).toBe(0);
  });

  it('should never echo a presented credential in a response', async () => {
    const jwt = await token('read', 'another-service');
    const responses = [
      await post(service, '{ products(first: 1) { totalCount } }', { authorization: `Bearer ${jwt}` }),
      await post(service, '{ products(first: 1) { totalCount } }', { 'x-api-key': 'a-wrong-key-that-must-not-echo' }),
      await post(service, '{ _service { sdl } }', { 'x-router-secret': 'a-wrong-router-secret-value', 'x-api-key': READER_KEY }),
    ];
    const text = JSON.stringify(responses.map((r) => r.body));
    for (const secret of [jwt, 'a-wrong-key-that-must-not-echo', 'a-wrong-router-secret-value', READER_KEY, ROUTER_SECRET])
      expect(text).not.toContain(secret);
  });

  describe('router-only paths', () => {
    const representations = () => `[{ __typename: "Product", productKey: "${productKey()}" }]`;

    it('should refuse _service and _entities without the router secret with FORBIDDEN and 0 upstream calls', async () => {
      const sdl = await post(service, '{ _service { sdl } }', { 'x-api-key': OPERATOR_KEY });
      const entities = await post(service, `{ _entities(representations: ${representations()}) { ... on Product { name } } }`, {
        'x-api-key': OPERATOR_KEY,
      });
      expect([sdl.status, entities.status]).toEqual([403, 403]);
      expect([sdl.body.errors![0].extensions.code, entities.body.errors![0].extensions.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect(service.sim.log.count()).toBe(0);
    });

    it('should refuse a router-only field hidden in a fragment', async () => {
      const { body } = await post(service, 'query { ...Sdl } fragment Sdl on Query { _service { sdl } }', { 'x-api-key': OPERATOR_KEY });
      expect(body.errors![0].extensions.code).toBe('FORBIDDEN');
    });

    it('should answer _service and _entities to the router', async () => {
      const sdl = await post(service, '{ _service { sdl } }', { 'x-router-secret': ROUTER_SECRET, 'x-api-key': READER_KEY });
      expect(sdl.body.data._service.sdl).toContain('@requiresScopes');
      const entities = await post(service, `{ _entities(representations: ${representations()}) { ... on Product { productKey } } }`, {
        'x-router-secret': ROUTER_SECRET,
        authorization: `Bearer ${await token('read')}`,
      });
      expect(entities.body.errors).toBeUndefined();
      expect(entities.body.data._entities).toEqual([{ productKey: productKey() }]);
    });

    it('should refuse _entities to the router alone when clients authenticate themselves (their credential must be forwarded)', async () => {
      const { body } = await post(service, `{ _entities(representations: ${representations()}) { ... on Product { productKey } } }`, {
        'x-router-secret': ROUTER_SECRET,
      });
      expect(body.errors![0].extensions).toEqual({ code: 'FORBIDDEN', requiredScopes: ['read'] });
      expect(service.sim.log.count()).toBe(0);
    });

    it('should refuse a wrong router secret with UNAUTHENTICATED', async () => {
      const { status, body } = await post(service, '{ _service { sdl } }', { 'x-router-secret': `${ROUTER_SECRET}-wrong`, 'x-api-key': READER_KEY });
      expect(status).toBe(401);
      expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('subscriptions over graphql-ws', () => {
    const query = 'subscription { deviceMessages { type } }';

    it('should close an anonymous connection with 4401 Unauthorized', async () => {
      const closes: number[] = [];
      const result = await subscribe(wsClient(service.url, closes), query)
        .next()
        .catch((error: unknown) => error);
      expect(result).toBeDefined();
      expect(closes).toEqual([4401]);
    });

    it('should close a connection with a wrong key with 4401', async () => {
      const closes: number[] = [];
      await subscribe(wsClient(service.url, closes, { 'x-api-key': 'not-a-configured-key' }), query)
        .next()
        .catch(() => undefined);
      expect(closes).toEqual([4401]);
    });

    it("should authenticate from connectionParams and check the subscription's scope", async () => {
      const reader = await subscribe(wsClient(service.url, [], { authorization: `Bearer ${await token('read')}` }), query).failure();
      // Past authorization: this deployment has no push channel.
      expect(reader.errors![0].extensions?.code).toBe('PUSH_NOT_CONFIGURED');
      const controlOnly = await subscribe(wsClient(service.url, [], { authorization: `Bearer ${await token('control')}` }), query).failure();
      expect(controlOnly.errors![0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});

describe('without any auth configured', () => {
  let service: HttpService;
  beforeAll(async () => {
    service = await startHttpService();
  });
  afterAll(() => service.close());

  it('should trust a local caller with every scope, as before', async () => {
    const { body } = await post(service, '{ _service { sdl } }');
    expect(body.errors).toBeUndefined();
    expect(body.data._service.sdl).toContain('type Query');
  });
});
