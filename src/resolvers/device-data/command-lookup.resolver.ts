import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Device, type DeviceSource } from '../../schema/devices/device.type';
import { DeviceMessage } from '../../schema/device-data/device-data.type';
import { COMMAND_LOOKUP_PAGES, CommandTicketArgs } from '../../schema/device-data/device-data.args';
import { toDeviceMessage } from './device-data.mapper';
import { modelOf } from './device-data.resolver';

/**
 * A command's outcome by its ticket. The platform has no lookup by ticket; its message log (reference §6.5) lists
 * downlinks with their ticket and send status, newest first, so the newest pages of the device's downlinks are read
 * until the ticket turns up. The ticket is a snowflake id, but the platform does not publish its epoch, so it cannot
 * narrow the time range.
 */
@Resolver(() => Device)
export class CommandLookupResolver {
  @FieldResolver(() => DeviceMessage, {
    nullable: true,
    description:
      "A command sent to this device, found by its ticket in the device's downlink log: what was sent and its " +
      `delivery state (\`sendStatus\`). Reads the newest downlinks page by page, at most ${COMMAND_LOOKUP_PAGES} pages ` +
      '(QUEC_PAGE_SIZE each); null when the ticket is not among them.',
  })
  async command(@Root() device: DeviceSource, @Args() { ticket }: CommandTicketArgs, @Ctx() ctx: Context): Promise<DeviceMessage | null> {
    const ref = { productKey: device.productKey, deviceKey: device.deviceKey };
    const pageOf = (pageNum: number) => ctx.loaders.messagePageByDevice.load({ ...ref, direction: 2, pageNum });
    // The model and the newest page in the same tick: sibling devices share the model call and batch their pages.
    const [model, newest] = await Promise.all([modelOf(ctx, device.productKey), pageOf(1)]);
    let page = newest;
    for (let pageNum = 1; pageNum <= COMMAND_LOOKUP_PAGES; pageNum += 1) {
      if (pageNum > 1) page = await pageOf(pageNum);
      const row = page.rows.find((candidate) => candidate.ticket === ticket);
      if (row) return toDeviceMessage(row, model);
      if (pageNum * ctx.pageSize >= page.total) break;
    }
    return null;
  }
}
