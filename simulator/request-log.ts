import type { RequestLogEntry } from './simulator.types';

/**
 * The most recent `limit` requests answered, in arrival order, kept in a fixed-size ring so a long-running
 * simulator (the service's default upstream) holds a bounded amount of memory however many calls it serves.
 * Totals and per-endpoint counters count every request since the last clear(), including ones no longer held.
 */
export class RequestLog {
  private ring: Array<RequestLogEntry | undefined>;
  /** Index the next entry is written to. */
  private next = 0;
  private held = 0;
  private total = 0;
  private perEndpoint = new Map<string, number>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`request log limit must be a positive integer, got ${limit}`);
    this.ring = new Array(limit);
  }

  record(entry: RequestLogEntry): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.limit;
    this.held = Math.min(this.held + 1, this.limit);
    this.total += 1;
    this.perEndpoint.set(entry.endpoint, (this.perEndpoint.get(entry.endpoint) ?? 0) + 1);
  }

  /** Copies of the held entries, oldest first. */
  entries(): RequestLogEntry[] {
    const oldest = (this.next - this.held + this.limit) % this.limit;
    return Array.from({ length: this.held }, (_, i) => structuredClone(this.ring[(oldest + i) % this.limit]!));
  }

  count(endpoint?: string): number {
    return endpoint === undefined ? this.total : (this.perEndpoint.get(endpoint) ?? 0);
  }

  counters(): Record<string, number> {
    return Object.fromEntries(this.perEndpoint);
  }

  clear(): void {
    this.ring = new Array(this.limit);
    this.next = 0;
    this.held = 0;
    this.total = 0;
    this.perEndpoint = new Map();
  }
}
