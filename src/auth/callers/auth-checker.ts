import type { AuthChecker } from 'type-graphql';
import type { Scope } from '../../schema/scope';
import type { Caller } from './caller';
import { missingScope, unauthenticated } from './denials';

/**
 * type-graphql's check for `RequiresScope` fields: the request's caller (computed once in the context) must hold
 * every scope listed. Denials throw our coded errors rather than returning false, so the caller sees
 * UNAUTHENTICATED or FORBIDDEN with the scope it lacks, not type-graphql's uncoded ones; on a nullable field the
 * answer is null plus that error.
 */
export const scopeAuthChecker: AuthChecker<{ caller: Caller }, Scope> = ({ context, info }, scopes) => {
  const { caller } = context;
  const missing = scopes.filter((scope) => !caller.scopes.has(scope));
  if (missing.length === 0) return true;
  if (caller.kind === 'anonymous') throw unauthenticated('Authentication required');
  throw missingScope(missing, `${info.parentType.name}.${info.fieldName}`);
};
