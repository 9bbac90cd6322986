import { requestContract, SIMULATOR_DEFAULTS } from '../../simulator';
import type { SimulatorDefaults } from '../../simulator/strict/strict-rules';
import { checkRequest } from './request-contract';
import { whenEachSpecEnds } from './spec-bundle';

/**
 * Jest setup (`setupFilesAfterEnv` of the unit, operations and e2e projects): every request a simulator started in
 * this test file receives is checked against the public parameter tables (test/helpers/request-contract.ts), and the
 * file fails in an `afterAll` when one did not conform; in a bundle of specs (test/helpers/spec-bundle.ts) each spec
 * does. The simulator project is left out: its tests send malformed requests on purpose.
 * A test that does the same through our client opts out with `allowContractViolations()`.
 */
const violations: string[] = [];
const tally = { checked: 0, inferred: 0 };
let allowed = false;
const contract = requestContract();
const defaults = (globalThis as { [SIMULATOR_DEFAULTS]?: SimulatorDefaults })[SIMULATOR_DEFAULTS];
if (defaults) {
  defaults.requestObserver = ((entry: Parameters<typeof checkRequest>[0]) => {
    const { status, violations: found } = checkRequest(entry, contract);
    if (status === 'checked') tally.checked += 1;
    if (status === 'inferred') tally.inferred += 1;
    for (const violation of found) if (!violations.includes(violation)) violations.push(violation);
  }) as never;
}

/** Requests checked and inferred-endpoint requests passed unchecked so far in this test file or spec. */
export function contractTally(): { checked: number; inferred: number } {
  return { ...tally };
}

/** The violations found so far, which then no longer fail the file (for a test that provokes one). */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

/** For a test file (or spec) that makes the client send non-conforming requests on purpose. */
export function allowContractViolations(): void {
  allowed = true;
}

/**
 * Ends a test file's or a spec's scope: throws when a request broke the tables (unless allowed), and starts the next
 * scope afresh, so one spec's opt-out or violations never carry over to the next spec of a bundle.
 */
function endContractScope(): void {
  const found = violations.splice(0);
  const wasAllowed = allowed;
  allowed = false;
  tally.checked = 0;
  tally.inferred = 0;
  if (!wasAllowed && found.length > 0) {
    throw new Error(`requests that break the public parameter tables (docs/vendor/):\n  ${found.join('\n  ')}`);
  }
}

afterAll(endContractScope);
whenEachSpecEnds(endContractScope);
