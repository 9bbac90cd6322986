import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';

/** The stable `extensions.code` values of every error we return. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  RATE_LIMITED = 'RATE_LIMITED',
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_ERROR = 'UPSTREAM_ERROR',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /**
   * The push channel (reference §9) is not configured on this deployment. Not UPSTREAM_UNAVAILABLE: that one says
   * "retry later", while this stays true until an operator sets QUEC_AMQP_URL and QUEC_AMQP_QUEUE.
   */
  PUSH_NOT_CONFIGURED = 'PUSH_NOT_CONFIGURED',
  /** The request body is over MAX_BODY_BYTES; answered with HTTP 413 before anything is parsed. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /**
   * Refused before execution: the operation's estimated upstream calls, depth, aliases or command mutations exceed
   * the configured limits (docs/limits.md). `extensions.cost` states which limit, the estimate and the limit.
   */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** Load shed: too many upstream calls already wait for a free slot; retrying later may succeed. */
  SERVICE_OVERLOADED = 'SERVICE_OVERLOADED',
  /**
   * An endpoint family whose path and parameters are our inference (reference §11) answered "not found" or refused
   * its parameters: the platform does not confirm it. Stays true until an operator sets its QUEC_PATH_* variable
   * (the message names it); not INTERNAL_SERVER_ERROR, not a plain UPSTREAM_ERROR.
   */
  UPSTREAM_UNCONFIRMED = 'UPSTREAM_UNCONFIRMED',
}

/** What upstream said, safe to show: its business code and message, never a body, header or token. */
export interface UpstreamDetail {
  code: number;
  msg: string;
}

export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, argumentName?: string) {
    super(message, ErrorCode.BAD_USER_INPUT, argumentName ? { argumentName } : {});
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.NOT_FOUND);
  }
}

/** A failure of the platform or of our path to it. `upstream` is present when the platform answered with a code. */
export class UpstreamError extends AppError {
  constructor(
    message: string,
    code: ErrorCode,
    readonly upstream?: UpstreamDetail,
    readonly endpoint?: string,
  ) {
    super(message, code, upstream ? { upstream: { code: upstream.code, msg: upstream.msg } } : {});
  }
}

const codeGroups: Array<[ErrorCode, readonly number[]]> = [
  // Our product or device key named nothing upstream knows.
  [
    ErrorCode.NOT_FOUND,
    [70017, 70130, 70097, 71006, 16002, 16011, 5015, 5033, 5306, 5493, 5308, 5313, 5370, 5188, 5431, 5414, 5196, 5198, 5435, 5229],
  ],
  // Upstream refused the input itself; the caller can fix it.
  [
    ErrorCode.BAD_USER_INPUT,
    [
      50004, 50005, 50006, 50007, 70020, 70026, 70027, 70028, 70029, 70062, 70063, 70083, 70090, 70091, 70092, 70093, 70094, 71008, 71027, 71028,
      71029, 71035, 71036, 71038, 71039, 71047, 71048, 16001, 16007, 16008, 16018, 16019, 16020, 16021, 16022, 5023, 5065, 5066, 5067, 5179, 5213,
      // Binding-code check, user status, device groups (reference §6.7, §11.6).
      5144, 5460, 5461, 5462, 5487, 5488, 5301, 5302, 5304, 5305, 5311, 5312, 5316, 5317, 5318, 5323, 5324, 5337, 5341, 5351, 5310, 5314,
      // SMS accounts (reference §11.7).
      5078, 5079, 5180, 5181, 5182, 5183, 5184, 5187, 5201,
      // SMS signatures and templates (reference §11.7; 5193, 5200, 5202 are inferred codes).
      5085, 5086, 5117, 5118, 5193, 5194, 5197, 5199, 5200, 5202, 5205, 5206,
      // Mail accounts (reference §11.8).
      5423, 5424, 5425, 5426, 5427, 5430, 5442, 5444, 5447,
      // Project edit and binding writes (reference §11.1, §11.5).
      70001, 5412, 5413, 5415, 5486,
      // Mail user-domain authorization and templates (reference §11.8, INFERRED meanings).
      5432, 5449, 5433, 5434, 5436, 5437, 5448, 5451, 5454,
      // User-domain product authorization and third-party login (reference §11.8).
      5224, 5225, 5226, 5227, 5362, 5363,
    ],
  ],
  // The product/device exists but is not authorized to our SaaS application (reference §1, 70089).
  [ErrorCode.FORBIDDEN, [70089, 70060, 5041, 5327, 61005]],
  [ErrorCode.RATE_LIMITED, [61006, 61007]],
  [ErrorCode.UPSTREAM_UNAVAILABLE, [50000, 70000, 70051, 70095, 70096]],
];

const codeTable = new Map<number, ErrorCode>(
  codeGroups.flatMap(([errorCode, upstreamCodes]) => upstreamCodes.map((c) => [c, errorCode] as [number, ErrorCode])),
);

/**
 * The one mapping from an upstream business code (reference §10) to our error code. Token and credential errors
 * (90047, 91xxx) are *our* service's credentials failing, so the caller sees UPSTREAM_ERROR, not UNAUTHENTICATED.
 */
export function errorCodeForUpstream(upstreamCode: number): ErrorCode {
  return codeTable.get(upstreamCode) ?? ErrorCode.UPSTREAM_ERROR;
}

/** Maps an HTTP failure that carried no business code. */
export function errorCodeForHttpStatus(status: number): ErrorCode {
  if (status === 429) return ErrorCode.RATE_LIMITED;
  if (status >= 500 || status === 408) return ErrorCode.UPSTREAM_UNAVAILABLE;
  return ErrorCode.UPSTREAM_ERROR;
}

export function upstreamErrorFromCode(endpoint: string, detail: UpstreamDetail): UpstreamError {
  const code = errorCodeForUpstream(detail.code);
  const message = detail.msg ? `Platform rejected ${endpoint}: ${detail.msg}` : `Platform rejected ${endpoint}`;
  return new UpstreamError(message, code, detail, endpoint);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.code === ErrorCode.NOT_FOUND;
}

const knownCodes = new Set<string>(Object.values(ErrorCode));

/**
 * Keeps our coded errors and GraphQL's own validation errors, masks everything else. A raw error's message can
 * carry a URL with a token or a stack frame, so it never reaches the caller.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof AppError) {
    // `http` is Apollo Server's instruction for the response status and headers, not part of the answer.
    const { http: _http, ...extensions } = original.extensions;
    return { ...formatted, message: original.message, extensions };
  }
  const validation = argumentValidationMessage(original);
  if (validation) {
    return { ...formatted, message: validation, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR && isGraphQLRequestError(code)) {
    return { ...formatted, extensions: { code } };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** Apollo Server's request-level codes (parse/validation failures) are safe and useful to keep. */
function isGraphQLRequestError(code: string): boolean {
  return (
    knownCodes.has(code) ||
    [
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'BAD_REQUEST',
      'PERSISTED_QUERY_NOT_FOUND',
      'PERSISTED_QUERY_NOT_SUPPORTED',
      'OPERATION_RESOLUTION_FAILURE',
    ].includes(code)
  );
}

interface ValidationErrorLike {
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** type-graphql's ArgumentValidationError says only "Argument Validation Error"; we name what failed. */
function argumentValidationMessage(error: unknown): string | undefined {
  if (!(error instanceof ArgumentValidationError)) return undefined;
  const messages = error.extensions.validationErrors.flatMap(collectConstraints);
  return messages.length > 0 ? `Invalid argument: ${messages.join('; ')}` : 'Invalid argument';
}

function collectConstraints(error: ValidationErrorLike): string[] {
  const own = Object.values(error.constraints ?? {});
  return [...own, ...(error.children ?? []).flatMap(collectConstraints)];
}
