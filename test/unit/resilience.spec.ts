import { ErrorCode } from '../../src/errors';
import { HttpTransport, PlatformClient, type PlatformRequest } from '../../src/datasources/platform/platform-client';
import { UpstreamResilience, type ResilienceOptions } from '../../src/datasources/platform/resilience';
import { HedgeBudget } from '../../src/datasources/platform/hedge-budget';
import { UpstreamLimiter } from '../../src/datasources/platform/upstream-limiter';

/** One scripted platform answer: an HTTP status (with headers) and an envelope, or a connection failure. */
type Answer = { status: number; headers?: Record<string, string>; body?: unknown } | 'reset' | 'stall';

const OK: Answer = { status: 200, body: { code: 200, msg: 'success', data: [] } };

/** A fetch that answers from a script and records every call, so a test can count what the platform saw. */
function scriptedFetch(script: Answer[], fallback: Answer = OK) {
  const calls: string[] = [];
  const fetchImpl = (async (url: string | URL, init?: RequestInit) => {
    calls.push(String(url));
    const answer = script.shift() ?? fallback;
    // A platform that accepted the connection and never answers: only the caller's abort ends the wait.
    if (answer === 'stall') {
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    }
    if (answer === 'reset') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    return new Response(JSON.stringify(answer.body ?? { code: answer.status, msg: 'error' }), { status: answer.status, headers: answer.headers });
  }) as typeof fetch;
  return { fetchImpl, calls };
}

const defaults: ResilienceOptions = { retryBudgetMs: 3000, maxRetries: 3, breakerThreshold: 3, breakerHalfOpenAfterMs: 5000 };

/** Client options beyond the resilience policy: hedging and the concurrency limiter sit in the client. */
interface ClientExtras {
  hedgeAfterMs?: number;
  /** Default: a budget that never runs out in these short scripts. */
  hedgeBudget?: HedgeBudget;
  limiter?: UpstreamLimiter;
}

function clientFor(script: Answer[], options: Partial<ResilienceOptions> & ClientExtras = {}, fallback?: Answer) {
  const { fetchImpl, calls } = scriptedFetch(script, fallback);
  const transport = new HttpTransport({ baseUrl: 'http://platform.test', timeoutMs: 1000, fetch: fetchImpl });
  const events: string[] = [];
  const { hedgeAfterMs, hedgeBudget = new HedgeBudget(100), limiter, ...policy } = options;
  const resilience = new UpstreamResilience({
    ...defaults,
    ...policy,
    observer: { retry: (e) => events.push(`retry ${e.reason}`), circuit: (e) => events.push(`${e.family} ${e.state}`) },
  });
  const tokens = { getToken: async () => 'QJWT test', invalidate: async () => undefined };
  const hedge = hedgeAfterMs ? { afterMs: hedgeAfterMs, budget: hedgeBudget, onHedge: () => events.push('retry hedge') } : undefined;
  const client = new PlatformClient({ transport, tokens, resilience, hedge, limiter });
  return { client, calls, events, resilience };
}

const read: PlatformRequest = { endpoint: 'device.detail', method: 'GET', path: '/v2/deviceshadow/r1/openapi/device/detail' };
const command: PlatformRequest = { endpoint: 'dm.writeData', method: 'POST', path: '/v2/deviceshadow/r3/openapi/dm/writeData', body: {} };

/** Lets pending promise callbacks run without moving the fake clock. */
const settle = () => jest.advanceTimersByTimeAsync(0);

beforeEach(() => jest.useFakeTimers({ now: Date.UTC(2026, 11, 2, 8, 0, 0) }));
afterEach(() => jest.useRealTimers());

describe('retrying idempotent reads', () => {
  it('should retry a read after a 503 and answer in full', async () => {
    const { client, calls, events } = clientFor([{ status: 503 }]);
    const answer = client.request(read);
    await jest.advanceTimersByTimeAsync(2000);
    await expect(answer).resolves.toMatchObject({ data: [] });
    expect(calls).toHaveLength(2);
    expect(events).toEqual(['retry http_503']);
  });

  it('should retry after a connection reset and after 502/504 gateway answers', async () => {
    const { client, calls } = clientFor(['reset', { status: 502 }, { status: 504 }], { breakerThreshold: 10 });
    const answer = client.request(read);
    await jest.advanceTimersByTimeAsync(2900);
    await expect(answer).resolves.toMatchObject({ data: [] });
    expect(calls).toHaveLength(4);
  });

  it('should give up after maxRetries with the last coded error', async () => {
    const { client, calls } = clientFor([], { maxRetries: 2, retryBudgetMs: 60_000 }, { status: 500 });
    const answer = client.request(read);
    const outcome = expect(answer).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    await jest.advanceTimersByTimeAsync(10_000);
    await outcome;
    expect(calls).toHaveLength(3);
  });
});

describe('honouring Retry-After', () => {
  it('should wait at least the seconds Retry-After asks before retrying a 429', async () => {
    const { client, calls } = clientFor([{ status: 429, headers: { 'Retry-After': '2' } }]);
    const answer = client.request(read);
    await settle();
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await expect(answer).resolves.toMatchObject({ data: [] });
  });

  it('should read Retry-After given as an HTTP-date', async () => {
    const at = new Date(Date.now() + 1500).toUTCString();
    const { client, calls } = clientFor([{ status: 503, headers: { 'Retry-After': at } }]);
    const answer = client.request(read);
    await jest.advanceTimersByTimeAsync(900);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1100);
    await expect(answer).resolves.toMatchObject({ data: [] });
    expect(calls).toHaveLength(2);
  });

  it('should answer RATE_LIMITED at once when Retry-After is beyond the budget', async () => {
    const { client, calls } = clientFor([{ status: 429, headers: { 'Retry-After': '30' } }]);
    await expect(client.request(read)).rejects.toMatchObject({ extensions: { code: ErrorCode.RATE_LIMITED } });
    expect(calls).toHaveLength(1);
  });
});

describe('the retry budget', () => {
  it('should start no retry whose delay would end past the budget', async () => {
    // Budget 2500 ms, Retry-After 1 s each time (above any backoff): retries at 1000 and 2000; a third would end at 3000.
    const busy: Answer = { status: 503, headers: { 'Retry-After': '1' } };
    const { client, calls } = clientFor([], { retryBudgetMs: 2500, maxRetries: 10, breakerThreshold: 10, maxDelayMs: 400 }, busy);
    const answer = client.request(read);
    const outcome = expect(answer).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    await jest.advanceTimersByTimeAsync(5000);
    await outcome;
    expect(calls).toHaveLength(3);
  });

  it('should not retry at all with a zero budget', async () => {
    const { client, calls } = clientFor([{ status: 503 }], { retryBudgetMs: 0 });
    await expect(client.request(read)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    expect(calls).toHaveLength(1);
  });
});

describe('what is never retried', () => {
  it.each([
    ['a 503', { status: 503 } as Answer],
    ['a 429 with Retry-After', { status: 429, headers: { 'Retry-After': '1' } } as Answer],
    ['a connection reset', 'reset' as Answer],
  ])('should send a command exactly once after %s', async (_name, failure) => {
    const { client, calls } = clientFor([failure]);
    const answer = client.request(command);
    const outcome = expect(answer).rejects.toMatchObject({ extensions: { code: expect.stringMatching(/^(UPSTREAM_UNAVAILABLE|RATE_LIMITED)$/) } });
    await jest.advanceTimersByTimeAsync(10_000);
    await outcome;
    expect(calls).toHaveLength(1);
  });

  it('should send a write that is a GET (setUserStatus) exactly once after a 503', async () => {
    const { client, calls } = clientFor([{ status: 503 }]);
    const answer = client.request({ endpoint: 'enduser.setUserStatus', method: 'GET', path: '/v2/enduser/enterpriseapi/setUserStatus' });
    const outcome = expect(answer).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    await jest.advanceTimersByTimeAsync(10_000);
    await outcome;
    expect(calls).toHaveLength(1);
  });

  it('should not retry a platform envelope error (HTTP 200, code 50000)', async () => {
    const { client, calls } = clientFor([{ status: 200, body: { code: 50000, msg: 'service exception' } }]);
    await expect(client.request(read)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE, upstream: { code: 50000 } } });
    expect(calls).toHaveLength(1);
  });
});

describe('the circuit breaker per endpoint family', () => {
  const failRead = async (client: PlatformClient) => {
    const outcome = expect(client.request(read)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    await jest.advanceTimersByTimeAsync(0);
    await outcome;
  };

  it('should open after consecutive outages, fail fast without calling, and leave other families alone', async () => {
    const { client, calls, resilience } = clientFor([{ status: 500 }, { status: 500 }, { status: 500 }], { maxRetries: 0 });
    for (let i = 0; i < 3; i += 1) await failRead(client);
    expect(resilience.circuitStates()).toEqual({ device: 'open' });
    const error = await client.request(read).catch((e: unknown) => e);
    expect(error).toMatchObject({
      message: expect.stringContaining('not calling device.detail'),
      extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE },
    });
    expect(calls).toHaveLength(3);
    await expect(client.request({ endpoint: 'product.list', method: 'GET', path: '/p' })).resolves.toMatchObject({ data: [] });
    expect(calls).toHaveLength(4);
  });

  it('should refuse a command while the circuit is open, sending nothing', async () => {
    const { client, calls } = clientFor([{ status: 500 }, { status: 500 }, { status: 500 }], { maxRetries: 0 });
    const writeDevice = { ...command, endpoint: 'device.writeSomething' };
    for (let i = 0; i < 3; i += 1) await expect(client.request(writeDevice)).rejects.toBeDefined();
    await expect(client.request(writeDevice)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    expect(calls).toHaveLength(3);
  });

  it('should let one trial call through after halfOpenAfter and close again when it succeeds', async () => {
    const { client, calls, events, resilience } = clientFor([{ status: 500 }, { status: 500 }, { status: 500 }], { maxRetries: 0 });
    for (let i = 0; i < 3; i += 1) await failRead(client);
    await jest.advanceTimersByTimeAsync(4999);
    await expect(client.request(read)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    expect(calls).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(1);
    await expect(client.request(read)).resolves.toMatchObject({ data: [] });
    expect(calls).toHaveLength(4);
    expect(resilience.circuitStates()).toEqual({ device: 'closed' });
    expect(events).toEqual(['device open', 'device half_open', 'device closed']);
  });

  it('should open again when the trial call fails', async () => {
    const { client, calls, resilience } = clientFor([{ status: 500 }, { status: 500 }, { status: 500 }, { status: 503 }], { maxRetries: 0 });
    for (let i = 0; i < 3; i += 1) await failRead(client);
    await jest.advanceTimersByTimeAsync(5000);
    await failRead(client);
    expect(resilience.circuitStates()).toEqual({ device: 'open' });
    await expect(client.request(read)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    expect(calls).toHaveLength(4);
  });

  it('should not count 429s or envelope errors as outages', async () => {
    const rateLimited: Answer = { status: 429 };
    const envelope: Answer = { status: 200, body: { code: 50000, msg: 'service exception' } };
    const { client, resilience } = clientFor([rateLimited, envelope, rateLimited, envelope, rateLimited, envelope], { maxRetries: 0 });
    for (let i = 0; i < 6; i += 1) await expect(client.request(read)).rejects.toBeDefined();
    expect(resilience.circuitStates()).toEqual({ device: 'closed' });
  });
});

describe('hedging a stalled read', () => {
  it('should send a stalled read once more after hedgeAfterMs and answer with the first reply', async () => {
    const { client, calls, events } = clientFor(['stall'], { hedgeAfterMs: 300 });
    const answer = client.request(read);
    await jest.advanceTimersByTimeAsync(299);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toMatchObject({ data: [] });
    expect(calls).toHaveLength(2);
    expect(events).toEqual(['retry hedge']);
  });

  it('should not hedge a read that answers in time', async () => {
    const { client, calls } = clientFor([], { hedgeAfterMs: 300 });
    await expect(client.request(read)).resolves.toMatchObject({ data: [] });
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
  });

  it('should hand a failure before the hedge to the retry policy without hedging', async () => {
    const { client, calls, events } = clientFor([{ status: 503 }], { hedgeAfterMs: 300 });
    const answer = client.request(read);
    await jest.advanceTimersByTimeAsync(2000);
    await expect(answer).resolves.toMatchObject({ data: [] });
    expect(calls).toHaveLength(2);
    expect(events).toEqual(['retry http_503']);
  });

  it('should wait for the hedge when the stalled first exchange fails after it started', async () => {
    const { client, calls } = clientFor(['stall', 'stall'], { hedgeAfterMs: 300, maxRetries: 0 });
    const answer = client.request(read);
    const outcome = expect(answer).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    await jest.advanceTimersByTimeAsync(300);
    expect(calls).toHaveLength(2);
    // Both exchanges run into the transport's 1000 ms timeout.
    await jest.advanceTimersByTimeAsync(1300);
    await outcome;
  });

  it('should time the hedge from when the exchange starts, not from its wait for a slot', async () => {
    const limiter = new UpstreamLimiter({ maxInFlight: 1, maxQueued: 10 });
    const { client, calls } = clientFor([], { hedgeAfterMs: 300, limiter });
    let releaseSlot!: () => void;
    const occupied = limiter.run('device.detail', () => new Promise<void>((resolve) => (releaseSlot = resolve)));
    const answer = client.request(read);
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(0);
    releaseSlot();
    await occupied;
    await expect(answer).resolves.toMatchObject({ data: [] });
    expect(calls).toHaveLength(1);
  });

  it('should hedge no more reads than its budget allows, and again once later reads have refilled it', async () => {
    // 10 %, at most one hedge in hand: the first stall is hedged, the next is not, ten reads later one is again.
    const hedgeBudget = new HedgeBudget(10, 1);
    const script: Answer[] = ['stall', OK, 'stall', ...Array<Answer>(9).fill(OK), 'stall'];
    const { client, calls, events } = clientFor(script, { hedgeAfterMs: 300, hedgeBudget, maxRetries: 0 });
    const first = client.request(read);
    await jest.advanceTimersByTimeAsync(300);
    await expect(first).resolves.toMatchObject({ data: [] });
    expect(events).toEqual(['retry hedge']);

    const second = expect(client.request(read)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    await jest.advanceTimersByTimeAsync(1000);
    await second;
    expect(events).toEqual(['retry hedge']);
    expect(calls).toHaveLength(3);

    for (let i = 0; i < 9; i++) await client.request(read);
    expect(calls).toHaveLength(12);
    const third = client.request(read);
    await jest.advanceTimersByTimeAsync(300);
    expect(events).toEqual(['retry hedge', 'retry hedge']);
    await expect(third).resolves.toMatchObject({ data: [] });
  });

  it('should never hedge a command, however long it stalls', async () => {
    const { client, calls } = clientFor(['stall'], { hedgeAfterMs: 300 });
    const answer = client.request(command).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    void answer;
  });
});
