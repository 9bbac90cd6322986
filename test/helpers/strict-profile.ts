import { ALL_STRICT_RULES, type StrictRules } from '../../simulator/strict/strict-rules';

/**
 * The strict simulator rules (simulator/strict/strict-rules.ts) every simulator a test starts gets unless the test
 * passes its own `strict` option; test/helpers/test-environment.ts installs them. A rule is on here once the client
 * copes with it. The rules still off need client changes of issue 14 first; each is a named knob to flip then.
 */
export const SUITE_STRICT_RULES: Readonly<StrictRules> = Object.freeze({
  unknownParameters: true,
  jsonContentType: true,
  /** Needs the paged window to follow the page size the envelope reports. */
  pageSizeCap: 0,
  /** Needs a bare HTTP 401 to count as a token error (drop the token, log in, retry once). */
  bareUnauthorized: false,
  /** Needs 5032/5106 of the end-user family to count as token errors. */
  endUserTokenCodes: false,
  /** Needs the time reader to parse date-time strings. */
  dateTimeStrings: false,
  /** Needs the push parser to accept the catalogue's ticket-less families. */
  ticketlessPush: false,
});

/**
 * `SIM_STRICT=all npx jest <files>` runs the chosen tests with every rule on (cap 50), `SIM_STRICT=off` with none, and
 * `SIM_STRICT=pageSizeCap,dateTimeStrings` with the suite's rules plus the ones named (a named cap is 50): to see
 * what a rule still off would break before flipping it.
 */
export function suiteStrictRules(value = process.env.SIM_STRICT): Readonly<StrictRules> | false {
  if (value === undefined || value === '') return SUITE_STRICT_RULES;
  if (value === 'all') return ALL_STRICT_RULES;
  if (value === 'off') return false;
  const rules: StrictRules = { ...SUITE_STRICT_RULES };
  for (const name of value.split(',').map((n) => n.trim())) {
    if (!(name in rules)) throw new Error(`SIM_STRICT: unknown strict rule "${name}"`);
    Object.assign(rules, { [name]: ALL_STRICT_RULES[name as keyof StrictRules] });
  }
  return Object.freeze(rules);
}
