import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postGraphQL, startService, type RunningService } from '../helpers/process';
import { describeHostileSweep } from './hostile-sweep';

describe('the service process (embedded simulator)', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(async () => {
    // Already stopped when the SIGTERM test ran; resolves at once then.
    await service?.stop();
  });

  it('should say at start that it runs without inbound auth, on loopback', () => {
    expect(service.output()).toContain('no inbound auth configured: every caller is trusted with all scopes');
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });

  it('should serve the graph from the embedded simulator when no credentials are set', async () => {
    const { status, body } = await postGraphQL(
      `${service.url}/graphql`,
      '{ products(first: 2) { totalCount edges { node { productKey name devices(first: 2) { edges { node { deviceKey status product { name } } } } } } } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.products.edges).toHaveLength(2);
    expect(body.data.products.edges[0].node.devices.edges.length).toBeGreaterThan(0);
  });

  it('should return coded errors over HTTP', async () => {
    const { body } = await postGraphQL(`${service.url}/graphql`, '{ devices(productKey: "pX1", first: 500) { totalCount } }');
    expect(body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('should answer liveness on /health', async () => {
    const response = await fetch(`${service.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('should serve the Sandbox landing page to a browser in development', async () => {
    const response = await fetch(`${service.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/sandbox/i);
  });

  it('should refuse a simple GET mutation-less request without CSRF headers', async () => {
    const response = await fetch(`${service.url}/graphql?query=${encodeURIComponent('{ products(first: 1) { totalCount } }')}`);
    expect(response.status).toBe(400);
  });

  // The same process takes the hostile sweep, so the checks below also cover what it logged and how it ended.
  describeHostileSweep(() => service);

  it('should never write a token or the simulator secret to its logs', async () => {
    await postGraphQL(`${service.url}/graphql`, '{ products(first: 1) { totalCount } }');
    expect(service.output()).not.toMatch(/QJWT/);
    expect(service.output()).not.toMatch(/access_token|accessSecret/);
  });

  // Last in this block: it ends the process the tests and the sweep above share (a start costs about 2.5 s of CPU).
  it('should shut down cleanly on SIGTERM', async () => {
    expect(await service.stop()).toBe(0);
    expect(service.output()).toContain('"msg":"stopped"');
  });
});

describe('process lifecycle', () => {
  it('should exit with a plain message naming the variable when configuration is invalid', async () => {
    await expect(startService({ QUEC_ACCESS_KEY: 'only-the-key' })).rejects.toThrow(/QUEC_ACCESS_SECRET/);
  });

  it('should refuse to start on a non-loopback HOST without auth, saying how to fix it', async () => {
    const failure = await startService({ HOST: '0.0.0.0' }).then(
      async (started) => {
        await started.stop();
        return 'started';
      },
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/service exited with 1/);
    expect(failure).toContain('HOST=0.0.0.0 is reachable from other machines and no inbound auth is configured');
    expect(failure).toContain('AUTH_DISABLED_ALLOW_REMOTE=true');
  });
});

describe('a start on the Quectel platform with inbound auth, from a folder without .env', () => {
  // One process for the checks of both (a start costs about 2 s of CPU). Starting calls nothing upstream (the token
  // is fetched on first use), and an anonymous caller is refused before any, so this runs offline.
  const key = 'start-test-key-0123456789';
  const routerSecret = 'start-test-router-secret-01';
  let dir: string;
  let service: RunningService;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quec-graph-env-'));
    service = await startService(
      { QUEC_ACCESS_KEY: 'key', QUEC_ACCESS_SECRET: 'secret', QUEC_REGION: 'eu', AUTH_API_KEYS: `${key}:read`, ROUTER_SECRET: routerSecret },
      dir,
    );
  });
  afterAll(async () => {
    await service?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should report the platform region it calls, and that no .env was read', () => {
    expect(service.output()).toMatch(/"envFile":null.*"msg":"no \.env file/);
    expect(service.output()).toMatch(/"upstream":"https:\/\/iot-api\.acceleronix\.io","region":"eu".*"msg":"using the Quectel platform"/);
  });

  it('should name the auth sources at start without any secret, and refuse an anonymous caller', async () => {
    const anonymous = await postGraphQL(`${service.url}/graphql`, '{ products(first: 1) { totalCount } }');
    expect(anonymous.status).toBe(401);
    expect(service.output()).toContain('inbound auth required: 1 API key(s), router secret');
    expect(service.output()).not.toContain(key);
    expect(service.output()).not.toContain(routerSecret);
  });
});
