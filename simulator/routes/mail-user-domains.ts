import { BusinessError } from '../http/business-error';
import type { Body } from '../http/body-params';
import type { RouteContext } from '../router';

// The user-domain list of the mail "authorize to user domains" calls (§11.8 [INFERRED] shape, shared with the SMS
// calls): `userDomainList: string[]` replaces the authorized set; [] revokes every domain.

/** 5432 is the hint's "authorized user-domain list" code; the cap of 50 and its code 5449 are [INFERRED]. */
export const MAIL_USER_DOMAIN_LIST_MISSING = 5432;
export const MAIL_USER_DOMAIN_LIST_OUT_OF_RANGE = 5449;
export const MAX_AUTHORIZED_USER_DOMAINS = 50;

/**
 * Reads `userDomainList`: missing or not an array -> 5432, more than 50 entries -> 5449, an entry that is not a
 * string -> 50005, a domain the enterprise does not have -> 5015. Repeats collapse, first occurrence first.
 */
export function readUserDomainList(input: Body, context: RouteContext): string[] {
  const value = input.userDomainList;
  if (!Array.isArray(value)) throw new BusinessError(MAIL_USER_DOMAIN_LIST_MISSING);
  if (value.length > MAX_AUTHORIZED_USER_DOMAINS) throw new BusinessError(MAIL_USER_DOMAIN_LIST_OUT_OF_RANGE);
  if (!value.every((entry) => typeof entry === 'string')) throw new BusinessError(50005);
  const domains = [...new Set(value as string[])];
  if (domains.some((domain) => !context.store.admin.userDomain(domain))) throw new BusinessError(5015);
  return domains;
}
