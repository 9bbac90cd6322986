import { GraphQLError } from 'graphql';
import {
  BadUserInputError,
  ErrorCode,
  UpstreamError,
  errorCodeForHttpStatus,
  errorCodeForUpstream,
  formatError,
  upstreamErrorFromCode,
} from '../../src/errors';

describe('errorCodeForUpstream', () => {
  it.each([
    [70017, ErrorCode.NOT_FOUND],
    [70130, ErrorCode.NOT_FOUND],
    [70097, ErrorCode.NOT_FOUND],
    [50005, ErrorCode.BAD_USER_INPUT],
    [50007, ErrorCode.BAD_USER_INPUT],
    [70020, ErrorCode.BAD_USER_INPUT],
    [70090, ErrorCode.BAD_USER_INPUT],
    [71038, ErrorCode.BAD_USER_INPUT],
    [70089, ErrorCode.FORBIDDEN],
    [61007, ErrorCode.RATE_LIMITED],
    [50000, ErrorCode.UPSTREAM_UNAVAILABLE],
    [70000, ErrorCode.UPSTREAM_UNAVAILABLE],
    // Our own credentials failing is not the caller's authentication problem.
    [90047, ErrorCode.UPSTREAM_ERROR],
    [91001, ErrorCode.UPSTREAM_ERROR],
    [91004, ErrorCode.UPSTREAM_ERROR],
    [91005, ErrorCode.UPSTREAM_ERROR],
    [12345, ErrorCode.UPSTREAM_ERROR],
  ])('should map upstream %i to %s', (upstream, expected) => {
    expect(errorCodeForUpstream(upstream)).toBe(expected);
  });

  it.each([
    [429, ErrorCode.RATE_LIMITED],
    [500, ErrorCode.UPSTREAM_UNAVAILABLE],
    [503, ErrorCode.UPSTREAM_UNAVAILABLE],
    [404, ErrorCode.UPSTREAM_ERROR],
  ])('should map HTTP %i to %s', (status, expected) => {
    expect(errorCodeForHttpStatus(status)).toBe(expected);
  });
});

describe('upstreamErrorFromCode', () => {
  it('should carry only the upstream code and msg in extensions', () => {
    const error = upstreamErrorFromCode('device.detail', { code: 70130, msg: 'Non existent device.' });
    expect(error.extensions).toEqual({ code: ErrorCode.NOT_FOUND, upstream: { code: 70130, msg: 'Non existent device.' } });
  });

  it('should recognise token errors so the client can retry once', () => {
    expect(upstreamErrorFromCode('x', { code: 91004, msg: '' }).isTokenError).toBe(true);
    expect(upstreamErrorFromCode('x', { code: 70130, msg: '' }).isTokenError).toBe(false);
  });
});

describe('formatError', () => {
  const formatted = (error: GraphQLError) => formatError({ message: error.message, extensions: error.extensions }, error);

  it('should keep our coded errors as they are', () => {
    const error = new GraphQLError('wrapped', { originalError: new BadUserInputError('first must be at most 100', 'first') });
    expect(formatted(error)).toMatchObject({ message: 'first must be at most 100', extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } });
  });

  it('should mask unexpected errors, whose text may carry secrets', () => {
    const error = new GraphQLError('connect ECONNREFUSED token=QJWT abc', { originalError: new Error('connect ECONNREFUSED token=QJWT abc') });
    const result = formatted(error);
    expect(result.message).toBe('Internal server error');
    expect(result.extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR });
    expect(JSON.stringify(result)).not.toContain('QJWT');
  });

  it('should keep GraphQL validation failures', () => {
    const error = new GraphQLError('Cannot query field "nope"', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatted(error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('should keep an upstream error with its upstream detail', () => {
    const error = new UpstreamError('Platform rejected x', ErrorCode.UPSTREAM_UNAVAILABLE, { code: 50000, msg: 'service exception' });
    expect(formatted(new GraphQLError(error.message, { originalError: error })).extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { code: 50000, msg: 'service exception' },
    });
  });
});
