import { Metrics } from '../../src/observability/metrics';

/** Metrics that also let a test wait, without polling, until the push hub has a given number of subscribers. */
export class WatchedMetrics extends Metrics {
  private current = 0;
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  constructor() {
    super({ defaultMetrics: false });
  }

  override pushSubscribers(count: number): void {
    super.pushSubscribers(count);
    this.current = count;
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.count !== count) return true;
      waiter.resolve();
      return false;
    });
  }

  /** The hub's subscriber count now. */
  get subscriberCount(): number {
    return this.current;
  }

  /** Resolves when the hub has exactly `count` subscribers (at once if it has now). */
  subscribers(count: number): Promise<void> {
    if (this.current === count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}
