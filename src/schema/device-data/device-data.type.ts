import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { TslDataType } from '../catalog/tsl-data-type.enum';
import { DeviceEventType } from './device-event-type.enum';
import { MessageDirection } from './message-direction.enum';
import { SendStatus } from './send-status.enum';
import { ValueSource } from './value-source.enum';
import { Connection } from '../connection.type';
import { TslFieldValue, TslValue, type TslValueModel } from './tsl-value.type';

@ObjectType({ description: 'The latest known value of one thing-model property of a device.' })
export class DeviceProperty {
  @Field({ description: 'Property code.' })
  code!: string;

  @Field({ description: 'Display name from the thing model.' })
  name!: string;

  @Field(() => TslDataType, { description: 'Data type from the thing model.' })
  dataType!: TslDataType;

  @Field(() => TslValue, {
    nullable: true,
    description: 'The value from the newest report that carried this property; null when none in the recent log did.',
  })
  value!: TslValueModel | null;

  @Field(() => Date, { nullable: true, description: 'When the device reported that value; null with `value`.' })
  reportedAt!: Date | null;

  @Field(() => ValueSource, {
    nullable: true,
    description: 'Where `value` was read from: LIVE (pushed, kept by this service) or HISTORY (the message log); null with `value`.',
  })
  source!: ValueSource | null;

  @Field(() => Float, {
    nullable: true,
    description: 'How old `value` is: seconds from `reportedAt` to when this answer was made; null with `value`.',
  })
  ageSeconds!: number | null;
}

@ObjectType({ description: "An entry of a device's message log: an uplink report or a downlink command." })
export class DeviceMessage {
  @Field(() => ID, { nullable: true, description: 'Log entry id, when the platform gives one.' })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'Ticket correlating this message with the command that caused it.' })
  ticket!: string | null;

  @Field(() => MessageDirection, { description: 'Uplink or downlink.' })
  direction!: MessageDirection;

  @Field(() => String, { nullable: true, description: 'Packet command, 4 hex digits, e.g. 0012 (report) or 0011 (read request).' })
  command!: string | null;

  @Field(() => String, { nullable: true, description: 'The raw packet, base64.' })
  payloadBase64!: string | null;

  @Field(() => [TslFieldValue], {
    description: 'Thing-model values the message carries, decoded with the thing model (empty for reads and raw data).',
  })
  values!: TslFieldValue[];

  @Field(() => [String], { description: 'For a downlink read request: codes of the properties asked for.' })
  requestedProperties!: string[];

  @Field(() => SendStatus, { nullable: true, description: 'Delivery state.' })
  sendStatus!: SendStatus | null;

  @Field(() => Date, { nullable: true, description: 'When the message was sent.' })
  sentAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the platform logged the message.' })
  createdAt!: Date | null;
}

@ObjectType({ description: 'A device event: a connectivity change or a thing-model event with its output values.' })
export class DeviceEvent {
  @Field(() => ID, { nullable: true, description: 'Event id.' })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'Ticket of the report that raised the event.' })
  ticket!: string | null;

  @Field(() => DeviceEventType, { nullable: true, description: 'Kind of event; null for a kind this service does not know.' })
  type!: DeviceEventType | null;

  @Field(() => String, { nullable: true, description: 'Event code: "online"/"offline"… or the thing-model event code.' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Event name from the thing model or the platform.' })
  name!: string | null;

  @Field(() => [TslFieldValue], { description: 'Output parameters, decoded with the thing model.' })
  outputs!: TslFieldValue[];

  @Field(() => Date, { nullable: true, description: 'When the event was logged.' })
  occurredAt!: Date | null;
}

@ObjectType({ description: 'A position in one coordinate system, in decimal degrees.' })
export class Coordinates {
  @Field(() => Float, { description: 'Latitude, degrees (north positive).' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude, degrees (east positive).' })
  longitude!: number;
}

@ObjectType({ description: "A device's latest reported location." })
export class DeviceLocation {
  @Field(() => Coordinates, { nullable: true, description: 'WGS-84 (GPS) coordinates.' })
  wgs84!: Coordinates | null;

  @Field(() => Coordinates, { nullable: true, description: 'GCJ-02 coordinates (maps of mainland China).' })
  gcj02!: Coordinates | null;

  @Field(() => Coordinates, { nullable: true, description: 'BD-09 coordinates (Baidu maps).' })
  bd09!: Coordinates | null;

  @Field(() => Float, { nullable: true, description: 'Accuracy radius in metres (cell-based fixes only).' })
  accuracy!: number | null;

  @Field(() => String, { nullable: true, description: 'How the fix was obtained, e.g. LBS, GPS, GN, WIFI.' })
  fixType!: string | null;

  @Field(() => Float, { nullable: true, description: 'Horizontal dilution of precision (satellite fixes).' })
  hdop!: number | null;

  @Field(() => Float, { nullable: true, description: 'Altitude, metres (satellite fixes).' })
  altitude!: number | null;

  @Field(() => Int, { nullable: true, description: 'Satellites in use (satellite fixes).' })
  satellites!: number | null;

  @Field(() => Float, { nullable: true, description: 'Ground speed as the device reports it (satellite fixes).' })
  speed!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the device took the fix.' })
  locatedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the platform stored it.' })
  reportedAt!: Date | null;
}

export const DeviceMessageConnection = Connection(DeviceMessage, {
  name: 'DeviceMessage',
  description: "A page of a device's message log, newest first.",
  edges: 'The messages of this page.',
  pageInfo: 'Where this page sits in the log.',
  totalCount: 'Number of messages matching the filters.',
  edge: { description: 'A message in a log.', cursor: 'Opaque position of this message in the log.', node: 'The message.' },
});

export const DeviceEventConnection = Connection(DeviceEvent, {
  name: 'DeviceEvent',
  description: "A page of a device's event log, newest first.",
  edges: 'The events of this page.',
  pageInfo: 'Where this page sits in the log.',
  totalCount: 'Number of events matching the filters.',
  edge: { description: 'An event in a log.', cursor: 'Opaque position of this event in the log.', node: 'The event.' },
});
