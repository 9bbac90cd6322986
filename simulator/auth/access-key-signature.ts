import { createHash, timingSafeEqual } from 'node:crypto';

/** The five fields of the login `username` (§2.1); order is free, nothing else is accepted. */
export interface SignedUsername {
  accessKey: string;
  timestamp: number;
}

const FIXED_FIELDS: Record<string, string> = { ver: '1', auth_mode: 'accessKey', sign_method: 'sha256' };
const ALL_FIELDS = new Set([...Object.keys(FIXED_FIELDS), 'access_key', 'timestamp']);

/**
 * Parses the already URI-decoded `username`. Returns null when it is not exactly the documented
 * `ver=1&auth_mode=accessKey&sign_method=sha256&access_key=..&timestamp=..` set — e.g. when a client
 * forgot to encode it and the fields arrived as separate query parameters.
 */
export function parseSignedUsername(username: string): SignedUsername | null {
  const fields = new Map<string, string>();
  for (const pair of username.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return null;
    const name = pair.slice(0, eq);
    if (!ALL_FIELDS.has(name) || fields.has(name)) return null;
    fields.set(name, pair.slice(eq + 1));
  }
  if (fields.size !== ALL_FIELDS.size) return null;
  for (const [name, value] of Object.entries(FIXED_FIELDS)) if (fields.get(name) !== value) return null;
  const accessKey = fields.get('access_key') as string;
  const timestamp = fields.get('timestamp') as string;
  if (accessKey === '' || !/^\d{1,16}$/.test(timestamp)) return null;
  return { accessKey, timestamp: Number(timestamp) };
}

/** Lowercase hex sha256 of the raw (pre-encoding) username followed by the AccessSecret (§2.1). */
export function expectedPassword(rawUsername: string, accessSecret: string): string {
  return createHash('sha256')
    .update(rawUsername + accessSecret, 'utf8')
    .digest('hex');
}

/** ±10 minutes around the platform clock, for the login (§2.1) and the AMQP sign-in (§9.1) alike. */
export const TIMESTAMP_WINDOW_MS = 10 * 60_000;

/** How a signed sign-in (login §2.1, AMQP SASL PLAIN §9.1) fares; each caller maps it to its own answer. */
export type SignInCheck = 'ok' | 'malformed' | 'unknown-key' | 'stale' | 'bad-password';

/** Checks a signed username and its password against the account's key pair at `now` (ms). */
export function checkSignIn(username: string, password: string, credentials: { accessKey: string; accessSecret: string }, now: number): SignInCheck {
  const signed = parseSignedUsername(username);
  if (!signed) return 'malformed';
  if (signed.accessKey !== credentials.accessKey) return 'unknown-key';
  if (Math.abs(now - signed.timestamp) > TIMESTAMP_WINDOW_MS) return 'stale';
  return sameText(password, expectedPassword(username, credentials.accessSecret)) ? 'ok' : 'bad-password';
}

/** Constant-time text comparison, so a wrong password reveals nothing by its timing. */
export function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
