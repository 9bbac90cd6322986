import { createHash } from 'node:crypto';
import { persistedQueryProblem } from '../../src/http/persisted-query-request';

const query = '{ products(first: 1) { totalCount } }';
const hash = createHash('sha256').update(query).digest('hex');

describe('persistedQueryProblem', () => {
  it.each([
    ['no extensions', { query }],
    ['no persistedQuery', { query, extensions: {} }],
    ['a hash only', { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }],
    ['a hash and its query', { query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }],
  ])('should accept %s', (_name, body) => {
    expect(persistedQueryProblem(body, '')).toBeUndefined();
  });

  it.each([
    ['a string extension', { persistedQuery: 'x' }, /must be an object/],
    ['an array extension', { persistedQuery: [1] }, /must be an object/],
    ['version 2', { persistedQuery: { version: 2, sha256Hash: hash } }, /Unsupported persisted query version/],
    ['no version', { persistedQuery: { sha256Hash: hash } }, /Unsupported persisted query version/],
    ['a numeric hash', { persistedQuery: { version: 1, sha256Hash: 5 } }, /64 lower-case hexadecimal/],
    ['no hash', { persistedQuery: { version: 1 } }, /64 lower-case hexadecimal/],
    ['a short hash', { persistedQuery: { version: 1, sha256Hash: 'abc' } }, /64 lower-case hexadecimal/],
  ])('should refuse %s', (_name, extensions, pattern) => {
    expect(persistedQueryProblem({ extensions }, '')).toMatch(pattern);
  });

  it('should refuse a hash that does not match the query sent with it', () => {
    expect(persistedQueryProblem({ query: `${query} `, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, '')).toMatch(
      /does not match/,
    );
  });

  it('should refuse a query that is not a string', () => {
    expect(persistedQueryProblem({ query: 42, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, '')).toMatch(/must be a string/);
  });

  it("should read a GET request's extensions and query from the URL", () => {
    const search = `?${new URLSearchParams({ query: 'x', extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }) })}`;
    expect(persistedQueryProblem(undefined, search)).toMatch(/does not match/);
    expect(persistedQueryProblem(undefined, `?${new URLSearchParams({ extensions: '{not json' })}`)).toBeUndefined();
  });
});
