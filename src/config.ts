import type { SharedReadTtls } from './datasources/platform/shared-read-cache';
import { z } from 'zod';
import { parseApiKeys } from './auth/callers/api-keys';
import type { AuthSettings } from './auth/callers/authenticate';

/** The two documented API hosts (reference §1). */
export const REGION_BASE_URLS = {
  cn: 'https://iot-api.quectelcn.com',
  eu: 'https://iot-api.acceleronix.io',
} as const;

/** Where upstream calls go: the real platform, or the embedded simulator started by the process entry. */
export type UpstreamConfig = { kind: 'platform'; baseUrl: string; accessKey: string; accessSecret: string } | { kind: 'simulator' };

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly upstream: UpstreamConfig;
  readonly redisUrl?: string;
  /** Rows asked of upstream per list page; our connections work with any value (reference §4 states no maximum). */
  readonly upstreamPageSize: number;
  readonly upstreamTimeoutMs: number;
  /** Seconds before `expires_in` runs out at which a cached token stops being used. */
  readonly tokenExpiryMarginSeconds: number;
  /** Seconds before expiry at which the refresh endpoint is used instead of a new login (reference §2.2). */
  readonly tokenRefreshWindowSeconds: number;
  /** Business codes after which the shared token is dropped and the call sent once more (reference §12.15). */
  readonly tokenErrorCodes: readonly number[];
  readonly logLevel: string;
  readonly nodeEnv: string;
  /** Longest wait per `/ready` check (token, Redis ping), ms. */
  readonly readinessTimeoutMs: number;
  /** On SIGTERM/SIGINT, how long in-flight requests may take before their connections are cut, ms. */
  readonly shutdownGraceMs: number;
  /** How long a read made only of catalogue data (products, thing models, projects) may be cached, seconds; 0 = never. */
  readonly catalogCacheMaxAgeSeconds: number;
  /** Base paths of endpoints whose location is inferred, not published (reference §11); override when upstream differs. */
  readonly inferredPaths: InferredPaths;
  /** The AMQP push channel (reference §9); absent when not configured, and `Subscription.deviceMessages` refuses. */
  readonly push?: PushConfig;
  /** Port of the embedded simulator (0 = any free one); fixed when a local broker's auth backend must reach it. */
  readonly simulatorPort: number;
  /** How often the embedded simulator's online devices report property values, ms; 0 = never (only on request). */
  readonly simulatorReportIntervalMs: number;
  /**
   * Keep the latest state of every device from the push channel (docs/push.md): consume continuously and answer
   * `Device.properties` from it. False = consume only while someone subscribes, and read properties from history.
   */
  readonly liveState: boolean;
  /** What the GraphQL endpoint shows about itself; locked down by NODE_ENV=production, each one overridable. */
  readonly exposure: ExposureConfig;
  /** `/metrics` and `/ready` on their own listener instead of the GraphQL port; absent = served on PORT. */
  readonly ops?: OpsConfig;
  /** Largest request body accepted, bytes; larger ones get a coded 413. */
  readonly maxBodyBytes: number;
  /** Bounds of the automatic persisted-query store (memory, or Redis when REDIS_URL is set). */
  readonly persistedQueries: PersistedQueriesConfig;
  /** QUEC_DEVICE_NAME_FILTER: send the undocumented `deviceName` device-list filter instead of matching names here. */
  readonly deviceNameFilter: boolean;
  /** TTLs (ms) of the platform reads shared across requests and replicas; 0 = not cached (docs/operations.md). */
  readonly sharedReadTtls: SharedReadTtls;
  /** Retries of idempotent reads and the per-family circuit breaker (docs/resilience.md). */
  readonly upstreamResilience: UpstreamResilienceConfig;
  /** 32-byte AES-256-GCM key for the token cached in Redis; absent = derived from the access secret (HKDF). */
  readonly tokenEncryptionKey?: Buffer;
  /** Inbound authentication (docs/security.md); all parts absent = local mode, every caller has every scope. */
  readonly auth: AuthSettings;
  /** AUTH_DISABLED_ALLOW_REMOTE: the operator accepted serving a non-loopback HOST without any inbound auth. */
  readonly allowRemoteWithoutAuth: boolean;
  /** What one operation may cost, checked before execution (docs/limits.md). */
  readonly queryLimits: QueryLimits;
  /** Upstream calls in flight at once per process, and how many more may wait before calls are shed. */
  readonly upstreamConcurrency: UpstreamConcurrency;
  /** Browser origins (`scheme://host[:port]`) allowed to call `/graphql` from another origin (CORS, WebSocket). */
  readonly corsOrigins: readonly string[];
}

/** Each toggle defaults to on outside production and off in production (docs/production.md). */
export interface ExposureConfig {
  readonly introspection: boolean;
  readonly landingPage: boolean;
  /** "Did you mean ...?" in validation errors, which leak field names to a caller who may not introspect. */
  readonly fieldSuggestions: boolean;
  /** Federated traces (`ftv1`) for any caller; when off, only a request with the router's secret gets them. */
  readonly tracesForAnyone: boolean;
}

export interface OpsConfig {
  readonly host: string;
  readonly port: number;
}

export interface PersistedQueriesConfig {
  /** Seconds a registered query lives after it was stored. */
  readonly ttlSeconds: number;
  /** Most queries held, in memory or in Redis for all replicas. */
  readonly maxEntries: number;
  /** Most bytes of query text (plus keys) held, in memory or in Redis for all replicas. */
  readonly maxBytes: number;
  /** Largest single query stored (memory and Redis); a larger one runs but is not registered. */
  readonly maxQueryBytes: number;
}

export interface UpstreamResilienceConfig {
  /** Longest time one upstream read may spend retrying, ms from its first attempt. */
  readonly retryBudgetMs: number;
  /** Retries after the first attempt of a read; 0 turns retries off. */
  readonly maxRetries: number;
  /** Consecutive outage failures of one endpoint family that open its circuit. */
  readonly breakerThreshold: number;
  /** How long an open circuit fails fast before one trial call, ms. */
  readonly breakerHalfOpenAfterMs: number;
  /** A read unanswered this long (ms) is sent once more and the first answer wins; 0 = never. */
  readonly hedgeAfterMs: number;
  /** Hedges at most this share of reads, in percent (hedge-budget.ts); 0 = never. */
  readonly hedgeBudgetPercent: number;
}

export interface QueryLimits {
  /** Estimated upstream calls per operation (nested page sizes multiply, aliases count). */
  readonly maxUpstreamCalls: number;
  /** Nesting depth of fields, fragments expanded. */
  readonly maxDepth: number;
  /** Aliased fields in one document. */
  readonly maxAliases: number;
  /** Downlink (command) mutations in one operation; each is sent exactly once, so the cap is the only brake. */
  readonly maxCommands: number;
}

export interface UpstreamConcurrency {
  readonly maxInFlight: number;
  readonly maxQueued: number;
}

/** Where the platform pushes device messages (reference §9.1) and which queue we consume. */
export interface PushConfig {
  /** `amqp://` or `amqps://` URL without credentials; its path is the vhost (`quec-open`). */
  readonly url: string;
  /** Full queue name `a.<accountId>.<name>` as queue/create returns it (reference §6.6). */
  readonly queue: string;
  /**
   * Fan-out between replicas through Redis (docs/push.md, several replicas): on when REDIS_URL is set, unless
   * QUEC_PUSH_FANOUT=local. Absent: each replica hands what it consumed to its own subscribers only.
   */
  readonly fanOut?: PushFanOutConfig;
}

export interface PushFanOutConfig {
  /** How long a published message is remembered so a redelivery of it is acknowledged without a second copy, ms. */
  readonly dedupeTtlMs: number;
  /** Entries the Redis stream keeps (approximately) for a replica that falls behind. */
  readonly streamMaxLength: number;
}

export interface InferredPaths {
  /** Project management (§11.1); `/overview`, `/{projectId}/detail`, `/{projectId}/product/overview` hang off it. */
  readonly projects: string;
  /** Device groups (§11.6); `/addDeviceGroup`, `/deviceGroupList`, ... hang off it. */
  readonly deviceGroups: string;
  /** Users bound to one device (§11.5 `deviceUserList`). */
  readonly deviceUserList: string;
  /** Binding writes (§11.5); `/bindDeviceByPkDk`, `/unbundlingUserDevice`, `/batchUnbindlingDevice` hang off it. */
  readonly bindingWrites: string;
  /** SMS management (§11.7); `/entSmsAccountList`, `/addEntSmsAccount`, ... hang off it. */
  readonly sms: string;
  /** Mail accounts (§11.8); `/getEmailAccountList`, `/addEmailAccount`, ... hang off it. */
  readonly mail: string;
  /** User-domain product authorization and third-party login (§11.8); `/addUserDomainProductAuth`, ... hang off it. */
  readonly endUserAdmin: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const intInRange = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** `true`/`false` (also 1/0, yes/no); unset = the NODE_ENV default. */
const optionalFlag = optionalText.pipe(
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { errorMap: () => ({ message: 'must be true or false' }) })
    .transform((value) => ['true', '1', 'yes'].includes(value))
    .optional(),
);

const environmentSchema = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: intInRange(0, 65535, 4000),
  QUEC_BASE_URL: optionalText.pipe(z.string().url().optional()),
  QUEC_REGION: optionalText.pipe(z.enum(['cn', 'eu']).optional()),
  QUEC_ACCESS_KEY: optionalText,
  QUEC_ACCESS_SECRET: optionalText,
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
  ),
  QUEC_PAGE_SIZE: intInRange(1, 1000, 100),
  QUEC_TIMEOUT_MS: intInRange(100, 120_000, 10_000),
  QUEC_TOKEN_EXPIRY_MARGIN_SECONDS: intInRange(0, 3600, 60),
  QUEC_TOKEN_REFRESH_WINDOW_SECONDS: intInRange(0, 86_400, 1800),
  QUEC_TOKEN_ERROR_CODES: z
    .string()
    .trim()
    .regex(/^\d{1,9}(\s*,\s*\d{1,9})*$/, 'must be a comma-separated list of platform codes, e.g. 91001,91004,5032,5106')
    .default('91001,91004,5032,5106')
    .transform((list) => Object.freeze([...new Set(list.split(',').map((code) => Number(code.trim())))])),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  READINESS_TIMEOUT_MS: intInRange(100, 60_000, 3000),
  SHUTDOWN_GRACE_MS: intInRange(0, 600_000, 10_000),
  CACHE_CATALOG_MAX_AGE_SECONDS: intInRange(0, 86_400, 60),
  QUEC_PATH_PROJECTS: z
    .string()
    .regex(/^\/[\w./-]+$/, 'must be a path starting with /')
    .default('/v2/quecproductmgr/r1/openapi/project'),
  QUEC_PATH_DEVICE_GROUPS: z
    .string()
    .regex(/^\/[\w./-]+$/, 'must be a path starting with /')
    .default('/v2/devicegroup/enterpriseapi'),
  QUEC_PATH_DEVICE_USER_LIST: z
    .string()
    .regex(/^\/[\w./-]+$/, 'must be a path starting with /')
    .default('/v2/binding/enterpriseapi/deviceUserList'),
  QUEC_PATH_BINDING: z
    .string()
    .regex(/^\/[\w./-]+$/, 'must be a path starting with /')
    .default('/v2/binding/enterpriseapi'),
  QUEC_PATH_SMS: z
    .string()
    .regex(/^\/[\w./-]+$/, 'must be a path starting with /')
    .default('/v2/sms/enterpriseapi'),
  QUEC_PATH_MAIL: z
    .string()
    .regex(/^\/[\w./-]+$/, 'must be a path starting with /')
    .default('/v2/enduser/enterpriseapi'),
  QUEC_PATH_END_USER_ADMIN: z
    .string()
    .regex(/^\/[\w./-]+$/, 'must be a path starting with /')
    .default('/v2/enduser/enterpriseapi'),
  QUEC_SIMULATOR_PORT: intInRange(0, 65535, 0),
  QUEC_SIMULATOR_REPORT_INTERVAL_MS: intInRange(0, 86_400_000, 10_000),
  QUEC_PUSH_LIVE_STATE: optionalFlag,
  QUEC_PUSH_FANOUT: optionalText.pipe(z.enum(['redis', 'local']).optional()),
  QUEC_PUSH_DEDUPE_TTL_MS: intInRange(1000, 86_400_000, 600_000),
  QUEC_PUSH_FANOUT_MAX_LENGTH: intInRange(100, 10_000_000, 10_000),
  UPSTREAM_RETRY_BUDGET_MS: intInRange(0, 120_000, 3000),
  UPSTREAM_RETRY_MAX: intInRange(0, 10, 3),
  UPSTREAM_BREAKER_THRESHOLD: intInRange(1, 1000, 10),
  UPSTREAM_BREAKER_HALF_OPEN_MS: intInRange(100, 600_000, 5000),
  UPSTREAM_HEDGE_AFTER_MS: intInRange(0, 120_000, 1500),
  UPSTREAM_HEDGE_BUDGET_PERCENT: intInRange(0, 100, 10),
  QUEC_DEVICE_NAME_FILTER: optionalFlag,
  CACHE_PRODUCTS_TTL_MS: intInRange(0, 86_400_000, 0),
  CACHE_THING_MODELS_TTL_MS: intInRange(0, 86_400_000, 0),
  CACHE_DEVICES_TTL_MS: intInRange(0, 86_400_000, 0),
  TOKEN_ENCRYPTION_KEY: optionalText.pipe(
    z
      .string()
      .refine(
        (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32,
        'must be 32 bytes in base64 (openssl rand -base64 32)',
      )
      .optional(),
  ),
  QUERY_MAX_UPSTREAM_CALLS: intInRange(1, 1_000_000, 500),
  QUERY_MAX_DEPTH: intInRange(2, 100, 12),
  QUERY_MAX_ALIASES: intInRange(0, 10_000, 50),
  QUERY_MAX_COMMANDS: intInRange(0, 1000, 10),
  UPSTREAM_MAX_CONCURRENCY: intInRange(1, 1000, 64),
  UPSTREAM_MAX_QUEUE: intInRange(0, 100_000, 1000),
  QUEC_AMQP_URL: optionalText.pipe(
    z
      .string()
      .regex(
        /^amqps?:\/\/[^/@\s]+(\/[^\s]*)?$/,
        'must be amqp:// or amqps:// host[:port][/vhost] without credentials (they are signed from the access key)',
      )
      .optional(),
  ),
  QUEC_AMQP_QUEUE: optionalText.pipe(
    z
      .string()
      .regex(/^a\.[A-Za-z0-9]+\.[A-Za-z0-9_-]{1,64}$/, 'must be the full queue name a.<accountId>.<name> that queue/create returns')
      .optional(),
  ),
  GRAPHQL_INTROSPECTION: optionalFlag,
  GRAPHQL_LANDING_PAGE: optionalFlag,
  GRAPHQL_FIELD_SUGGESTIONS: optionalFlag,
  GRAPHQL_TRACES_FOR_ANYONE: optionalFlag,
  OPS_PORT: optionalText.pipe(z.coerce.number().int().min(0).max(65535).optional()),
  OPS_HOST: optionalText,
  MAX_BODY_BYTES: intInRange(1024, 64 * 1024 * 1024, 1024 * 1024),
  APQ_TTL_SECONDS: intInRange(1, 30 * 86_400, 86_400),
  APQ_MAX_ENTRIES: intInRange(1, 1_000_000, 10_000),
  APQ_MAX_BYTES: intInRange(1024, 1024 * 1024 * 1024, 32 * 1024 * 1024),
  APQ_MAX_QUERY_BYTES: intInRange(256, 16 * 1024 * 1024, 64 * 1024),
  AUTH_API_KEYS: optionalText,
  AUTH_JWKS_URL: optionalText.pipe(
    z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s):// URL')
      .optional(),
  ),
  AUTH_JWT_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters (HS256 needs a 256-bit key)').optional()),
  AUTH_JWT_ISSUER: optionalText,
  AUTH_JWT_AUDIENCE: optionalText,
  ROUTER_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  AUTH_DISABLED_ALLOW_REMOTE: optionalText.pipe(z.enum(['true', 'false']).optional()),
  CORS_ORIGINS: optionalText.pipe(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== ''),
      )
      .pipe(
        z.array(
          z.string().regex(/^https?:\/\/[A-Za-z0-9.[\]:-]+$/, 'must be a comma-separated list of origins (scheme://host[:port], no path, no *)'),
        ),
      )
      .optional(),
  ),
});

/**
 * Parses and validates the environment once. Unset credentials select the embedded simulator; a partial set is
 * an error, because silently talking to the simulator when one variable is missing would hide a misconfiguration.
 *
 * @throws ConfigError naming every offending variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  const auth = resolveAuth(vars);
  const allowRemoteWithoutAuth = vars.AUTH_DISABLED_ALLOW_REMOTE === 'true';
  checkExposure(vars.HOST, auth, allowRemoteWithoutAuth);
  return Object.freeze({
    host: vars.HOST,
    port: vars.PORT,
    upstream: resolveUpstream(vars),
    redisUrl: vars.REDIS_URL,
    upstreamPageSize: vars.QUEC_PAGE_SIZE,
    upstreamTimeoutMs: vars.QUEC_TIMEOUT_MS,
    tokenExpiryMarginSeconds: vars.QUEC_TOKEN_EXPIRY_MARGIN_SECONDS,
    tokenRefreshWindowSeconds: vars.QUEC_TOKEN_REFRESH_WINDOW_SECONDS,
    tokenErrorCodes: vars.QUEC_TOKEN_ERROR_CODES,
    logLevel: vars.LOG_LEVEL,
    nodeEnv: vars.NODE_ENV,
    readinessTimeoutMs: vars.READINESS_TIMEOUT_MS,
    shutdownGraceMs: vars.SHUTDOWN_GRACE_MS,
    catalogCacheMaxAgeSeconds: vars.CACHE_CATALOG_MAX_AGE_SECONDS,
    inferredPaths: Object.freeze({
      projects: vars.QUEC_PATH_PROJECTS.replace(/\/+$/, ''),
      deviceGroups: vars.QUEC_PATH_DEVICE_GROUPS.replace(/\/+$/, ''),
      deviceUserList: vars.QUEC_PATH_DEVICE_USER_LIST,
      bindingWrites: vars.QUEC_PATH_BINDING.replace(/\/+$/, ''),
      sms: vars.QUEC_PATH_SMS.replace(/\/+$/, ''),
      mail: vars.QUEC_PATH_MAIL.replace(/\/+$/, ''),
      endUserAdmin: vars.QUEC_PATH_END_USER_ADMIN.replace(/\/+$/, ''),
    }),
    push: resolvePush(vars),
    simulatorPort: vars.QUEC_SIMULATOR_PORT,
    simulatorReportIntervalMs: vars.QUEC_SIMULATOR_REPORT_INTERVAL_MS,
    liveState: vars.QUEC_PUSH_LIVE_STATE ?? true,
    exposure: resolveExposure(vars),
    ops: vars.OPS_PORT === undefined ? undefined : Object.freeze({ host: vars.OPS_HOST ?? vars.HOST, port: vars.OPS_PORT }),
    maxBodyBytes: vars.MAX_BODY_BYTES,
    persistedQueries: resolvePersistedQueries(vars),
    deviceNameFilter: vars.QUEC_DEVICE_NAME_FILTER ?? false,
    sharedReadTtls: Object.freeze({
      products: vars.CACHE_PRODUCTS_TTL_MS,
      thingModels: vars.CACHE_THING_MODELS_TTL_MS,
      devices: vars.CACHE_DEVICES_TTL_MS,
    }),
    upstreamResilience: Object.freeze({
      retryBudgetMs: vars.UPSTREAM_RETRY_BUDGET_MS,
      maxRetries: vars.UPSTREAM_RETRY_MAX,
      breakerThreshold: vars.UPSTREAM_BREAKER_THRESHOLD,
      breakerHalfOpenAfterMs: vars.UPSTREAM_BREAKER_HALF_OPEN_MS,
      hedgeAfterMs: vars.UPSTREAM_HEDGE_AFTER_MS,
      hedgeBudgetPercent: vars.UPSTREAM_HEDGE_BUDGET_PERCENT,
    }),
    tokenEncryptionKey: vars.TOKEN_ENCRYPTION_KEY ? Buffer.from(vars.TOKEN_ENCRYPTION_KEY, 'base64') : undefined,
    auth,
    allowRemoteWithoutAuth,
    queryLimits: Object.freeze({
      maxUpstreamCalls: vars.QUERY_MAX_UPSTREAM_CALLS,
      maxDepth: vars.QUERY_MAX_DEPTH,
      maxAliases: vars.QUERY_MAX_ALIASES,
      maxCommands: vars.QUERY_MAX_COMMANDS,
    }),
    upstreamConcurrency: Object.freeze({ maxInFlight: vars.UPSTREAM_MAX_CONCURRENCY, maxQueued: vars.UPSTREAM_MAX_QUEUE }),
    // Browsers send the origin in lower case without a default port; normalised the same way so they compare equal.
    corsOrigins: Object.freeze((vars.CORS_ORIGINS ?? []).map((origin) => new URL(origin).origin)),
  });
}

/** Production hides what helps an attacker map the graph; an explicit variable wins either way. */
function resolveExposure(vars: z.infer<typeof environmentSchema>): ExposureConfig {
  const open = vars.NODE_ENV !== 'production';
  return Object.freeze({
    introspection: vars.GRAPHQL_INTROSPECTION ?? open,
    landingPage: vars.GRAPHQL_LANDING_PAGE ?? open,
    fieldSuggestions: vars.GRAPHQL_FIELD_SUGGESTIONS ?? open,
    tracesForAnyone: vars.GRAPHQL_TRACES_FOR_ANYONE ?? open,
  });
}

function resolvePersistedQueries(vars: z.infer<typeof environmentSchema>): PersistedQueriesConfig {
  if (vars.APQ_MAX_QUERY_BYTES > vars.APQ_MAX_BYTES) {
    throw new ConfigError('Invalid configuration: APQ_MAX_QUERY_BYTES must not exceed APQ_MAX_BYTES');
  }
  return Object.freeze({
    ttlSeconds: vars.APQ_TTL_SECONDS,
    maxEntries: vars.APQ_MAX_ENTRIES,
    maxBytes: vars.APQ_MAX_BYTES,
    maxQueryBytes: vars.APQ_MAX_QUERY_BYTES,
  });
}

/** Hosts that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function resolveAuth(vars: z.infer<typeof environmentSchema>): AuthSettings {
  let apiKeys: AuthSettings['apiKeys'] = [];
  if (vars.AUTH_API_KEYS) {
    try {
      apiKeys = parseApiKeys(vars.AUTH_API_KEYS);
    } catch (error) {
      throw new ConfigError(`Invalid configuration: AUTH_API_KEYS: ${(error as Error).message}`);
    }
  }
  const { AUTH_JWKS_URL: jwksUrl, AUTH_JWT_SECRET: secret, AUTH_JWT_ISSUER: issuer, AUTH_JWT_AUDIENCE: audience } = vars;
  if (jwksUrl && secret) throw new ConfigError('Invalid configuration: set AUTH_JWKS_URL or AUTH_JWT_SECRET, not both');
  let jwt: AuthSettings['jwt'];
  if (jwksUrl || secret) {
    const missing = [!issuer && 'AUTH_JWT_ISSUER', !audience && 'AUTH_JWT_AUDIENCE'].filter(Boolean);
    if (missing.length > 0)
      throw new ConfigError(`Invalid configuration: missing ${missing.join(', ')} (required with AUTH_JWKS_URL or AUTH_JWT_SECRET)`);
    jwt = { keys: jwksUrl ? { kind: 'jwks', url: jwksUrl } : { kind: 'secret', secret: secret! }, issuer: issuer!, audience: audience! };
  } else if (issuer || audience) {
    throw new ConfigError('Invalid configuration: AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE need AUTH_JWKS_URL or AUTH_JWT_SECRET');
  }
  return Object.freeze({ apiKeys, jwt, routerSecret: vars.ROUTER_SECRET });
}

/**
 * Without inbound auth every caller acts with every scope, which is only safe when nobody else can reach the port.
 * A non-loopback HOST then needs the explicit, documented opt-out.
 */
function checkExposure(host: string, auth: AuthSettings, allowRemote: boolean): void {
  const authConfigured = auth.apiKeys.length > 0 || auth.jwt !== undefined || auth.routerSecret !== undefined;
  if (authConfigured || allowRemote || isLoopbackHost(host)) return;
  throw new ConfigError(
    `Invalid configuration: HOST=${host} is reachable from other machines and no inbound auth is configured, so anyone ` +
      'could call every mutation. Set AUTH_API_KEYS, AUTH_JWKS_URL or AUTH_JWT_SECRET (with AUTH_JWT_ISSUER and ' +
      'AUTH_JWT_AUDIENCE), or ROUTER_SECRET; or bind HOST=127.0.0.1; or set AUTH_DISABLED_ALLOW_REMOTE=true to accept the risk (docs/security.md).',
  );
}

/** Both push variables or neither: a URL without a queue (or the reverse) cannot consume anything. */
function resolvePush(vars: z.infer<typeof environmentSchema>): PushConfig | undefined {
  const { QUEC_AMQP_URL: url, QUEC_AMQP_QUEUE: queue } = vars;
  if (!url && !queue) return undefined;
  if (!url) throw new ConfigError('Invalid configuration: QUEC_AMQP_URL is required with QUEC_AMQP_QUEUE');
  if (!queue) throw new ConfigError('Invalid configuration: QUEC_AMQP_QUEUE is required with QUEC_AMQP_URL');
  return Object.freeze({ url, queue, fanOut: resolvePushFanOut(vars) });
}

/** Replicas sharing a Redis share the queue's messages too, unless told to keep them local. */
function resolvePushFanOut(vars: z.infer<typeof environmentSchema>): PushFanOutConfig | undefined {
  if (vars.QUEC_PUSH_FANOUT === 'redis' && !vars.REDIS_URL) throw new ConfigError('Invalid configuration: QUEC_PUSH_FANOUT=redis needs REDIS_URL');
  if (!vars.REDIS_URL || vars.QUEC_PUSH_FANOUT === 'local') return undefined;
  return Object.freeze({ dedupeTtlMs: vars.QUEC_PUSH_DEDUPE_TTL_MS, streamMaxLength: vars.QUEC_PUSH_FANOUT_MAX_LENGTH });
}

function resolveUpstream(vars: z.infer<typeof environmentSchema>): UpstreamConfig {
  const { QUEC_ACCESS_KEY: accessKey, QUEC_ACCESS_SECRET: accessSecret } = vars;
  if (vars.QUEC_BASE_URL && vars.QUEC_REGION) {
    throw new ConfigError('Invalid configuration: set QUEC_BASE_URL or QUEC_REGION, not both');
  }
  const baseUrl = vars.QUEC_BASE_URL ?? (vars.QUEC_REGION ? REGION_BASE_URLS[vars.QUEC_REGION] : undefined);
  if (!accessKey && !accessSecret) {
    if (baseUrl) {
      throw new ConfigError('Invalid configuration: QUEC_ACCESS_KEY and QUEC_ACCESS_SECRET are required with a base URL');
    }
    return { kind: 'simulator' };
  }
  const missing = [!accessKey && 'QUEC_ACCESS_KEY', !accessSecret && 'QUEC_ACCESS_SECRET', !baseUrl && 'QUEC_BASE_URL (or QUEC_REGION)'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    throw new ConfigError(`Invalid configuration: missing ${missing.join(', ')}`);
  }
  return { kind: 'platform', baseUrl: baseUrl!.replace(/\/+$/, ''), accessKey: accessKey!, accessSecret: accessSecret! };
}
