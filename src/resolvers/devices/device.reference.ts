import type { Context } from '../../context';
import type { Device } from '../../schema/devices/device.type';
import { toDevice } from './device.mapper';
import { assertDeviceKey, withKeyFields } from '../representation';

/** `_entities` for Device (by key or by id): goes through the planned detail loader, so many devices cost few upstream calls. */
export async function resolveDeviceReference(
  representation: { productKey?: unknown; deviceKey?: unknown; id?: unknown },
  ctx: Context,
): Promise<Device | null> {
  const { productKey, deviceKey } = withKeyFields('Device', representation);
  const ref = assertDeviceKey({ productKey, deviceKey });
  const dto = await ctx.loaders.deviceByKey.load(ref);
  return dto ? toDevice(dto) : null;
}
