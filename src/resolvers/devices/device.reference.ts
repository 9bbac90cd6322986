import type { Context } from '../../context';
import type { Device } from '../../schema/devices/device.type';
import { toDevice } from './device.mapper';
import { assertDeviceKey } from '../representation';

/** `_entities` for Device: goes through the planned detail loader, so many devices cost few upstream calls. */
export async function resolveDeviceReference(representation: { productKey: unknown; deviceKey: unknown }, ctx: Context): Promise<Device | null> {
  const ref = assertDeviceKey(representation);
  const dto = await ctx.loaders.deviceByKey.load(ref);
  return dto ? toDevice(dto) : null;
}
