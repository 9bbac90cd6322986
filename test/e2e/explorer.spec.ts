import WebSocket from 'ws';
import { EXPLORER_CSP, FIRST_QUERY, FIRST_QUERY_VARIABLES } from '../../src/http/explorer';
import { startHttpService, type HttpService } from '../helpers/http-service';

const LISTED = 'http://app.example.test:8080';
const UNLISTED = 'http://evil.example.test';

/** How a WebSocket upgrade to `/graphql` with these headers ends: 'open' or the HTTP status that refused it. */
function upgrade(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve(String(response.statusCode));
      socket.terminate();
    });
    socket.on('error', reject);
  });
}

describe('explorers and browser access in development', () => {
  let service: HttpService;

  beforeAll(async () => {
    service = await startHttpService({ env: { CORS_ORIGINS: `${LISTED}, ` } });
  });

  afterAll(() => service?.close());

  it("should open the Sandbox on the README's first query with telemetry and cookies off", async () => {
    const response = await fetch(`${service.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await response.text();
    const config = JSON.parse(/var embeddedSandboxConfig = (\{.*\});/.exec(html)![1]);
    expect(config.runTelemetry).toBe(false);
    expect(config.initialState).toEqual({ document: FIRST_QUERY, variables: FIRST_QUERY_VARIABLES, includeCookies: false });
  });

  it('should serve GraphiQL with a strict CSP and only its own assets, each from node_modules', async () => {
    const response = await fetch(`${service.url}/graphiql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
    expect(EXPLORER_CSP).toContain("script-src 'self';");
    const html = await response.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources.filter((source) => source !== 'data:,').sort()).toEqual(
      ['graphiql.css', 'graphiql.js', 'graphql-ws.js', 'react-dom.js', 'react.js', 'start.js'].map((name) => `/graphiql/assets/${name}`),
    );
    expect(html).not.toMatch(/<script>/);
    for (const source of sources.filter((s) => s.startsWith('/'))) {
      const asset = await fetch(`${service.url}${source}`);
      expect([source, asset.status]).toEqual([source, 200]);
      expect(asset.headers.get('content-type')).toMatch(source.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(source.endsWith('start.js') ? 100 : 10_000);
    }
  });

  it('should answer a revalidation with 304, an unknown asset with 404 and a POST with 405', async () => {
    const first = await fetch(`${service.url}/graphiql/assets/graphiql.js`);
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    expect((await fetch(`${service.url}/graphiql/assets/graphiql.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${service.url}/graphiql/assets/../../package.json`)).status).toBe(404);
    expect((await fetch(`${service.url}/graphiql/assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${service.url}/graphiql`, { method: 'POST' })).status).toBe(405);
  });

  it('should answer a listed origin with CORS headers and its preflight with 204', async () => {
    const preflight = await fetch(`${service.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: LISTED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-api-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-api-key');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { origin: LISTED, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(post.headers.get('vary')).toMatch(/origin/i);
  });

  it('should give an unlisted origin no CORS header and refuse its preflight with 403', async () => {
    const preflight = await fetch(`${service.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: UNLISTED, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { origin: UNLISTED, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('should accept WebSockets without an origin, from its own host or a listed origin, and refuse any other origin', async () => {
    const host = new URL(service.url).host;
    expect(await upgrade(service.url, {})).toBe('open');
    expect(await upgrade(service.url, { origin: `http://${host}` })).toBe('open');
    expect(await upgrade(service.url, { origin: LISTED })).toBe('open');
    expect(await upgrade(service.url, { origin: UNLISTED })).toBe('403');
    expect(await upgrade(service.url, { origin: 'null' })).toBe('403');
  });
});

describe('explorers turned off', () => {
  it('should answer /graphiql with 404 when GRAPHQL_LANDING_PAGE=false', async () => {
    const service = await startHttpService({ env: { GRAPHQL_LANDING_PAGE: 'false' } });
    try {
      expect((await fetch(`${service.url}/graphiql`)).status).toBe(404);
      expect((await fetch(`${service.url}/graphiql/assets/graphiql.js`)).status).toBe(404);
    } finally {
      await service.close();
    }
  });
});
