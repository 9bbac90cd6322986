import { PlatformClient, type HttpTransport } from '../../src/datasources/platform/platform-client';
import { UpstreamLimiter } from '../../src/datasources/platform/upstream-limiter';
import { ErrorCode } from '../../src/errors';

describe('PlatformClient with an upstream limiter', () => {
  it('should shed a call beyond the queue with SERVICE_OVERLOADED and never hand it to the transport', async () => {
    const answers: Array<() => void> = [];
    const sent: string[] = [];
    const transport = {
      exchange: (request: { endpoint: string }) =>
        new Promise((resolve) => {
          sent.push(request.endpoint);
          answers.push(() => resolve({ code: 200, data: { ok: true } }));
        }),
    } as unknown as HttpTransport;
    const outcomes: string[] = [];
    const client = new PlatformClient({
      transport,
      tokens: { getToken: async () => 'token', invalidate: async () => undefined },
      limiter: new UpstreamLimiter({ maxInFlight: 1, maxQueued: 0 }),
      observe: (event) => outcomes.push(`${event.endpoint}:${event.outcome}`),
    });

    const first = client.request({ endpoint: 'device.detail', method: 'GET', path: '/a' });
    const second = client.request({ endpoint: 'command.writeData', method: 'POST', path: '/b', body: {} });
    await expect(second).rejects.toMatchObject({ code: ErrorCode.SERVICE_OVERLOADED, endpoint: 'command.writeData' });

    for (let i = 0; i < 10 && answers.length === 0; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const answer of answers.splice(0)) answer();
    await expect(first).resolves.toEqual({ data: { ok: true }, page: undefined });
    expect(sent).toEqual(['device.detail']);
    expect(outcomes).toEqual(['command.writeData:service_overloaded', 'device.detail:ok']);
  });
});
