import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import type { EndUser } from '../../schema/end-users/end-user.type';
import { UID_PATTERN, UID_RULE } from '../../schema/end-users/end-user.args';
import { toEndUser } from './end-user.mapper';
import { withKeyFields } from '../representation';

/** `_entities` for EndUser (by uid or by id): one userInfo call per distinct uid, deduplicated by the per-request loader. */
export async function resolveEndUserReference(representation: { uid?: unknown; id?: unknown }, ctx: Context): Promise<EndUser | null> {
  const { uid } = withKeyFields('EndUser', representation);
  if (typeof uid !== 'string' || !UID_PATTERN.test(uid)) throw new BadUserInputError(UID_RULE, 'uid');
  const dto = await ctx.loaders.endUserByUid.load(uid);
  return dto ? toEndUser(dto) : null;
}
