import pLimit from 'p-limit';
import { ErrorCode, UpstreamError } from '../../errors';

export interface UpstreamLimits {
  /** Calls in flight at once (UPSTREAM_MAX_CONCURRENCY). */
  maxInFlight: number;
  /** Calls that may wait for a slot (UPSTREAM_MAX_QUEUE); one more is shed at once. */
  maxQueued: number;
}

/**
 * Bounds this process's concurrent upstream calls with a FIFO queue, and sheds a call with SERVICE_OVERLOADED when
 * the queue is full: a quick coded refusal instead of a wait that runs into the caller's timeout. A shed call was
 * never sent, so shedding a command cannot act twice.
 */
export class UpstreamLimiter {
  private readonly limit: pLimit.Limit;

  constructor(private readonly limits: UpstreamLimits) {
    this.limit = pLimit(limits.maxInFlight);
  }

  get inFlight(): number {
    return this.limit.activeCount;
  }

  get queued(): number {
    return this.limit.pendingCount;
  }

  /** @throws UpstreamError SERVICE_OVERLOADED, without calling `send`, when every slot is busy and the queue full. */
  run<T>(endpoint: string, send: () => Promise<T>): Promise<T> {
    // p-limit starts queued calls on a later tick, so count both: a synchronous burst is all "pending" at first.
    if (this.limit.activeCount + this.limit.pendingCount >= this.limits.maxInFlight + this.limits.maxQueued) {
      return Promise.reject(
        new UpstreamError(
          `Too many platform calls in progress; ${endpoint} was not sent, retry later`,
          ErrorCode.SERVICE_OVERLOADED,
          undefined,
          endpoint,
        ),
      );
    }
    return this.limit(send);
  }
}
