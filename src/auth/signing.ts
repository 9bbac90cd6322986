import { createHash } from 'node:crypto';

export interface AccessKeyCredentials {
  accessKey: string;
  accessSecret: string;
}

/** Query parameters of the AccessKey login (reference §2.1); `username` is raw here, URLSearchParams encodes it. */
export interface LoginQuery {
  grant_type: 'password';
  username: string;
  password: string;
}

/**
 * Builds the signed login parameters. Pure: the caller supplies the time so tests can pin it.
 *
 * @param timestampMs epoch milliseconds; upstream rejects values more than 10 minutes from its clock.
 */
export function signLogin(credentials: AccessKeyCredentials, timestampMs: number): LoginQuery {
  return { grant_type: 'password', ...signAccessKey(credentials, timestampMs) };
}

/**
 * The signed username and its password (sha256 of username + secret): the login's pair (reference §2.1), which
 * is also the AMQP SASL PLAIN pair (§9.1). Pure; `timestampMs` is epoch milliseconds.
 */
export function signAccessKey(credentials: AccessKeyCredentials, timestampMs: number): { username: string; password: string } {
  const username = loginUsername(credentials.accessKey, timestampMs);
  return { username, password: sha256Hex(username + credentials.accessSecret) };
}

/** The signed `username` string; the same string is the AMQP SASL username (reference §9.1). */
export function loginUsername(accessKey: string, timestampMs: number): string {
  return `ver=1&auth_mode=accessKey&sign_method=sha256&access_key=${accessKey}&timestamp=${timestampMs}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
