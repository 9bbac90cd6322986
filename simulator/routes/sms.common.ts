import { BusinessError } from '../http/business-error';
import { bodyInteger, type Body } from '../http/body-params';
import type { RouteContext } from '../router';

/** SMS management base path (§11.7): the service `/v2/sms` is named by the reference, `/enterpriseapi` is [INFERRED]. */
export const SMS_BASE = '/v2/sms/enterpriseapi';

/** Most user domains one signature or template may be authorized to at once [INFERRED from code 5206]. */
export const MAX_AUTHORIZED_USER_DOMAINS = 50;

/**
 * `userDomainList` of an `...UserDomainAuth` body: the complete new set, replacing the old one (`[]` revokes all).
 * Missing or not an array 5205, more than 50 entries 5206, a non-string entry 50005, an unknown domain 5015;
 * repeated entries collapse into one. The whole-set semantics are [INFERRED].
 */
export function readUserDomainList(input: Body, context: RouteContext): string[] {
  const value = input.userDomainList;
  if (!Array.isArray(value)) throw new BusinessError(5205);
  if (value.length > MAX_AUTHORIZED_USER_DOMAINS) throw new BusinessError(5206);
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

/** Length in characters (code points), as a provider counts them, not UTF-16 units. */
export function characters(text: string): number {
  return [...text].length;
}
