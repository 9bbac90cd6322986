import type { UserDomainListCodes } from './admin-body';

/** SMS management base path (§11.7): the service `/v2/sms` is named by the reference, `/enterpriseapi` is [INFERRED]. */
export const SMS_BASE = '/v2/sms/enterpriseapi';

/** Length in characters (code points), as a provider counts them, not UTF-16 units. */
export function characters(text: string): number {
  return [...text].length;
}

/** The code list's "user-domain list" codes (§11.7): 5205 missing, 5206 out of range [INFERRED meanings]. */
export const SMS_USER_DOMAIN_CODES: UserDomainListCodes = { missing: 5205, outOfRange: 5206 };
