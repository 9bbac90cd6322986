import type { Clock } from './clock';
import type { SimulatorStore } from './store/simulator.store';
import type { StrictOption } from './strict/strict-rules';

export interface SimulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 42; the same seed yields identical data. */
  seed?: number;
  /** Default 500; total devices across all products (minimum 30). */
  deviceCount?: number;
  /** Default 0; milliseconds added before every response. */
  latencyMs?: number;
  /**
   * How often every online device of a thing-model product reports 1-3 property values (new ones, per its thing
   * model) as the platform would: into its message history and on the push channel. ms; 0 (default) = never.
   */
  reportIntervalMs?: number;
  /** Default 7200 (§2.4 UNCONFIRMED: 2 h vs 24 h); reported as `expires_in`. */
  tokenTtlSeconds?: number;
  /** Default 100; a larger pageSize answers 50005 [INFERRED]. */
  maxPageSize?: number;
  /** Default Date.now; drives the login timestamp window, token expiry and the refresh rule. */
  clock?: Clock;
  /** Default 200: token errors are HTTP 200 + JSON code (§3.4); set 401 to try the alternative. */
  tokenErrorHttpStatus?: number;
  /**
   * Default true: device overview filters by the undocumented `deviceName` (§12.8). false ignores the parameter, as a
   * platform that does not know it would.
   */
  deviceNameFilter?: boolean;
  /** Default: the fixed pair in DEFAULT_CREDENTIALS. */
  credentials?: { accessKey: string; accessSecret: string };
  /** Default 10000: requests kept in `log.entries()` (oldest dropped first); counts still cover every request. */
  requestLogLimit?: number;
  /**
   * Default off (or what the host installed under `SIMULATOR_DEFAULTS`, as the test suite does): `true` turns every
   * strict rule on, an object the rules it names (`simulator/strict/strict-rules.ts`, docs/development.md).
   */
  strict?: StrictOption;
  /**
   * Called with each request as the log records it (or what the host installed under `SIMULATOR_DEFAULTS`; the
   * test suite checks every request against the public parameter tables this way). Must not throw.
   */
  requestObserver?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  /** Stable endpoint name (see ENDPOINTS) or 'unknown'. */
  endpoint: string;
  method: string;
  /** Path without the query string. */
  path: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  /** Lower-cased request headers. */
  headers: Record<string, string>;
  /** Business code answered (200 on success). */
  code: number;
  httpStatus: number;
  /** Clock time at arrival, epoch ms. */
  at: number;
}

export interface FaultSpec {
  /** Default 50000 unless `body` is given. */
  code?: number;
  /** Default: the documented message for `code`. */
  msg?: string;
  /** Default 200. */
  httpStatus?: number;
  /** Real milliseconds to wait before answering. */
  delayMs?: number;
  /** Raw response body sent as-is (e.g. an HTML gateway page); overrides code/msg. */
  body?: string;
  /** Default 1: how many upcoming requests to the endpoint get this answer. */
  times?: number;
  /** Extra response headers, e.g. `{ 'Retry-After': '1' }` with `httpStatus: 429`. */
  headers?: Record<string, string>;
  /** Cut the connection without answering (after `delayMs`), like a reset between the platform and us. */
  reset?: boolean;
}

/** A fault that strikes at random: each request to a matching endpoint gets `fault` with `probability`. */
export interface RandomFaultRule {
  /** 0..1 */
  probability: number;
  fault: Omit<FaultSpec, 'times'>;
  /** Endpoint names it applies to; default every OpenAPI endpoint except the login and refresh. */
  endpoints?: string[];
}

/** A Node EventEmitter of `message` events, each one §9 body as JSON text. */
export interface PushFeedEmitter {
  on(event: 'message', listener: (body: string) => void): this;
  off(event: 'message', listener: (body: string) => void): this;
  listenerCount(event: 'message'): number;
}

export interface SimulatorHandle {
  /** e.g. http://127.0.0.1:34567, no trailing slash. */
  baseUrl: string;
  credentials: { accessKey: string; accessSecret: string };
  log: {
    /** Copy of the last `requestLogLimit` requests, oldest first. */
    entries(): RequestLogEntry[];
    /** Total, or for one endpoint name. */
    count(endpoint?: string): number;
    counters(): Record<string, number>;
    clear(): void;
  };
  setLatency(ms: number): void;
  faults: {
    /** The next `times` requests to `endpoint` answer with this instead of the real handler. Throws for unknown names. */
    inject(endpoint: string, fault: FaultSpec): void;
    /**
     * Replaces the random faults (seeded, so a run can be repeated); queued `inject` faults still come first.
     * Throws for unknown endpoint names or a probability outside 0..1.
     */
    random(rules: RandomFaultRule[], seed?: number): void;
    /** Drops queued and random faults. */
    clear(): void;
  };
  tokens: {
    /** Every token issued so far answers 91004 from now on. */
    revokeAll(): void;
    issuedCount(): number;
  };
  /**
   * The §9 push channel. Detached by default: no broker is needed and nothing is pushed. Attached, the simulator
   * mirrors its §6.6 queues on the broker and publishes the §9.4 messages of API actions to the queues of matching
   * started subscriptions; the broker asks `<baseUrl>/amqp/auth/*` who may connect (push contract).
   */
  push: {
    /** Connects the publisher to `brokerUrl` (`amqp://host:port/quec-open`) and declares every queue. */
    attach(brokerUrl: string): Promise<void>;
    /** Closes the publisher; also done by close(). */
    detach(): Promise<void>;
    /**
     * Routes one §9 message (missing `createdAt`/`ticket` filled in, except the ticket of the catalogue's ticket-less
     * families under strict rule `ticketlessPush`) to every matching started subscription's queue; resolves with
     * the number of queues that received it, 0 when detached.
     */
    emit(message: object): Promise<number>;
    /**
     * Emits one message of catalogue kind `kind` (`CATALOGUE_KINDS`: `ONLINE`, `MATTR/REPORT`, `META_EVENT/PRODUCT`,
     * `CEP_RULE/NOTICE`, ...) about the device, in the vendor catalogue's shape (§9.3). Throws for an unknown kind
     * or device.
     */
    emitCatalogue(kind: string, productKey: string, deviceKey: string): Promise<number>;
    /** The message `emitCatalogue` would publish, without a broker. */
    catalogue(kind: string, productKey: string, deviceKey: string): object;
    /** Emits a device's MATTR/REPORT uplink with `kv` and a fresh ticket. Throws for an unknown device. */
    deviceReport(productKey: string, deviceKey: string, kv: Record<string, unknown>): Promise<number>;
    /**
     * Every §9 message the simulator pushes, as `message` events carrying the UTF-8 JSON body a broker would deliver,
     * whether or not a broker is attached or a subscription started: an in-process firehose of the account's push
     * traffic for an embedding process. Without a listener (and detached) nothing is built at all.
     */
    feed: PushFeedEmitter;
    /** One round of the periodic property reports now (what `reportIntervalMs` schedules); resolves with how many devices reported. */
    reportOnce(): Promise<number>;
  };
  store: SimulatorStore;
  /** Detaches the push channel, then stops listening. */
  close(): Promise<void>;
}
