/**
 * What a caller may do (docs/security.md): `read` every query, `control` commands and device writes, `admin`
 * lifecycle, queues, subscriptions, users, groups, SMS and mail, `pii` end users' personal fields. Scopes do not
 * imply one another: a caller holds exactly the ones it was given.
 */
export const SCOPES = ['read', 'control', 'admin', 'pii'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(name: string): name is Scope {
  return (SCOPES as readonly string[]).includes(name);
}
