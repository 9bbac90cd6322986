import 'reflect-metadata';
import { ArgumentValidationError } from 'type-graphql';
import { validateArgs } from '../../src/schema/validate-args';
import { PagingArgs } from '../../src/schema/paging.args';

class Unruled {
  first = -5;
}

function paging(first: number): PagingArgs {
  return Object.assign(new PagingArgs(), { first });
}

describe('validateArgs', () => {
  it('should pass valid arguments', () => {
    expect(() => validateArgs(paging(20))).not.toThrow();
  });

  it('should refuse a broken rule with the constraint that failed', () => {
    let thrown: unknown;
    try {
      validateArgs(paging(500));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ArgumentValidationError);
    expect(JSON.stringify((thrown as ArgumentValidationError).extensions.validationErrors)).toContain('first must be at most 100');
  });

  it('should check every element of a list argument', () => {
    expect(() => validateArgs([paging(1), paging(0)])).toThrow(ArgumentValidationError);
  });

  it('should leave scalars and classes without rules alone', () => {
    expect(() => validateArgs('text')).not.toThrow();
    expect(() => validateArgs(null)).not.toThrow();
    expect(() => validateArgs(new Unruled())).not.toThrow();
  });
});
