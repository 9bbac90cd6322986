import { SCOPES, isScope, type Scope } from '../../schema/scope';
import { secretsEqual } from './constant-time';

export interface ApiKey {
  readonly key: string;
  readonly scopes: readonly Scope[];
}

/** Characters a key may use: none of the list's separators (`,` `:` `+`) and no whitespace. */
const KEY_PATTERN = /^[A-Za-z0-9._~\-/=]{1,256}$/;

/**
 * Parses `AUTH_API_KEYS`: a comma-separated list of `key:scope+scope`, e.g. `k1:read,k2:read+control+admin+pii`.
 * Messages never repeat a key, only its position, so a mistyped secret does not end up in a start-up log.
 *
 * @throws Error describing the first malformed entry.
 */
export function parseApiKeys(text: string): ApiKey[] {
  const entries = text.split(',').map((entry) => entry.trim());
  const keys: ApiKey[] = [];
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    const colon = entry.lastIndexOf(':');
    if (colon <= 0) throw new Error(`${where} must be key:scope+scope`);
    const key = entry.slice(0, colon);
    if (!KEY_PATTERN.test(key)) throw new Error(`${where}: the key must be 1-256 letters, digits or . _ ~ - / =`);
    const names = entry
      .slice(colon + 1)
      .split('+')
      .map((name) => name.trim());
    const unknown = names.filter((name) => !isScope(name));
    if (unknown.length > 0 || names.length === 0) {
      throw new Error(`${where}: unknown scope ${JSON.stringify(unknown[0] ?? '')}; scopes are ${SCOPES.join(', ')}`);
    }
    if (keys.some((other) => secretsEqual(other.key, key))) throw new Error(`${where} repeats an earlier key`);
    keys.push(Object.freeze({ key, scopes: Object.freeze([...new Set(names as Scope[])]) }));
  });
  return keys;
}

/**
 * The scopes of a presented API key, or undefined when it matches none. Every configured key is compared, in
 * constant time, whether or not an earlier one matched: the time taken says nothing about which key is close.
 */
export function scopesOfApiKey(keys: readonly ApiKey[], presented: string): readonly Scope[] | undefined {
  let found: readonly Scope[] | undefined;
  for (const candidate of keys) {
    if (secretsEqual(presented, candidate.key) && found === undefined) found = candidate.scopes;
  }
  return found;
}
