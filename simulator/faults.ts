import { mulberry32 } from './seed/random';
import type { FaultSpec, RandomFaultRule } from './simulator.types';

/** Token calls stay clean unless named: a platform whose login fails at random is another test than a flaky one. */
const AUTH_ENDPOINTS = new Set(['auth.login', 'auth.refresh']);

interface PendingFault {
  fault: FaultSpec;
  remaining: number;
}

/** Queued one-shot (or n-shot) answers per endpoint, consumed in injection order. */
export class FaultQueue {
  private readonly pending = new Map<string, PendingFault[]>();
  private randomRules: RandomFaultRule[] = [];
  private random: () => number = mulberry32(1);

  constructor(private readonly isKnownEndpoint: (endpoint: string) => boolean) {}

  inject(endpoint: string, fault: FaultSpec): void {
    if (!this.isKnownEndpoint(endpoint)) throw new Error(`unknown simulator endpoint "${endpoint}"`);
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError('fault.times must be a positive integer');
    const queue = this.pending.get(endpoint) ?? [];
    queue.push({ fault: { ...fault }, remaining: times });
    this.pending.set(endpoint, queue);
  }

  setRandom(rules: RandomFaultRule[], seed = 1): void {
    for (const rule of rules) {
      if (!(rule.probability >= 0 && rule.probability <= 1)) throw new RangeError('fault probability must be within 0..1');
      for (const endpoint of rule.endpoints ?? []) {
        if (!this.isKnownEndpoint(endpoint)) throw new Error(`unknown simulator endpoint "${endpoint}"`);
      }
    }
    this.randomRules = rules.map((rule) => ({ ...rule, fault: { ...rule.fault }, endpoints: rule.endpoints && [...rule.endpoints] }));
    this.random = mulberry32(seed);
  }

  take(endpoint: string): FaultSpec | undefined {
    const queue = this.pending.get(endpoint);
    const head = queue?.[0];
    if (!queue || !head) return this.takeRandom(endpoint);
    head.remaining -= 1;
    if (head.remaining === 0) queue.shift();
    return head.fault;
  }

  clear(): void {
    this.pending.clear();
    this.randomRules = [];
  }

  private takeRandom(endpoint: string): FaultSpec | undefined {
    for (const rule of this.randomRules) {
      const applies = rule.endpoints ? rule.endpoints.includes(endpoint) : !AUTH_ENDPOINTS.has(endpoint);
      if (applies && this.random() < rule.probability) return rule.fault;
    }
    return undefined;
  }
}
