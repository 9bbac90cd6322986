import { ALL_STRICT_RULES, NO_STRICT_RULES, type StrictRules } from '../../simulator/strict/strict-rules';

/**
 * The strict simulator rules (simulator/strict/strict-rules.ts) every simulator a test starts gets unless the test
 * passes its own `strict` option; test/helpers/test-environment.ts installs them. Every rule is on (issue 14): the
 * client copes with all of them, so the suite runs against the harshest simulator we have. A test about the
 * simulator's default answer to something a rule changes pins that rule itself (`suiteRulesWith`).
 */
export const SUITE_STRICT_RULES: Readonly<StrictRules> = ALL_STRICT_RULES;

/**
 * `SIM_STRICT` picks other rules for one run, to see which rule a failure depends on: `off` none, `all` (the same as
 * unset) every rule, `pageSizeCap,dateTimeStrings` only the rules named (a named cap is 50), and
 * `-pageSizeCap,-bareUnauthorized` the suite's rules without the ones named.
 */
export function suiteStrictRules(value = process.env.SIM_STRICT): Readonly<StrictRules> | false {
  if (value === undefined || value === '' || value === 'all') return SUITE_STRICT_RULES;
  if (value === 'off') return false;
  const names = value.split(',').map((n) => n.trim());
  const rules: StrictRules = { ...(names.every((n) => n.startsWith('-')) ? SUITE_STRICT_RULES : NO_STRICT_RULES) };
  for (const entry of names) {
    const name = entry.replace(/^-/, '') as keyof StrictRules;
    if (!(name in rules)) throw new Error(`SIM_STRICT: unknown strict rule "${name}"`);
    Object.assign(rules, { [name]: (entry.startsWith('-') ? NO_STRICT_RULES : ALL_STRICT_RULES)[name] });
  }
  return Object.freeze(rules);
}

/**
 * The rules a simulator of the suite gets (after `SIM_STRICT`) with `overrides` on top: for a test that pins the
 * rules its assertions depend on, e.g. `{ pageSizeCap: 0 }` to see the refusal of a page above 100.
 */
export function suiteRulesWith(overrides: Partial<StrictRules>): StrictRules {
  return { ...(suiteStrictRules() || NO_STRICT_RULES), ...overrides };
}

/**
 * Rows per page a simulator of the suite serves (after `SIM_STRICT`) when `asked` are asked for: the strict page-size
 * cap cuts large pages down. For the call counts of tests that read a list through the client.
 */
export function suitePageRows(asked: number): number {
  const cap = suiteRulesWith({}).pageSizeCap;
  return cap > 0 ? Math.min(asked, cap) : asked;
}
