import { ArrayMaxSize, ArrayUnique, Matches } from 'class-validator';
import { Field } from 'type-graphql';
import { USER_DOMAIN_PATTERN, USER_DOMAIN_RULE } from '../ids';

/** Most user domains one authorization call takes (the platform refuses more; the number is INFERRED, §11.7/§11.8). */
export const MAX_AUTHORIZED_USER_DOMAINS = 50;

/**
 * The `userDomains` argument of every set...UserDomains mutation (SMS signatures and templates, mail accounts and
 * templates): its description and rules in one place, because the upstream calls share one whole-set contract.
 */
export function UserDomainSetField(): PropertyDecorator {
  return (target, key) => {
    Field(() => [String], {
      description: `The complete new set of user domains (Apps), e.g. C.DM.5715.1, at most ${MAX_AUTHORIZED_USER_DOMAINS}, no repeats; it replaces the current set, and an empty list revokes all.`,
    })(target, key);
    ArrayMaxSize(MAX_AUTHORIZED_USER_DOMAINS, { message: `userDomains must have at most ${MAX_AUTHORIZED_USER_DOMAINS} entries` })(target, key);
    ArrayUnique({ message: 'userDomains must not repeat a domain' })(target, key);
    Matches(USER_DOMAIN_PATTERN, { each: true, message: USER_DOMAIN_RULE })(target, key);
  };
}
