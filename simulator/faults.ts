import type { FaultSpec } from './simulator.types';

interface PendingFault {
  fault: FaultSpec;
  remaining: number;
}

/** Queued one-shot (or n-shot) answers per endpoint, consumed in injection order. */
export class FaultQueue {
  private readonly pending = new Map<string, PendingFault[]>();

  constructor(private readonly isKnownEndpoint: (endpoint: string) => boolean) {}

  inject(endpoint: string, fault: FaultSpec): void {
    if (!this.isKnownEndpoint(endpoint)) throw new Error(`unknown simulator endpoint "${endpoint}"`);
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError('fault.times must be a positive integer');
    const queue = this.pending.get(endpoint) ?? [];
    queue.push({ fault: { ...fault }, remaining: times });
    this.pending.set(endpoint, queue);
  }

  take(endpoint: string): FaultSpec | undefined {
    const queue = this.pending.get(endpoint);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining === 0) queue.shift();
    return head.fault;
  }

  clear(): void {
    this.pending.clear();
  }
}
