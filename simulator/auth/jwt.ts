import { createHmac } from 'node:crypto';

/**
 * Signs an HS256 JWT. The header is `{"alg":"HS256"}` without `typ`, matching the decoded upstream
 * samples (§2.4); clients may decode the payload to read `exp`.
 */
export function signHs256(payload: Record<string, unknown>, secret: Buffer): string {
  const header = base64url(JSON.stringify({ alg: 'HS256' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
