/**
 * How many hedged reads the process may send: a token bucket refilled by reads, the way gRPC throttles retries.
 * Each read adds `percent / 100` of a token, up to `burst` tokens; a hedge takes a whole one. An occasional stall is
 * always hedged, but however slow the platform gets, hedges stay under `percent` % of reads (plus the burst): when
 * every read stalls, hedging them all would double the load on a platform that is already struggling.
 */
export class HedgeBudget {
  /** In hundredths of a hedge, so ten reads at 10 % make exactly one (0.1 added ten times is not 1 in floating point). */
  private hundredths: number;

  constructor(
    private readonly percent: number,
    private readonly burst = 10,
  ) {
    this.hundredths = percent > 0 ? burst * 100 : 0;
  }

  /** A read exchange started: it earns a share of a hedge. */
  recordRead(): void {
    this.hundredths = Math.min(this.burst * 100, this.hundredths + this.percent);
  }

  /** Takes a token for one hedge; false when the budget is spent. */
  tryTake(): boolean {
    if (this.hundredths < 100) return false;
    this.hundredths -= 100;
    return true;
  }
}
