import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import type { EndUser } from '../../schema/end-users/end-user.type';
import { UID_PATTERN, UID_RULE } from '../../schema/end-users/end-user.args';
import { toEndUser } from './end-user.mapper';

/** `_entities` for EndUser: one userInfo call per distinct uid, deduplicated by the per-request loader. */
export async function resolveEndUserReference(representation: { uid: unknown }, ctx: Context): Promise<EndUser | null> {
  const { uid } = representation;
  if (typeof uid !== 'string' || !UID_PATTERN.test(uid)) throw new BadUserInputError(UID_RULE, 'uid');
  const dto = await ctx.loaders.endUserByUid.load(uid);
  return dto ? toEndUser(dto) : null;
}
