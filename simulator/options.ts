import { systemClock, type Clock } from './clock';
import { MIN_DEVICE_COUNT } from './seed/seed.constants';
import type { RequestLogEntry, SimulatorOptions } from './simulator.types';
import { hostDefaults, resolveStrict, type StrictRules } from './strict/strict-rules';

/** A fixed pair so `npm run sim` and tests agree without configuration. Not a real platform credential. */
export const DEFAULT_CREDENTIALS = Object.freeze({
  accessKey: '31c8qimuLs7bT2Vk9Xw4RaEy',
  accessSecret: '8Jd2LxQw7PzR4mNc9VbT3kYs6HfG1aEoU5iWqZtB',
});

/** Requests the log keeps: enough for any test's assertions, about 10 MB at the ~1 KB an entry takes. */
export const DEFAULT_REQUEST_LOG_LIMIT = 10_000;

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: number;
  deviceCount: number;
  latencyMs: number;
  tokenTtlSeconds: number;
  maxPageSize: number;
  clock: Clock;
  tokenErrorHttpStatus: number;
  deviceNameFilter: boolean;
  credentials: { accessKey: string; accessSecret: string };
  requestLogLimit: number;
  strict: StrictRules;
  requestObserver: ((entry: RequestLogEntry) => void) | undefined;
  reportIntervalMs: number;
  /** What the list handlers need of the above. */
  paging: PageLimits;
}

/** Largest `pageSize` accepted (above it: 50005) and, when non-zero, the strict silent cap. */
export interface PageLimits {
  maxPageSize: number;
  pageSizeCap: number;
}

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    seed: options.seed ?? 42,
    deviceCount: options.deviceCount ?? 500,
    latencyMs: options.latencyMs ?? 0,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
    maxPageSize: options.maxPageSize ?? 100,
    clock: options.clock ?? systemClock,
    tokenErrorHttpStatus: options.tokenErrorHttpStatus ?? 200,
    deviceNameFilter: options.deviceNameFilter ?? true,
    credentials: { ...(options.credentials ?? DEFAULT_CREDENTIALS) },
    requestLogLimit: options.requestLogLimit ?? DEFAULT_REQUEST_LOG_LIMIT,
    strict: resolveStrict(options.strict ?? hostDefaults().strict),
    requestObserver: options.requestObserver ?? (hostDefaults().requestObserver as ((entry: RequestLogEntry) => void) | undefined),
    paging: { maxPageSize: 0, pageSizeCap: 0 },
    reportIntervalMs: options.reportIntervalMs ?? 0,
  };
  resolved.paging = { maxPageSize: resolved.maxPageSize, pageSizeCap: resolved.strict.pageSizeCap };
  requireInteger('seed', resolved.seed, -(2 ** 31), 2 ** 32 - 1);
  requireInteger('deviceCount', resolved.deviceCount, MIN_DEVICE_COUNT, 1_000_000);
  requireInteger('latencyMs', resolved.latencyMs, 0, 60_000);
  requireInteger('tokenTtlSeconds', resolved.tokenTtlSeconds, 1, 10 * 365 * 86_400);
  requireInteger('maxPageSize', resolved.maxPageSize, 1, 100_000);
  requireInteger('requestLogLimit', resolved.requestLogLimit, 1, 1_000_000);
  requireInteger('reportIntervalMs', resolved.reportIntervalMs, 0, 86_400_000);
  requireInteger('tokenErrorHttpStatus', resolved.tokenErrorHttpStatus, 200, 599);
  if (!resolved.credentials.accessKey || !resolved.credentials.accessSecret) {
    throw new RangeError('credentials.accessKey and credentials.accessSecret must be non-empty');
  }
  return resolved;
}

function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`SimulatorOptions.${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}
