import { ArrayMaxSize, IsOptional, Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PagingArgs } from '../paging.args';
import { DeviceEventType } from './device-event-type.enum';
import { MessageDirection } from './message-direction.enum';

@ArgsType()
export class DevicePropertiesArgs {
  @Field(() => [String], { nullable: true, description: 'Only these property codes, in this order; all properties when omitted.' })
  @IsOptional()
  @ArrayMaxSize(200, { message: 'codes may name at most 200 properties' })
  codes?: string[] | null;
}

@ArgsType()
export class TimeRangeArgs extends PagingArgs {
  @Field(() => Date, { nullable: true, description: 'Only entries at or after this time.' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only entries at or before this time.' })
  @IsOptional()
  to?: Date | null;
}

@ArgsType()
export class DeviceMessagesArgs extends TimeRangeArgs {
  @Field(() => MessageDirection, { nullable: true, description: 'Only uplinks or only downlinks.' })
  @IsOptional()
  direction?: MessageDirection | null;
}

@ArgsType()
export class DeviceEventsArgs extends TimeRangeArgs {
  @Field(() => DeviceEventType, { nullable: true, description: 'Only events of this kind.' })
  @IsOptional()
  type?: DeviceEventType | null;
}

/** Pages of a device's downlink log `Device.command` reads, newest first, before it answers null. */
export const COMMAND_LOOKUP_PAGES = 3;

@ArgsType()
export class CommandTicketArgs {
  @Field({ description: 'The ticket a command mutation answered for this device (`CommandResult.ticket`).' })
  @Matches(/^[0-9A-Za-z-]{1,64}$/, { message: 'ticket must be 1 to 64 letters, digits or dashes' })
  ticket!: string;
}
