import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postGraphQL, startService, type RunningService } from '../helpers/process';

const ROUTER_SECRET = 'router-secret-for-tests-0123456789';
/** A router secret turns inbound auth on, so the first service's ordinary callers present an API key. */
const API_KEY = 'production-test-key-0123456789';
const PRODUCTS = '{ products(first: 1) { totalCount } }';

function opsUrlOf(service: RunningService): string {
  const match = /"ops":"(http:\/\/[^"]+)"/.exec(service.output());
  if (!match) throw new Error(`no ops URL in the ready line:\n${service.output()}`);
  return match[1];
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[]; extensions?: any } };
}

describe('NODE_ENV=production', () => {
  let service: RunningService;
  let graphql: string;
  beforeAll(async () => {
    service = await startService({ NODE_ENV: 'production', ROUTER_SECRET, AUTH_API_KEYS: `${API_KEY}:read`, OPS_PORT: '0', MAX_BODY_BYTES: '65536' });
    graphql = `${service.url}/graphql`;
  });
  const asCaller = (body: unknown, headers: Record<string, string> = {}) => post(graphql, body, { 'x-api-key': API_KEY, ...headers });
  afterAll(async () => {
    await service.stop();
  });

  describe('schema exposure', () => {
    it('should refuse introspection with a coded error', async () => {
      const { status, body } = await asCaller({ query: '{ __schema { types { name } } }' });
      expect(status).toBe(400);
      expect(body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.data).toBeUndefined();
    });

    it('should not suggest field names', async () => {
      const { body } = await asCaller({ query: '{ prodcts(first: 1) { totalCount } }' });
      expect(body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
    });

    it('should not serve the Sandbox landing page', async () => {
      const response = await fetch(graphql, { headers: { accept: 'text/html', 'apollo-require-preflight': 'true' } });
      expect(await response.text()).not.toMatch(/sandbox/i);
    });

    it('should not serve GraphiQL or its assets', async () => {
      expect((await fetch(`${service.url}/graphiql`)).status).toBe(404);
      expect((await fetch(`${service.url}/graphiql/assets/graphiql.js`)).status).toBe(404);
    });
  });

  describe('federated traces', () => {
    const traced = { 'apollo-federation-include-trace': 'ftv1' };

    it('should not include ftv1 for a caller without the router secret', async () => {
      const { body } = await asCaller({ query: PRODUCTS }, traced);
      expect(body.data.products.totalCount).toBeGreaterThan(0);
      expect(body.extensions?.ftv1).toBeUndefined();
    });

    it('should not include ftv1 for a wrong router secret', async () => {
      const { body } = await asCaller({ query: PRODUCTS }, { ...traced, 'x-router-secret': `${ROUTER_SECRET}x` });
      expect(body.extensions?.ftv1).toBeUndefined();
    });

    it('should include ftv1 for the router', async () => {
      const { body } = await asCaller({ query: PRODUCTS }, { ...traced, 'x-router-secret': ROUTER_SECRET });
      expect(typeof body.extensions?.ftv1).toBe('string');
    });
  });

  describe('ops port', () => {
    it('should not serve /metrics or /ready on the GraphQL port', async () => {
      const statuses = await Promise.all(['/metrics', '/ready'].map(async (path) => (await fetch(`${service.url}${path}`)).status));
      expect(statuses).toEqual([404, 404]);
    });

    it('should serve /metrics, /ready and /health on OPS_PORT', async () => {
      const ops = opsUrlOf(service);
      expect(ops).not.toBe(service.url);
      const metrics = await fetch(`${ops}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/^# HELP/m);
      expect((await fetch(`${ops}/ready`)).status).toBe(200);
      expect((await fetch(`${ops}/health`)).status).toBe(200);
    });

    it('should not serve GraphQL on OPS_PORT', async () => {
      expect((await fetch(`${opsUrlOf(service)}/graphql`, { method: 'POST', body: '{}' })).status).toBe(404);
    });
  });

  describe('body size limit', () => {
    it('should answer a body over MAX_BODY_BYTES with a coded 413, not a reset', async () => {
      const { status, body } = await asCaller({ query: PRODUCTS, variables: { pad: 'x'.repeat(70_000) } });
      expect(status).toBe(413);
      expect(body.errors![0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('should answer a declared body far over the limit with a coded 413 and close the connection', async () => {
      const answer = await new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
        const req = request(
          graphql,
          { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) } },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode!, body: text, connection: res.headers.connection }));
          },
        );
        req.on('error', reject);
        req.write('{"query":"');
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      expect(answer.connection).toBe('close');
    });

    it('should keep serving after refusing large bodies', async () => {
      const { status } = await asCaller({ query: PRODUCTS });
      expect(status).toBe(200);
    });
  });

  describe('malformed persisted queries', () => {
    const hash = createHash('sha256').update(PRODUCTS).digest('hex');

    it.each([
      ['an unsupported version', { query: PRODUCTS, extensions: { persistedQuery: { version: 2, sha256Hash: hash } } }],
      ['a hash that does not match the query', { query: PRODUCTS, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }],
      ['a non-object extension', { extensions: { persistedQuery: 'x' } }],
      ['a numeric hash', { extensions: { persistedQuery: { version: 1, sha256Hash: 5 } } }],
      ['a missing hash', { extensions: { persistedQuery: { version: 1 } } }],
    ])('should answer %s with a coded 400', async (_name, request) => {
      const { status, body } = await asCaller(request);
      expect({ status, code: body.errors![0].extensions.code }).toEqual({ status: 400, code: 'BAD_REQUEST' });
    });

    it('should answer an unknown hash with PERSISTED_QUERY_NOT_FOUND and run it once registered', async () => {
      const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
      const miss = await asCaller({ extensions });
      expect(miss.body.errors![0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      await asCaller({ query: PRODUCTS, extensions });
      const hit = await asCaller({ extensions });
      expect(hit.body.data.products.totalCount).toBeGreaterThan(0);
    });
  });
});

describe('NODE_ENV=production with overrides, from a .env file in the working directory', () => {
  // One process for the .env checks and the overrides (a start costs about 2.5 s of CPU). Alone, the file would fail
  // to start (a key without a secret) and would silence the log; the environment's values for those two select the
  // simulator and keep the log at info.
  let dir: string;
  let service: RunningService;
  let lines: Array<Record<string, unknown>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quec-graph-env-'));
    writeFileSync(
      join(dir, '.env'),
      [
        'QUEC_SIMULATOR_PORT=0',
        'NODE_ENV=production',
        'GRAPHQL_INTROSPECTION=true',
        'GRAPHQL_TRACES_FOR_ANYONE=true',
        'QUEC_ACCESS_KEY=from-the-file',
        'LOG_LEVEL=silent',
        '',
      ].join('\n'),
    );
    service = await startService({ QUEC_ACCESS_KEY: '', LOG_LEVEL: 'info' }, dir);
    lines = service
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
  });
  afterAll(async () => {
    await service?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should read .env from the working directory and say so, with the upstream in use', async () => {
    expect(lines).toContainEqual(expect.objectContaining({ envFile: join(dir, '.env'), msg: expect.stringMatching(/read \.env/) }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: expect.stringMatching(/embedded simulator/) }));
    // NODE_ENV=production from the file took effect: no Sandbox landing page (no variable turns it back on).
    const page = await fetch(`${service.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/sandbox/i);
  });

  it('should let a variable set in the environment win over the same one in .env', () => {
    // Started on the simulator (not refused for a key without a secret), and logging at info (not silent).
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'quec-graph ready' }));
  });

  it('should allow introspection when GRAPHQL_INTROSPECTION=true', async () => {
    const { body } = await postGraphQL(`${service.url}/graphql`, '{ __schema { queryType { name } } }');
    expect(body.data.__schema.queryType.name).toBe('Query');
  });

  it('should include ftv1 for anyone when GRAPHQL_TRACES_FOR_ANYONE=true', async () => {
    const { body } = await post(`${service.url}/graphql`, { query: PRODUCTS }, { 'apollo-federation-include-trace': 'ftv1' });
    expect(typeof body.extensions?.ftv1).toBe('string');
  });

  it('should keep /metrics on the GraphQL port without OPS_PORT', async () => {
    expect((await fetch(`${service.url}/metrics`)).status).toBe(200);
  });
});
