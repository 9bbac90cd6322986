/**
 * Tests count platform calls exactly, and a hedge (a second send of a read unanswered after UPSTREAM_HEDGE_AFTER_MS)
 * depends on timing: on a loaded CI machine a slow answer would add a call. So the services tests start have hedging
 * off; test/unit/resilience.spec.ts covers hedging itself with a fake clock.
 */
export const NO_HEDGING = { UPSTREAM_HEDGE_AFTER_MS: '0' } as const;
