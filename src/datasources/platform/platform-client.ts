import { EventEmitter } from 'node:events';
import { Agent, type Dispatcher } from 'undici';
import type { Logger } from '../../logger';
import { ErrorCode, UpstreamError, errorCodeForHttpStatus, errorCodeForUpstream, upstreamErrorFromCode } from '../../errors';
import type { TokenProvider } from '../../auth/token-provider';
import type { UpstreamResilience } from './resilience';
import { hedged } from './hedge';
import type { HedgeBudget } from './hedge-budget';
import { isReadEndpoint } from './read-endpoints';
import type { SharedReadCache } from './shared-read-cache';
import { UpstreamTransportError, parseRetryAfter } from './upstream-failure';
import type { UpstreamLimiter } from './upstream-limiter';
import { UnconfirmedFamilies } from './endpoint-families';

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
  /** Shares reads of what rarely changes across requests and replicas, and drops them after writes; none = no sharing. */
  sharedReads?: SharedReadCache;
  /** Reports inferred families the platform does not confirm; one per client (per process) by default. */
  unconfirmed?: UnconfirmedFamilies;
  /**
   * A read whose exchange is unanswered after `afterMs` is sent once more and the first answer wins
   * (UPSTREAM_HEDGE_AFTER_MS); none or 0 = never. Timed from when the exchange starts, not from the queue; `budget`
   * (UPSTREAM_HEDGE_BUDGET_PERCENT) caps hedges at a share of reads, so a stalling platform never gets twice the load.
   */
  hedge?: { afterMs: number; budget: HedgeBudget; onHedge?: (endpoint: string) => void };
  /**
   * Business codes that mean "this token is no good" (QUEC_TOKEN_ERROR_CODES); default `DEFAULT_TOKEN_ERROR_CODES`.
   * An HTTP 401 counts as one whatever its body.
   */
  tokenErrorCodes?: ReadonlySet<number>;
}

/**
 * 91001/91004 are the documented token codes of the device-side services (reference §2.3); 5032 "Token verification
 * failed" and 5106 "Please enter token" are the end-user and binding family's (§10.1, §12.15).
 */
export const DEFAULT_TOKEN_ERROR_CODES: ReadonlySet<number> = new Set([91001, 91004, 5032, 5106]);

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
      throw this.unanswered(request, deadline.expired || isTimeout(error));
    } finally {
      deadline.clear();
    }
    const ok = answer.status >= 200 && answer.status < 300;
    // A connection cut mid-body is a network failure like one cut before the headers.
    if (answer.text === undefined) throw this.unanswered(request, deadline.expired);
    const envelope = parseJson(answer.text);
    if (envelope && typeof envelope.code === 'number' && envelope.code !== 200 && ok) return envelope;
    if (answer.status === 401) {
      // A token error may come as a 401 with the JSON code or as a bare gateway 401 (reference §3.4, UNCONFIRMED):
      // either way a status the caller can recognise, keeping the code and msg when there are any.
      const detail =
        envelope && typeof envelope.code === 'number'
          ? { code: envelope.code, msg: typeof envelope.msg === 'string' ? envelope.msg : '' }
          : undefined;
      throw new UpstreamTransportError(
        detail?.msg ? `Platform rejected ${request.endpoint}: ${detail.msg}` : `Platform answered ${request.endpoint} with HTTP 401`,
        detail ? errorCodeForUpstream(detail.code) : errorCodeForHttpStatus(401),
        request.endpoint,
        'http',
        401,
        undefined,
        detail,
      );
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

  /** No answer to use: the deadline ran out (`timedOut`), or the connection failed before or during the body. */
  private unanswered(request: PlatformRequest, timedOut: boolean): UpstreamTransportError {
    return new UpstreamTransportError(
      timedOut ? `Platform did not answer ${request.endpoint} within ${this.options.timeoutMs} ms` : `Platform unreachable for ${request.endpoint}`,
      ErrorCode.UPSTREAM_UNAVAILABLE,
      request.endpoint,
      timedOut ? 'timeout' : 'network',
    );
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
 * treats `code != 200` inside an HTTP 200 as an error, maps failures in one place and, on a token error (an HTTP
 * 401, or a code of `tokenErrorCodes`), invalidates the shared token and retries once. Transport failures of reads
 * are retried by `resilience` (see read-endpoints.ts); writes never are: a downlink command must never be sent twice.
 */
export class PlatformClient {
  /** Inferred endpoint families found unconfirmed (reference §14): each warned about once, then failing coded. */
  readonly unconfirmed: UnconfirmedFamilies;
  private readonly tokenErrorCodes: ReadonlySet<number>;

  constructor(private readonly options: PlatformClientOptions) {
    this.unconfirmed = options.unconfirmed ?? new UnconfirmedFamilies(options.logger);
    this.tokenErrorCodes = options.tokenErrorCodes ?? DEFAULT_TOKEN_ERROR_CODES;
  }

  /**
   * @throws UpstreamError (never a raw fetch error); UPSTREAM_UNCONFIRMED when an inferred family answers "not found"
   * or refuses its parameters (see endpoint-families.ts).
   */
  async request<T>(request: PlatformRequest): Promise<PlatformResponse<T>> {
    try {
      return await this.requestShared<T>(request);
    } catch (error) {
      throw this.unconfirmed.review(request.endpoint, error);
    }
  }

  private async requestShared<T>(request: PlatformRequest): Promise<PlatformResponse<T>> {
    const { sharedReads } = this.options;
    if (!sharedReads) return this.requestWithFreshToken<T>(request);
    if (isReadEndpoint(request.endpoint)) return sharedReads.read(request, () => this.requestWithFreshToken<T>(request));
    try {
      return await this.requestWithFreshToken<T>(request);
    } finally {
      // Also after a failure: a write that timed out may have been carried out.
      await sharedReads.invalidateAfterWrite(request);
    }
  }

  private async requestWithFreshToken<T>(request: PlatformRequest): Promise<PlatformResponse<T>> {
    const token = await this.options.tokens.getToken();
    try {
      return await this.sendResiliently<T>(request, token);
    } catch (error) {
      if (!this.isTokenRejection(error)) throw error;
      // A rejected token means the request was not executed, so sending it once more cannot act twice.
      await this.options.tokens.invalidate(token);
      const fresh = await this.options.tokens.getToken();
      return this.sendResiliently<T>(request, fresh);
    }
  }

  /** The platform refused the token itself, so it did not act and a new token may succeed (reference §2.3, §12.15). */
  private isTokenRejection(error: unknown): boolean {
    if (error instanceof UpstreamTransportError && error.status === 401) return true;
    return error instanceof UpstreamError && error.upstream !== undefined && this.tokenErrorCodes.has(error.upstream.code);
  }

  private sendResiliently<T>(request: PlatformRequest, token: string): Promise<PlatformResponse<T>> {
    const { resilience } = this.options;
    return resilience ? resilience.execute(request.endpoint, () => this.send<T>(request, token)) : this.send<T>(request, token);
  }

  private async send<T>(request: PlatformRequest, token: string): Promise<PlatformResponse<T>> {
    const started = performance.now();
    let outcome = 'ok';
    try {
      const { limiter, hedge } = this.options;
      const exchange = () => this.options.transport.exchange(request, { Authorization: token });
      const once =
        hedge && hedge.afterMs > 0 && isReadEndpoint(request.endpoint)
          ? () => {
              hedge.budget.recordRead();
              return hedged(
                exchange,
                hedge.afterMs,
                () => hedge.budget.tryTake(),
                () => hedge.onHedge?.(request.endpoint),
              );
            }
          : exchange;
      const envelope = await (limiter ? limiter.run(request.endpoint, once) : once());
      const code = Number(envelope.code);
      if (code !== 200) {
        outcome = `code_${Number.isFinite(code) ? code : 'invalid'}`;
        throw upstreamErrorFromCode(request.endpoint, { code, msg: typeof envelope.msg === 'string' ? envelope.msg : '' });
      }
      return { data: envelope.data as T, page: readPage(envelope) };
    } catch (error) {
      if (outcome === 'ok') outcome = error instanceof UpstreamError ? outcomeOf(error) : 'error';
      throw error;
    } finally {
      const durationMs = performance.now() - started;
      this.options.observe?.({ endpoint: request.endpoint, outcome, durationMs });
      this.options.logger?.debug({ endpoint: request.endpoint, outcome, durationMs: Math.round(durationMs) }, 'upstream call');
    }
  }
}

/** A failure that carried a business code counts under it (a 401 with a JSON code), like one inside an HTTP 200. */
function outcomeOf(error: UpstreamError): string {
  return error.upstream ? `code_${error.upstream.code}` : error.code.toLowerCase();
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
