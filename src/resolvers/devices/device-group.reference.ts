import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import type { DeviceGroup } from '../../schema/devices/device-group.type';
import { PLATFORM_ID_PATTERN, PLATFORM_ID_RULE } from '../../schema/ids';
import { toDeviceGroup } from './device-group.mapper';

/**
 * `_entities` for DeviceGroup. Few keys use one detail call each (deduplicated); more than that read the group
 * list instead, which answers every group of the account in a few pages.
 */
export async function resolveDeviceGroupReference(representation: { id: unknown }, ctx: Context): Promise<DeviceGroup | null> {
  const id = typeof representation.id === 'number' ? String(representation.id) : representation.id;
  if (typeof id !== 'string' || !PLATFORM_ID_PATTERN.test(id)) throw new BadUserInputError(PLATFORM_ID_RULE, 'id');
  const dto = await ctx.loaders.deviceGroupByIdPlanned.load(Number(id));
  return dto ? toDeviceGroup(dto) : null;
}
