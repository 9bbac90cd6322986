import { BusinessError } from '../http/business-error';
import type { TokenStore } from './token.store';

/**
 * Business calls carry the token verbatim in `Authorization`, `QJWT ` prefix included and no `Bearer`
 * (§2.3). Absent -> 91001; anything not an issued, live token (a `Bearer ...` wrapper too) -> 91004.
 */
export function authorizeBusinessCall(headers: Record<string, string>, tokens: TokenStore, now: number): void {
  const header = headers.authorization;
  if (header === undefined || header.trim() === '') throw new BusinessError(91001);
  if (tokens.state(header, now) !== 'valid') throw new BusinessError(91004);
}
