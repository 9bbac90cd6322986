import { SCOPES, type Scope } from '../../schema/scope';

/**
 * Who sent a request, decided once per request from its headers (`authenticate.ts`):
 * - `local`: no inbound auth is configured, so the process trusts whoever reaches its loopback port (all scopes);
 * - `api-key` / `jwt`: a verified client credential, with the scopes it carries;
 * - `router`: only the router's shared secret; all scopes when the router is the only authenticator, none when
 *   clients authenticate themselves (their credentials must then be forwarded);
 * - `anonymous`: nothing verified while auth is configured; refused before execution.
 */
export type CallerKind = 'local' | 'api-key' | 'jwt' | 'router' | 'anonymous';

export interface Caller {
  readonly kind: CallerKind;
  readonly scopes: ReadonlySet<Scope>;
  /** True when the request carried the configured `x-router-secret`: it may use `_entities` and `_service`. */
  readonly viaRouter: boolean;
}

export const ALL_SCOPES: ReadonlySet<Scope> = new Set(SCOPES);
const NO_SCOPES: ReadonlySet<Scope> = new Set();

/** The caller when no inbound auth is configured: the trusted local user of a loopback-only process. */
export const LOCAL_CALLER: Caller = Object.freeze({ kind: 'local', scopes: ALL_SCOPES, viaRouter: false });

export const ANONYMOUS_CALLER: Caller = Object.freeze({ kind: 'anonymous', scopes: NO_SCOPES, viaRouter: false });

export function callerWith(kind: 'api-key' | 'jwt' | 'router', scopes: Iterable<Scope>, viaRouter: boolean): Caller {
  return Object.freeze({ kind, scopes: new Set(scopes), viaRouter });
}
