import { requestContract, SIMULATOR_DEFAULTS } from '../../simulator';
import type { SimulatorDefaults } from '../../simulator/strict/strict-rules';
import { checkRequest } from './request-contract';

/**
 * Jest setup (`setupFilesAfterEnv` of the unit, operations and e2e projects): every request a simulator started in
 * this test file receives is checked against the public parameter tables (test/helpers/request-contract.ts), and the
 * file fails in an `afterAll` when one did not conform. The simulator project is left out: its tests send malformed
 * requests on purpose. A test that does the same through our client opts out with `allowContractViolations()`.
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

/** Requests checked and inferred-endpoint requests passed unchecked so far in this test file. */
export function contractTally(): { checked: number; inferred: number } {
  return { ...tally };
}

/** The violations found so far, which then no longer fail the file (for a test that provokes one). */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

/** For a test file that makes the client send non-conforming requests on purpose. */
export function allowContractViolations(): void {
  allowed = true;
}

afterAll(() => {
  if (!allowed && violations.length > 0) {
    throw new Error(`requests that break the public parameter tables (docs/vendor/):\n  ${violations.join('\n  ')}`);
  }
});
