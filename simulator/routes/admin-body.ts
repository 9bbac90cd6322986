import { BusinessError } from '../http/business-error';
import { bodyInteger, type Body } from '../http/body-params';
import type { RouteContext } from '../router';

// Body fields shared by the SMS (§11.7) and mail (§11.8) administration calls. Their shapes are [INFERRED]: the
// reference names the codes, not the fields.

/** Most user domains one authorization call takes [INFERRED from the "out of range" codes 5206 and 5449]. */
export const MAX_AUTHORIZED_USER_DOMAINS = 50;

/** Each family's codes for a bad `userDomainList`: SMS 5205/5206, mail 5432/5449. */
export interface UserDomainListCodes {
  missing: number;
  outOfRange: number;
}

/**
 * `userDomainList` of an `...UserDomainAuth` body: the complete new set, replacing the old one (`[]` revokes all).
 * Missing or not an array -> `codes.missing`, more than 50 entries -> `codes.outOfRange`, a non-string entry
 * 50005, a domain the enterprise does not have 5015. Repeats collapse, first occurrence first.
 */
export function readUserDomainList(input: Body, context: RouteContext, codes: UserDomainListCodes): string[] {
  const value = input.userDomainList;
  if (!Array.isArray(value)) throw new BusinessError(codes.missing);
  if (value.length > MAX_AUTHORIZED_USER_DOMAINS) throw new BusinessError(codes.outOfRange);
  if (!value.every((entry) => typeof entry === 'string')) throw new BusinessError(50005);
  const domains = [...new Set(value as string[])];
  if (domains.some((domain) => !context.store.admin.userDomain(domain))) throw new BusinessError(5015);
  return domains;
}

/** The `enabled` flag of the `enabled...` calls: missing 5078, anything but 0/1 5079. */
export function readEnabledFlag(input: Body): 0 | 1 {
  const enabled = bodyInteger(input, 'enabled');
  if (enabled === undefined) throw new BusinessError(5078);
  if (enabled !== 0 && enabled !== 1) throw new BusinessError(5079);
  return enabled;
}
