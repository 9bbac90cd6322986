import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  ExponentialBackoff,
  circuitBreaker,
  halfJitterGenerator,
  handleWhen,
  retry,
  wrap,
  type CircuitBreakerPolicy,
  type IBackoff,
} from 'cockatiel';
import { ErrorCode, UpstreamError } from '../../errors';
import { endpointFamily, isReadEndpoint } from './read-endpoints';
import { UpstreamTransportError } from './upstream-failure';

export interface ResilienceOptions {
  /** Longest time one upstream call may spend on retries, ms from its first attempt; no retry starts past it. */
  retryBudgetMs: number;
  /** Retries after the first attempt (reads only). */
  maxRetries: number;
  /** First backoff delay, ms; doubles per retry, half-jittered. */
  initialDelayMs?: number;
  /** Largest backoff delay, ms. */
  maxDelayMs?: number;
  /** Consecutive outage failures (5xx, timeout, reset) of one endpoint family that open its circuit. */
  breakerThreshold: number;
  /** How long an open circuit fails fast before letting one trial call through (half-open), ms. */
  breakerHalfOpenAfterMs: number;
  observer?: ResilienceObserver;
  /** Epoch ms; Date.now by default (jest's fake timers replace it in tests). */
  now?: () => number;
}

export interface ResilienceObserver {
  retry(event: { endpoint: string; reason: string; delayMs: number }): void;
  circuit(event: { family: string; state: 'closed' | 'open' | 'half_open' }): void;
}

const STATE_NAMES = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Isolated]: 'open',
} as const;

/**
 * Retries idempotent reads and guards every endpoint family with a circuit breaker (cockatiel). Writes, commands
 * above all, go through the breaker (an open circuit refuses them before anything is sent) but are never retried:
 * a downlink that timed out may have been delivered.
 */
export class UpstreamResilience {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly now: () => number;

  constructor(private readonly options: ResilienceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Runs `attempt` (one exchange with the platform) under the rules for `endpoint`. @throws UpstreamError */
  async execute<T>(endpoint: string, attempt: () => Promise<T>): Promise<T> {
    const breaker = this.breakerFor(endpointFamily(endpoint));
    const policy = isReadEndpoint(endpoint) ? wrap(this.retryFor(endpoint), breaker) : breaker;
    try {
      return await policy.execute(() => attempt());
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        throw new UpstreamError(
          `Platform calls to ${endpointFamily(endpoint)} are failing; not calling ${endpoint} for now`,
          ErrorCode.UPSTREAM_UNAVAILABLE,
          undefined,
          endpoint,
        );
      }
      throw error;
    }
  }

  /** Circuit state per family seen so far, for metrics and tests. */
  circuitStates(): Record<string, 'closed' | 'open' | 'half_open'> {
    return Object.fromEntries([...this.breakers].map(([family, breaker]) => [family, STATE_NAMES[breaker.state]]));
  }

  /**
   * One retry policy per call: the decision whether to retry needs the call's own start time and the delay the
   * last answer asked for, so both are computed in the predicate and the backoff just replays the delay.
   */
  private retryFor(endpoint: string) {
    const started = this.now();
    const { retryBudgetMs } = this.options;
    const exponential = new ExponentialBackoff({
      generator: halfJitterGenerator,
      initialDelay: this.options.initialDelayMs ?? 100,
      maxDelay: this.options.maxDelayMs ?? 2000,
    });
    let backoff: IBackoff<unknown> | undefined;
    let nextDelay = 0;
    const worthRetrying = (error: Error): boolean => {
      if (!(error instanceof UpstreamTransportError) || !error.transient) return false;
      backoff = backoff ? backoff.next(undefined) : exponential.next();
      // Retry-After is a floor, never shortened: coming back sooner than asked only earns another 429.
      const delay = Math.max(backoff.duration, error.retryAfterMs ?? 0);
      if (this.now() - started + delay >= retryBudgetMs) return false;
      nextDelay = delay;
      return true;
    };
    const policy = retry(handleWhen(worthRetrying), {
      maxAttempts: this.options.maxRetries,
      backoff: new DelegateBackoff(() => nextDelay),
    });
    policy.onRetry((event) => {
      const error = 'error' in event ? event.error : undefined;
      const reason = error instanceof UpstreamTransportError ? (error.kind === 'http' ? `http_${error.status}` : error.kind) : 'other';
      this.options.observer?.retry({ endpoint, reason, delayMs: event.delay });
    });
    return policy;
  }

  private breakerFor(family: string): CircuitBreakerPolicy {
    let breaker = this.breakers.get(family);
    if (!breaker) {
      breaker = circuitBreaker(
        handleWhen((error) => error instanceof UpstreamTransportError && error.signalsOutage),
        { halfOpenAfter: this.options.breakerHalfOpenAfterMs, breaker: new ConsecutiveBreaker(this.options.breakerThreshold) },
      );
      breaker.onStateChange((state) => this.options.observer?.circuit({ family, state: STATE_NAMES[state] }));
      this.breakers.set(family, breaker);
    }
    return breaker;
  }
}
