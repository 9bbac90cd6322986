import { ErrorCode, UpstreamError, type UpstreamDetail } from '../../errors';

/** How an exchange failed before any envelope was read: no answer in time, no connection, or an HTTP error status. */
export type FailureKind = 'timeout' | 'network' | 'http';

/**
 * A transport-level failure. Carries what the retry policy needs (the kind, the HTTP status, a `Retry-After` delay)
 * as properties, not as GraphQL extensions, so none of it reaches the caller.
 */
export class UpstreamTransportError extends UpstreamError {
  constructor(
    message: string,
    code: ErrorCode,
    endpoint: string,
    readonly kind: FailureKind,
    readonly status?: number,
    /** Delay the platform asked for in `Retry-After`, ms; undefined when absent or unreadable. */
    readonly retryAfterMs?: number,
    /** The business code and message when the failed answer carried them (an HTTP 401 with a JSON `code`). */
    upstream?: UpstreamDetail,
  ) {
    super(message, code, upstream, endpoint);
  }

  /** Worth another try for a read: the platform did not act, or said it was busy or broken for a moment. */
  get transient(): boolean {
    if (this.kind !== 'http') return true;
    return this.status === 429 || this.status === 408 || (this.status !== undefined && this.status >= 500);
  }

  /** Says something about the platform's health (counts toward a circuit breaker); a 429 only says "slow down". */
  get signalsOutage(): boolean {
    return this.transient && this.status !== 429;
  }
}

/**
 * Reads `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns ms from `nowMs`, 0 for a date in
 * the past, undefined for anything unreadable (the header is then ignored, not guessed).
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
