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
    // Administration (reference §6.6, §6.7, §11.6).
    [16001, ErrorCode.BAD_USER_INPUT],
    [16002, ErrorCode.NOT_FOUND],
    [16007, ErrorCode.BAD_USER_INPUT],
    [16008, ErrorCode.BAD_USER_INPUT],
    [16011, ErrorCode.NOT_FOUND],
    [16018, ErrorCode.BAD_USER_INPUT],
    [16019, ErrorCode.BAD_USER_INPUT],
    [16020, ErrorCode.BAD_USER_INPUT],
    [16021, ErrorCode.BAD_USER_INPUT],
    [16022, ErrorCode.BAD_USER_INPUT],
    [5015, ErrorCode.NOT_FOUND],
    [5033, ErrorCode.NOT_FOUND],
    [5370, ErrorCode.NOT_FOUND],
    [5493, ErrorCode.NOT_FOUND],
    [5327, ErrorCode.FORBIDDEN],
    [5144, ErrorCode.BAD_USER_INPUT],
    [5460, ErrorCode.BAD_USER_INPUT],
    [5462, ErrorCode.BAD_USER_INPUT],
    [5488, ErrorCode.BAD_USER_INPUT],
    [5306, ErrorCode.NOT_FOUND],
    [5308, ErrorCode.NOT_FOUND],
    [5304, ErrorCode.BAD_USER_INPUT],
    [5312, ErrorCode.BAD_USER_INPUT],
    [5324, ErrorCode.BAD_USER_INPUT],
    [5337, ErrorCode.BAD_USER_INPUT],
    [5310, ErrorCode.BAD_USER_INPUT],
    [5314, ErrorCode.BAD_USER_INPUT],
    [5188, ErrorCode.NOT_FOUND],
    [5181, ErrorCode.BAD_USER_INPUT],
    [5201, ErrorCode.BAD_USER_INPUT],
    [5196, ErrorCode.NOT_FOUND],
    [5198, ErrorCode.NOT_FOUND],
    [5193, ErrorCode.BAD_USER_INPUT],
    [5197, ErrorCode.BAD_USER_INPUT],
    [5205, ErrorCode.BAD_USER_INPUT],
    [5431, ErrorCode.NOT_FOUND],
    [5426, ErrorCode.BAD_USER_INPUT],
    [5447, ErrorCode.BAD_USER_INPUT],
    [70001, ErrorCode.BAD_USER_INPUT],
    [5412, ErrorCode.BAD_USER_INPUT],
    [5413, ErrorCode.BAD_USER_INPUT],
    [5414, ErrorCode.NOT_FOUND],
    [5415, ErrorCode.BAD_USER_INPUT],
    [5486, ErrorCode.BAD_USER_INPUT],
    [5435, ErrorCode.NOT_FOUND],
    [5432, ErrorCode.BAD_USER_INPUT],
    [5449, ErrorCode.BAD_USER_INPUT],
    [5436, ErrorCode.BAD_USER_INPUT],
    [5437, ErrorCode.BAD_USER_INPUT],
    [5451, ErrorCode.BAD_USER_INPUT],
    // User-domain product authorization and third-party login (reference §11.8).
    [5224, ErrorCode.BAD_USER_INPUT],
    [5225, ErrorCode.BAD_USER_INPUT],
    [5226, ErrorCode.BAD_USER_INPUT],
    [5227, ErrorCode.BAD_USER_INPUT],
    [5229, ErrorCode.NOT_FOUND],
    [5362, ErrorCode.BAD_USER_INPUT],
    [5363, ErrorCode.BAD_USER_INPUT],
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
