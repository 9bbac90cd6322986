import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context';
import { NotFoundError } from '../errors';
import { toEndUser } from '../datasources/end-user.mapper';
import type { EndUserSource } from './end-user.type';

/**
 * Lets an EndUser be handed over by uid alone (a federation representation, a bound-user row that lacks status)
 * and loads userInfo only when a missing field is selected; the per-request loader batches and deduplicates.
 */
export const LoadEndUserDetail: MiddlewareFn<Context> = async ({ root, info, context }, next) => {
  const user = root as EndUserSource;
  if (info.fieldName in user) return next();
  const dto = await context.loaders.endUserByUid.load(user.uid);
  if (!dto) throw new NotFoundError(`End user ${user.uid} does not exist`);
  Object.assign(user, toEndUser(dto));
  return next();
};
