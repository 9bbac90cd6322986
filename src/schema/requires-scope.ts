import { Authorized, Directive, Extensions } from 'type-graphql';
import type { Scope } from './scope';

/** Extension key that lists the scopes a field needs; the schema builder reads it (root-field check, detail order). */
export const REQUIRED_SCOPES = 'requiredScopes';

/**
 * Declares that a field needs `scope`, once for both enforcers: type-graphql's `@Authorized` (checked in this
 * subgraph by the auth checker registered in `resolvers/index.ts`) and Federation's `@requiresScopes` in the SDL
 * (checked by a router that verifies JWTs). Declaration only: nothing here knows who the caller is.
 */
export function RequiresScope(scope: Scope): MethodDecorator & PropertyDecorator {
  const decorators = [Authorized<Scope>(scope), Directive(`@requiresScopes(scopes: [["${scope}"]])`), Extensions({ [REQUIRED_SCOPES]: [scope] })];
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    for (const decorate of decorators) (decorate as (t: object, k: string | symbol, d?: PropertyDescriptor) => void)(target, key, descriptor);
  };
}
