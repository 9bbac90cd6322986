import type { RequestLogEntry } from './simulator.types';

/** Every request answered, in arrival order, with per-endpoint counters that survive nothing but clear(). */
export class RequestLog {
  private log: RequestLogEntry[] = [];
  private perEndpoint = new Map<string, number>();

  record(entry: RequestLogEntry): void {
    this.log.push(entry);
    this.perEndpoint.set(entry.endpoint, (this.perEndpoint.get(entry.endpoint) ?? 0) + 1);
  }

  entries(): RequestLogEntry[] {
    return this.log.map((entry) => structuredClone(entry));
  }

  count(endpoint?: string): number {
    return endpoint === undefined ? this.log.length : (this.perEndpoint.get(endpoint) ?? 0);
  }

  counters(): Record<string, number> {
    return Object.fromEntries(this.perEndpoint);
  }

  clear(): void {
    this.log = [];
    this.perEndpoint = new Map();
  }
}
