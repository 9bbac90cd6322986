import { Field, Int, ObjectType } from 'type-graphql';
import { Device, type DeviceSource } from '../devices/device.type';
import { CommandOutcomeStatus } from './command-outcome-status.enum';
import { DeviceEvent, DeviceProperty } from './device-data.type';
import { DeviceEventType } from './device-event-type.enum';

/** Fields every live device event carries: which device, and how many events this subscriber lost before it. */
@ObjectType()
abstract class LiveDeviceFields {
  @Field({ description: 'Product key (PK) of the device.' })
  productKey!: string;

  @Field({ description: 'Device key (DK) of the device.' })
  deviceKey!: string;

  @Field(() => Device, { description: 'The device; its detail fields load on demand for each event (fresh, never cached across events).' })
  device!: DeviceSource;

  @Field(() => String, {
    nullable: true,
    description: 'Ticket of the pushed message this event comes from; null for a message the platform sent without one.',
  })
  ticket!: string | null;

  @Field(() => Int, {
    description: 'Events this subscription lost just before this one because the client read too slowly (oldest dropped first); 0 normally.',
  })
  droppedBefore!: number;
}

@ObjectType({ description: 'New property values a device reported (or sent back to a read), decoded with its thing model.' })
export class DevicePropertiesChange extends LiveDeviceFields {
  @Field(() => [DeviceProperty], {
    description:
      'The properties this report moved forward, in thing-model order, typed exactly like `Device.properties` (source LIVE). ' +
      'A value older than the one already known (a late or repeated message) is not repeated here.',
  })
  properties!: DeviceProperty[];

  @Field(() => Date, { description: 'When the device produced the values.' })
  reportedAt!: Date;
}

@ObjectType({ description: 'A device went online, offline or reconnected.' })
export class DeviceStatusChange extends LiveDeviceFields {
  @Field({ description: 'True when the device is now connected (ONLINE or RECONNECT).' })
  online!: boolean;

  @Field(() => DeviceEventType, { description: 'ONLINE, OFFLINE or RECONNECT, as in the event log.' })
  change!: DeviceEventType;

  @Field(() => Date, { description: 'When the change happened.' })
  changedAt!: Date;
}

@ObjectType({ description: 'A device event as it happens: the same `DeviceEvent` as in `Device.events`, with its device.' })
export class LiveDeviceEvent extends LiveDeviceFields {
  @Field(() => DeviceEvent, { description: 'The event, its outputs decoded with the thing model.' })
  event!: DeviceEvent;
}

@ObjectType({ description: "The device's acknowledgement of a command, or the news that none came in time." })
export class CommandOutcome {
  @Field({ description: 'The ticket the command mutation returned.' })
  ticket!: string;

  @Field(() => CommandOutcomeStatus, { description: 'SUCCEEDED, FAILED, or TIMED_OUT when no acknowledgement arrived within the timeout.' })
  status!: CommandOutcomeStatus;

  @Field(() => String, { nullable: true, description: 'The status exactly as the platform pushed it ("succ", "fail", ...); null on TIMED_OUT.' })
  platformStatus!: string | null;

  @Field(() => String, { nullable: true, description: 'Product key (PK) of the device that answered; null on TIMED_OUT.' })
  productKey!: string | null;

  @Field(() => String, { nullable: true, description: 'Device key (DK) of the device that answered; null on TIMED_OUT.' })
  deviceKey!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the platform sent the command to the device, when it says.' })
  sentAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the acknowledgement was generated; null on TIMED_OUT.' })
  acknowledgedAt!: Date | null;
}
