import { EventEmitter } from 'node:events';
import { Agent, type Dispatcher } from 'undici';
import type { Logger } from '../../logger';
import { ErrorCode, UpstreamError, errorCodeForHttpStatus, upstreamErrorFromCode } from '../../errors';
import type { TokenProvider } from '../../auth/token-provider';
import type { UpstreamResilience } from './resilience';
import { UpstreamTransportError, parseRetryAfter } from './upstream-failure';
import type { UpstreamLimiter } from './upstream-limiter';

export type QueryValue = string | number | boolean | undefined;

export interface PlatformRequest {
  /** Stable name used in logs and metrics, e.g. `device.detail`. */
  endpoint: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/** Top-level paging fields of envelope A list responses (reference §3.1). */
export interface UpstreamPage {
  pageNum: number;
  pageSize: number;
  pages: number;
  total: number;
}

export interface PlatformResponse<T> {
  data: T;
  page?: UpstreamPage;
}

/** Observes every upstream call; metrics hang off this. */
export type UpstreamObserver = (event: { endpoint: string; outcome: string; durationMs: number }) => void;

export interface TransportOptions {
  baseUrl: string;
  /** Longest one exchange may take, ms: connecting, waiting for the answer and reading it. */
  timeoutMs: number;
  /** Replaces the HTTP client with a fetch-compatible function (tests script the platform's answers with it). */
  fetch?: typeof fetch;
}

export interface PlatformClientOptions {
  transport: HttpTransport;
  tokens: Pick<TokenProvider, 'getToken' | 'invalidate'>;
  logger?: Logger;
  observe?: UpstreamObserver;
  /** Retries reads and breaks circuits around each exchange; without it every call is tried once. */
  resilience?: Pick<UpstreamResilience, 'execute'>;
  /** Bounds concurrent calls and sheds beyond its queue (UPSTREAM_MAX_CONCURRENCY, UPSTREAM_MAX_QUEUE); none = unbounded. */
  limiter?: UpstreamLimiter;
}

type Envelope = Record<string, unknown> & {
  code?: unknown;
  msg?: unknown;
  data?: unknown;
  pageNum?: unknown;
  pageSize?: unknown;
  pages?: unknown;
  total?: unknown;
};

/** Sent with every call; `headers` of `exchange` (the token) are added to them. */
const BASE_HEADERS: Readonly<Record<string, string>> = { Accept: 'application/json', 'Content-Type': 'application/json', 'User-Agent': 'quec-graph' };

/** What the transport reads from an HTTP answer. `text` is undefined when the connection broke in the body. */
interface RawAnswer {
  status: number;
  retryAfter: string | null;
  text: string | undefined;
}

/** Sends one request with `deadline` already armed; rejects when no answer came (network failure, or aborted). */
type Send = (url: URL, method: string, headers: Record<string, string>, body: string | undefined, deadline: Deadline) => Promise<RawAnswer>;

/**
 * One timer per exchange. Cheaper than `AbortSignal.timeout` (an EventTarget, a transferable signal and a weakly
 * held timer per call on Node 20); undici accepts any emitter of `abort` as its signal.
 */
class Deadline extends EventEmitter {
  expired = false;
  private readonly timer: NodeJS.Timeout;

  constructor(ms: number) {
    super();
    this.timer = setTimeout(() => {
      this.expired = true;
      this.emit('abort');
    }, ms);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

/**
 * Sends one HTTP request to the platform and returns the parsed JSON body; knows nothing of tokens or envelopes,
 * so the login call (flat envelope C) and business calls share it. Speaks HTTP through undici's keep-alive pool
 * (`request`, not `fetch`: no WHATWG Request/Response/stream objects per call), or through `options.fetch`.
 */
export class HttpTransport {
  private readonly agent: Agent | undefined;
  private readonly send: Send;

  constructor(private readonly options: TransportOptions) {
    const fetchImpl = options.fetch;
    if (fetchImpl) {
      this.send = (url, method, headers, body, deadline) => sendWithFetch(fetchImpl, url, method, headers, body, deadline);
    } else {
      const agent = new Agent({ connect: { timeout: options.timeoutMs } });
      this.agent = agent;
      this.send = (url, method, headers, body, deadline) => sendWithUndici(agent, url, method, headers, body, deadline);
    }
  }

  /**
   * `headers` is never logged or put into an error.
   *
   * @throws UpstreamError on timeout (`timeoutMs`), network failure, non-2xx status or a body that is not JSON.
   */
  async exchange(request: PlatformRequest, headers: Record<string, string> = {}): Promise<Envelope> {
    const url = this.buildUrl(request);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const deadline = new Deadline(this.options.timeoutMs);
    let answer: RawAnswer;
    try {
      answer = await this.send(url, request.method, { ...BASE_HEADERS, ...headers }, body, deadline);
    } catch (error) {
      const timedOut = deadline.expired || isTimeout(error);
      throw new UpstreamTransportError(
        timedOut ? `Platform did not answer ${request.endpoint} within ${this.options.timeoutMs} ms` : `Platform unreachable for ${request.endpoint}`,
        ErrorCode.UPSTREAM_UNAVAILABLE,
        request.endpoint,
        timedOut ? 'timeout' : 'network',
      );
    } finally {
      deadline.clear();
    }
    const ok = answer.status >= 200 && answer.status < 300;
    // A connection cut mid-body is a network failure like one cut before the headers.
    if (answer.text === undefined) {
      throw new UpstreamTransportError(
        deadline.expired
          ? `Platform did not answer ${request.endpoint} within ${this.options.timeoutMs} ms`
          : `Platform unreachable for ${request.endpoint}`,
        ErrorCode.UPSTREAM_UNAVAILABLE,
        request.endpoint,
        deadline.expired ? 'timeout' : 'network',
      );
    }
    const envelope = parseJson(answer.text);
    if (envelope && typeof envelope.code === 'number' && envelope.code !== 200 && (ok || answer.status === 401)) {
      // Token errors may come as HTTP 401 carrying the JSON code (reference §3.4, UNCONFIRMED): keep the code.
      return envelope;
    }
    if (!ok) {
      throw new UpstreamTransportError(
        `Platform answered ${request.endpoint} with HTTP ${answer.status}`,
        errorCodeForHttpStatus(answer.status),
        request.endpoint,
        'http',
        answer.status,
        parseRetryAfter(answer.retryAfter, Date.now()),
      );
    }
    if (!envelope) {
      throw new UpstreamError(
        `Platform answered ${request.endpoint} with a body that is not JSON`,
        ErrorCode.UPSTREAM_ERROR,
        undefined,
        request.endpoint,
      );
    }
    return envelope;
  }

  /** Closes the pooled connections; exchanges after this fail. */
  async close(): Promise<void> {
    await this.agent?.close();
  }

  private buildUrl(request: PlatformRequest): URL {
    // Concatenate rather than resolve, so a base URL with a path prefix (a proxy) keeps it.
    const url = new URL(this.options.baseUrl + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }
}

async function sendWithUndici(
  agent: Agent,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  deadline: Deadline,
): Promise<RawAnswer> {
  const response = await agent.request({
    origin: url.origin,
    path: url.pathname + url.search,
    method: method as Dispatcher.HttpMethod,
    headers,
    body,
    signal: deadline,
    // Our deadline covers the whole exchange; undici's own (300 s) would only ever fire after it.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const retryAfter = response.headers['retry-after'];
  return {
    status: response.statusCode,
    retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : (retryAfter ?? null),
    text: await response.body.text().catch(() => undefined),
  };
}

async function sendWithFetch(
  fetchImpl: typeof fetch,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  deadline: Deadline,
): Promise<RawAnswer> {
  const controller = new AbortController();
  deadline.once('abort', () => controller.abort());
  const response = await fetchImpl(url.toString(), { method, headers, body, signal: controller.signal });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    text: await response.text().catch(() => undefined),
  };
}

/** undici's own timeouts and a fetch abort, duck-typed: a DOMException is not an Error in every realm (jest's). */
function isTimeout(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === 'TimeoutError' || name === 'AbortError' || (typeof code === 'string' && code.endsWith('_TIMEOUT'));
}

/**
 * Authenticated business calls. Adds `Authorization: <token as issued>`, unwraps envelopes A/B (reference §3),
 * treats `code != 200` inside an HTTP 200 as an error, maps failures in one place and, on a token error
 * (91001/91004), invalidates the token and retries once. Transport failures of reads are retried by `resilience`
 * (see read-endpoints.ts); writes never are: a downlink command must never be sent twice.
 */
export class PlatformClient {
  constructor(private readonly options: PlatformClientOptions) {}

  /** @throws UpstreamError (never a raw fetch error) */
  async request<T>(request: PlatformRequest): Promise<PlatformResponse<T>> {
    const token = await this.options.tokens.getToken();
    try {
      return await this.sendResiliently<T>(request, token);
    } catch (error) {
      if (!(error instanceof UpstreamError) || !error.isTokenError) throw error;
      // A rejected token means the request was not executed, so sending it once more cannot act twice.
      await this.options.tokens.invalidate(token);
      const fresh = await this.options.tokens.getToken();
      return this.sendResiliently<T>(request, fresh);
    }
  }

  private sendResiliently<T>(request: PlatformRequest, token: string): Promise<PlatformResponse<T>> {
    const { resilience } = this.options;
    return resilience ? resilience.execute(request.endpoint, () => this.send<T>(request, token)) : this.send<T>(request, token);
  }

  private async send<T>(request: PlatformRequest, token: string): Promise<PlatformResponse<T>> {
    const started = performance.now();
    let outcome = 'ok';
    try {
      const exchange = () => this.options.transport.exchange(request, { Authorization: token });
      const envelope = await (this.options.limiter ? this.options.limiter.run(request.endpoint, exchange) : exchange());
      const code = Number(envelope.code);
      if (code !== 200) {
        outcome = `code_${Number.isFinite(code) ? code : 'invalid'}`;
        throw upstreamErrorFromCode(request.endpoint, { code, msg: typeof envelope.msg === 'string' ? envelope.msg : '' });
      }
      return { data: envelope.data as T, page: readPage(envelope) };
    } catch (error) {
      if (outcome === 'ok') outcome = error instanceof UpstreamError ? error.code.toLowerCase() : 'error';
      throw error;
    } finally {
      const durationMs = performance.now() - started;
      this.options.observe?.({ endpoint: request.endpoint, outcome, durationMs });
      this.options.logger?.debug({ endpoint: request.endpoint, outcome, durationMs: Math.round(durationMs) }, 'upstream call');
    }
  }
}

function parseJson(text: string): Envelope | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Envelope) : undefined;
  } catch {
    return undefined;
  }
}

function readPage(envelope: Envelope): UpstreamPage | undefined {
  const total = Number(envelope.total);
  if (!Number.isFinite(total) || envelope.total === undefined || envelope.total === null) return undefined;
  return {
    pageNum: Number(envelope.pageNum) || 1,
    pageSize: Number(envelope.pageSize) || 0,
    pages: Number(envelope.pages) || 0,
    total,
  };
}
