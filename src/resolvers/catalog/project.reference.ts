import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import type { Project } from '../../schema/catalog/project.type';
import { PLATFORM_ID_PATTERN, PLATFORM_ID_RULE } from '../../schema/ids';
import { toProject } from './project.mapper';

/** `_entities` for Project: every key is answered from one project listing per request. */
export async function resolveProjectReference(representation: { id: unknown }, ctx: Context): Promise<Project | null> {
  const id = typeof representation.id === 'number' ? String(representation.id) : representation.id;
  if (typeof id !== 'string' || !PLATFORM_ID_PATTERN.test(id)) throw new BadUserInputError(PLATFORM_ID_RULE, 'id');
  const dto = await ctx.loaders.projectById.load(Number(id));
  return dto ? toProject(dto) : null;
}
