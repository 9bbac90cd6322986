import { postGraphQL, startService } from '../helpers/process';

// Spawns dist/src/index.js: `npm run build` first. What a start without auth says is checked on the default process
// of test/e2e/service.test.ts.
describe('the auth mode at start', () => {
  it('should refuse to start on a non-loopback HOST without auth, saying how to fix it', async () => {
    const failure = await startService({ HOST: '0.0.0.0' }).then(
      async (service) => {
        await service.stop();
        return 'started';
      },
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/service exited with 1/);
    expect(failure).toContain('HOST=0.0.0.0 is reachable from other machines and no inbound auth is configured');
    expect(failure).toContain('AUTH_DISABLED_ALLOW_REMOTE=true');
  });

  it('should name the auth sources at start without any secret, and refuse an anonymous caller', async () => {
    const key = 'start-test-key-0123456789';
    const service = await startService({ AUTH_API_KEYS: `${key}:read`, ROUTER_SECRET: 'start-test-router-secret-01' });
    try {
      const anonymous = await postGraphQL(`${service.url}/graphql`, '{ products(first: 1) { totalCount } }');
      expect(anonymous.status).toBe(401);
      expect(service.output()).toContain('inbound auth required: 1 API key(s), router secret');
      expect(service.output()).not.toContain(key);
      expect(service.output()).not.toContain('start-test-router-secret-01');
    } finally {
      await service.stop();
    }
  });
});
