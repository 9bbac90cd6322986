import { postGraphQL, startService, type RunningService } from '../helpers/process';

describe('the service process (embedded simulator)', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(async () => {
    await service.stop();
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

  it('should never write a token or the simulator secret to its logs', async () => {
    await postGraphQL(`${service.url}/graphql`, '{ products(first: 1) { totalCount } }');
    expect(service.output()).not.toMatch(/QJWT/);
    expect(service.output()).not.toMatch(/access_token|accessSecret/);
  });
});

describe('process lifecycle', () => {
  it('should exit with a plain message naming the variable when configuration is invalid', async () => {
    await expect(startService({ QUEC_ACCESS_KEY: 'only-the-key' })).rejects.toThrow(/QUEC_ACCESS_SECRET/);
  });

  it('should shut down cleanly on SIGTERM', async () => {
    const service = await startService();
    expect(await service.stop()).toBe(0);
    expect(service.output()).toContain('"msg":"stopped"');
  });
});
