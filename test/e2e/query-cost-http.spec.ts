import { startHttpService, type HttpService } from '../helpers/http-service';

describe('cost refusals over HTTP', () => {
  let service: HttpService;

  beforeAll(async () => {
    service = await startHttpService();
  });
  afterAll(() => service.close());

  async function post(query: string) {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> },
    };
  }

  it('should answer an over-budget operation with 400, QUERY_TOO_COMPLEX and its cost, not a 5xx', async () => {
    const { status, body } = await post(
      '{ products(first: 100) { edges { node { devices(first: 100) { edges { node { resources { battery } } } } } } } }',
    );
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', cost: { kind: 'upstreamCalls', estimated: 10101, limit: 500 } });
  });

  it('should keep serving normal operations after a refusal', async () => {
    await post(`{ ${Array.from({ length: 60 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    const { status, body } = await post('{ products(first: 1) { totalCount } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
