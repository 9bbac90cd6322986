import { ALL_STRICT_RULES, NO_STRICT_RULES } from '../../simulator/strict/strict-rules';
import { SUITE_STRICT_RULES, suiteStrictRules } from '../helpers/strict-profile';

// The suite's strict simulator profile and the SIM_STRICT switch that picks other rules for one run.

describe('suite strict profile', () => {
  it('should run every strict rule, page cap included, when SIM_STRICT is unset, empty or all', () => {
    expect(SUITE_STRICT_RULES).toEqual(ALL_STRICT_RULES);
    for (const value of [undefined, '', 'all']) expect(suiteStrictRules(value)).toEqual(ALL_STRICT_RULES);
  });

  it('should run no rule with SIM_STRICT=off', () => {
    expect(suiteStrictRules('off')).toBe(false);
  });

  it('should run only the named rules, a named cap at 50', () => {
    expect(suiteStrictRules('pageSizeCap, dateTimeStrings')).toEqual({ ...NO_STRICT_RULES, pageSizeCap: 50, dateTimeStrings: true });
  });

  it('should run the suite rules without those named with a minus', () => {
    expect(suiteStrictRules('-pageSizeCap,-bareUnauthorized')).toEqual({ ...ALL_STRICT_RULES, pageSizeCap: 0, bareUnauthorized: false });
  });

  it('should refuse an unknown rule name', () => {
    expect(() => suiteStrictRules('pageSizeCapp')).toThrow('unknown strict rule "pageSizeCapp"');
    expect(() => suiteStrictRules('-nope')).toThrow('unknown strict rule "nope"');
  });
});
