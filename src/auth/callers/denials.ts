import { AppError, ErrorCode } from '../../errors';
import type { Scope } from '../../schema/scope';

/**
 * No usable credential. Over HTTP it answers 401 with a `WWW-Authenticate` challenge (Apollo Server reads
 * `extensions.http`; `formatError` keeps it out of the body).
 */
export function unauthenticated(message: string): AppError {
  return new AppError(message, ErrorCode.UNAUTHENTICATED, {
    http: { status: 401, headers: new Map([['www-authenticate', 'Bearer, ApiKey header="x-api-key"']]) },
  });
}

/** A known caller without the scope a field needs; `requiredScopes` says which would have been enough. */
export function missingScope(scopes: readonly Scope[], what: string): AppError {
  return new AppError(`${what} needs the ${scopes.map((s) => `'${s}'`).join(' and ')} scope`, ErrorCode.FORBIDDEN, { requiredScopes: [...scopes] });
}

/** A router-only path (`_entities`, `_service`) asked for without the router's shared secret. Answers 403. */
export function routerOnly(field: string): AppError {
  return new AppError(`${field} is only answered to the federation router (x-router-secret)`, ErrorCode.FORBIDDEN, { http: { status: 403 } });
}
