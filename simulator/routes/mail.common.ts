import type { UserDomainListCodes } from './admin-body';

/** Mail base path (§11.8): the end-user service prefix [INFERRED]; the reference notes mail may live under `/v2/mail`. */
export const MAIL_BASE = '/v2/enduser/enterpriseapi';

/** 5432 is the hint's "authorized user-domain list" code; the cap's code 5449 is [INFERRED]. */
export const MAIL_USER_DOMAIN_CODES: UserDomainListCodes = { missing: 5432, outOfRange: 5449 };
