import { GraphQLJSON } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Device, type DeviceSource } from '../devices/device.type';
import { MessageType } from './message-type.enum';
import { DeviceEvent } from '../device-data/device-data.type';
import { TslFieldValue } from '../device-data/tsl-value.type';
import { PushMessageType } from './push-message-type.enum';

@ObjectType({
  description:
    'A message the platform pushed through the AMQP subscription channel, as it arrived: device ' +
    'reports, command acknowledgements, lifecycle and binding changes. Unlike `Device.messages` (the stored log) ' +
    'it is live and carries the raw platform payload in `data`.',
})
export class PushedDeviceMessage {
  @Field(() => PushMessageType, { description: 'What happened; OTHER for a kind this service does not know yet.' })
  type!: PushMessageType;

  @Field({ description: "The platform's own `type`, e.g. MATTR, REQACK, META_EVENT." })
  platformType!: string;

  @Field(() => String, { nullable: true, description: "The platform's own `subtype`, e.g. WRITE; null for ONLINE, STATUS and REQACK." })
  platformSubtype!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For lifecycle, product and authorization changes: ADD, UPDATE, DELETE, RESET, AUTH, ACTIVE, LOGOFF, RELEASE, CANCEL_AUTH...',
  })
  operation!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Message id. For a downlink and its COMMAND_ACK it is the ticket the command mutation returned, so a client ' +
      'can match acknowledgements to its own commands. Null on kinds the platform sends without one: PRODUCT_CHANGE, ' +
      'THING_MODEL_RELEASE, PRODUCT_AUTHORIZATION, USER_DOMAIN_AUTHORIZATION, and RULE_NOTICE (its `traceId` is in `extra`).',
  })
  ticket!: string | null;

  @Field(() => String, { nullable: true, description: 'Product key (PK) of the device; null on user and product-level messages without one.' })
  productKey!: string | null;

  @Field(() => String, { nullable: true, description: 'Device key (DK); null on messages that concern no single device.' })
  deviceKey!: string | null;

  @Field(() => Device, {
    nullable: true,
    description:
      'The device the message concerns; its fields load on demand for each message (fresh, never cached across ' +
      'messages). Null when the message names no device; selecting detail fields of a deleted device fails them.',
  })
  device!: DeviceSource | null;

  @Field(() => Device, { nullable: true, description: 'The gateway that relayed the message for a sub-device; null when sent directly.' })
  gateway!: DeviceSource | null;

  @Field(() => Date, { description: 'When the platform generated the message.' })
  createdAt!: Date;

  @Field(() => Date, {
    description: 'When the device produced the data (it may have buffered it while offline); `createdAt` when the platform does not say.',
  })
  occurredAt!: Date;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The type-specific payload exactly as pushed, e.g. `{ packetId, kv }` for a property report.',
  })
  data!: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Other top-level fields the platform sent with this kind, e.g. `deviceName` with END_USER_BINDING; null when none.',
  })
  extra!: Record<string, unknown> | null;

  @Field(() => MessageType, {
    nullable: true,
    description: 'The subscription kind (msgType) that carries this message, e.g. COMMAND_RESPONSE for a COMMAND_ACK; null when none does.',
  })
  messageType!: MessageType | null;

  @Field(() => [TslFieldValue], {
    nullable: true,
    description:
      'The values a property message (PROPERTY_REPORT, PROPERTY_READ_RESPONSE, PROPERTY_WRITE) or service message (SERVICE_INPUT, ' +
      'SERVICE_OUTPUT) carries, decoded with the thing model exactly as `Device.messages` decodes the log; null for other kinds.',
  })
  values?: TslFieldValue[] | null;

  @Field(() => DeviceEvent, {
    nullable: true,
    description:
      'For ONLINE and EVENT_* messages: the event as `Device.events` lists it (connectivity, or a thing-model event with decoded ' +
      'outputs); null for other kinds.',
  })
  event?: DeviceEvent | null;

  @Field(() => Int, {
    description:
      'Messages this subscription lost just before this one because the client read too slowly and fell more than ' +
      'the buffer size behind (the oldest are dropped first); 0 normally.',
  })
  droppedBefore!: number;
}
