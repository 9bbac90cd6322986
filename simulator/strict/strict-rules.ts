/**
 * Strict mode: rules that make the simulator harsher than the platform is known to be, so a client mistake the
 * lenient simulator would forgive shows up in tests. Each rule is switched on its own; none is on by default except
 * where the host installs defaults (`SIMULATOR_DEFAULTS`, which the test suite does).
 */
export interface StrictRules {
  /**
   * Query parameters and top-level JSON body fields that the endpoint's public parameter table does not name answer
   * 50005, and so does a parameter sent in the wrong place (query instead of body or back). Endpoints without a
   * public table (the INFERRED families of §11) are not checked.
   */
  unknownParameters: boolean;
  /** A non-empty request body must be declared `application/json`; anything else answers 50005. */
  jsonContentType: boolean;
  /**
   * Rows per page the envelope-A and envelope-B lists (not the quecrule lists, documented 1..100) serve at most:
   * a larger `pageSize` is cut down silently and the envelope reports the size served. 0 = off.
   */
  pageSizeCap: number;
  /** An expired or revoked token answers a bare HTTP 401 with an empty body instead of a JSON 91004. */
  bareUnauthorized: boolean;
  /** The end-user and binding family (envelope B) names its own token errors: 5106 token missing, 5032 invalid. */
  endUserTokenCodes: boolean;
  /** Some time fields arrive as date-time strings instead of epoch milliseconds (`simulator/strict/date-time.ts`). */
  dateTimeStrings: boolean;
  /** `push.emit()` leaves the product, thing-model, authorization and rule-notice families without a ticket (§9.2). */
  ticketlessPush: boolean;
}

/** What `strict: true` means: every rule, with a page-size cap of 50. */
export const ALL_STRICT_RULES: Readonly<StrictRules> = Object.freeze({
  unknownParameters: true,
  jsonContentType: true,
  pageSizeCap: 50,
  bareUnauthorized: true,
  endUserTokenCodes: true,
  dateTimeStrings: true,
  ticketlessPush: true,
});

export const NO_STRICT_RULES: Readonly<StrictRules> = Object.freeze({
  unknownParameters: false,
  jsonContentType: false,
  pageSizeCap: 0,
  bareUnauthorized: false,
  endUserTokenCodes: false,
  dateTimeStrings: false,
  ticketlessPush: false,
});

/** `true` = every rule, `false` = none, an object = those rules on top of none. */
export type StrictOption = boolean | Partial<StrictRules>;

/**
 * Where a host that starts many simulators keeps the defaults for options a start does not give: an object
 * `{ strict?, requestObserver? }` on `globalThis` under this registered symbol. Nothing installs it by default; the
 * test runner does (test/helpers/test-environment.ts), so every simulator a test starts is strict in the suite's way.
 */
export const SIMULATOR_DEFAULTS = Symbol.for('quec-graph.simulator.defaults');

export interface SimulatorDefaults {
  strict?: StrictOption;
  /** See `SimulatorOptions.requestObserver`. */
  requestObserver?: (entry: never) => void;
}

export function hostDefaults(): SimulatorDefaults {
  return (globalThis as { [SIMULATOR_DEFAULTS]?: SimulatorDefaults })[SIMULATOR_DEFAULTS] ?? {};
}

export function resolveStrict(option: StrictOption | undefined): StrictRules {
  if (option === undefined || option === false) return { ...NO_STRICT_RULES };
  if (option === true) return { ...ALL_STRICT_RULES };
  const rules = { ...NO_STRICT_RULES, ...option };
  if (!Number.isInteger(rules.pageSizeCap) || rules.pageSizeCap < 0 || rules.pageSizeCap > 100_000) {
    throw new RangeError(`SimulatorOptions.strict.pageSizeCap must be an integer in [0, 100000], got ${rules.pageSizeCap}`);
  }
  for (const [name, value] of Object.entries(rules)) {
    if (name !== 'pageSizeCap' && typeof value !== 'boolean') throw new TypeError(`SimulatorOptions.strict.${name} must be a boolean`);
    if (!(name in NO_STRICT_RULES)) throw new TypeError(`SimulatorOptions.strict.${name} is not a strict rule`);
  }
  return rules;
}
