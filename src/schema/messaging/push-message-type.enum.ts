import { registerEnumType } from 'type-graphql';
import { MessageType } from './message-type.enum';

/** The §9.3 message catalogue, one value per `type`/`subtype` pair, named for what happened. */
export enum PushMessageType {
  ONLINE = 'ONLINE',
  STATUS = 'STATUS',
  RAW_UPLINK = 'RAW_UPLINK',
  RAW_DOWNLINK = 'RAW_DOWNLINK',
  COMMAND_ACK = 'COMMAND_ACK',
  PROPERTY_READ = 'PROPERTY_READ',
  PROPERTY_READ_RESPONSE = 'PROPERTY_READ_RESPONSE',
  PROPERTY_WRITE = 'PROPERTY_WRITE',
  PROPERTY_REPORT = 'PROPERTY_REPORT',
  EVENT_INFO = 'EVENT_INFO',
  EVENT_WARN = 'EVENT_WARN',
  EVENT_ERROR = 'EVENT_ERROR',
  SERVICE_INPUT = 'SERVICE_INPUT',
  SERVICE_OUTPUT = 'SERVICE_OUTPUT',
  LOCATION_QUERY = 'LOCATION_QUERY',
  LOCATION_MODE = 'LOCATION_MODE',
  LOCATION_RAW = 'LOCATION_RAW',
  LOCATION_PARSED = 'LOCATION_PARSED',
  END_USER_BINDING = 'END_USER_BINDING',
  DEVICE_LIFECYCLE = 'DEVICE_LIFECYCLE',
  PRODUCT_CHANGE = 'PRODUCT_CHANGE',
  THING_MODEL_RELEASE = 'THING_MODEL_RELEASE',
  PRODUCT_AUTHORIZATION = 'PRODUCT_AUTHORIZATION',
  USER_DOMAIN_AUTHORIZATION = 'USER_DOMAIN_AUTHORIZATION',
  END_USER_ADDED = 'END_USER_ADDED',
  END_USER_UPDATED = 'END_USER_UPDATED',
  END_USER_DELETED = 'END_USER_DELETED',
  RULE_NOTICE = 'RULE_NOTICE',
  OTHER = 'OTHER',
}

registerEnumType(PushMessageType, {
  name: 'PushMessageType',
  description:
    'Kind of a pushed platform message. Each value names the platform `type`/`subtype` pair and the ' +
    'subscription msgType id that must be enabled on the queue for the platform to push it; ' +
    '`PushedDeviceMessage.messageType` gives that subscription `MessageType` (the one mapping between the two enums), ' +
    'and `deviceMessages(messageTypes: ...)` filters by it.',
  valuesConfig: {
    ONLINE: { description: 'ONLINE (msgType 1): the device went online, offline or reconnected; `data.value` 1, 0 or 2.' },
    STATUS: { description: 'STATUS (msgType 2): device and module status changed; `data.kv` holds the changed keys.' },
    RAW_UPLINK: { description: 'RAW/UPLINK (msgType 3): transparent data from the device; `data.raw` is base64.' },
    RAW_DOWNLINK: { description: 'RAW/DOWNLINK (msgType 4): transparent data sent to the device; `data.raw` is base64.' },
    COMMAND_ACK: {
      description: 'REQACK (msgType 5): delivery result of a downlink command; `ticket` is the command\'s ticket, `data.status` "succ" or "fail".',
    },
    PROPERTY_READ: { description: 'MATTR/READ (msgType 6): a property read request sent to the device; `data.keys` lists the codes.' },
    PROPERTY_READ_RESPONSE: { description: 'MATTR/READRESP (msgType 6): the device answered a read; `data.kv` maps codes to values.' },
    PROPERTY_WRITE: { description: 'MATTR/WRITE (msgType 6): property values sent to the device; `data.kv` maps codes to values.' },
    PROPERTY_REPORT: { description: 'MATTR/REPORT (msgType 6): the device reported property values; `data.kv` maps codes to values.' },
    EVENT_INFO: { description: 'MEVENT/INFO (msgType 7): an information event; `data.code` is the event code, `data.kv` its outputs.' },
    EVENT_WARN: { description: 'MEVENT/WARN (msgType 8): an alert event; `data.code` is the event code, `data.kv` its outputs.' },
    EVENT_ERROR: { description: 'MEVENT/ERROR (msgType 9): a fault event; `data.code` is the event code, `data.kv` its outputs.' },
    SERVICE_INPUT: { description: 'MSERV/INPUT (msgType 10): a service call sent to the device; `data.code` is the service code.' },
    SERVICE_OUTPUT: { description: 'MSERV/OUTPUT (msgType 10): the result of a service call; `data.code` is the service code.' },
    LOCATION_QUERY: { description: 'LOCATION/QUERY (msgType 11): a location request sent to the device.' },
    LOCATION_MODE: { description: 'LOCATION/MODE (msgType 11): a locating-mode setting sent to the device (SDK naming, unconfirmed).' },
    LOCATION_RAW: { description: 'LOCATION/INFO-RAW (msgType 12): raw location sentences (NMEA or $LBS) in `data.raw`.' },
    LOCATION_PARSED: {
      description: 'LOCATION/INFO-KV (msgType 13): a parsed fix; `data.kv` carries wgs_84/gcj_02/bd_09 coordinates and quality.',
    },
    END_USER_BINDING: {
      description: 'ENDUSER/USER-BIND (msgType 14): an end user gained (value 1) or lost (0, 2) the device; see `extra.deviceName`.',
    },
    DEVICE_LIFECYCLE: {
      description: 'META_EVENT/DEVICE (msgType 15 or 102): the device was added, updated, deleted, reset, activated...; see `operation`.',
    },
    PRODUCT_CHANGE: { description: 'META_EVENT/PRODUCT (msgType 101): a product was added, updated or deleted; see `operation`.' },
    THING_MODEL_RELEASE: { description: 'META_EVENT/THING_MODEL (msgType 103): a thing model was published; `data.tslJson` is the model.' },
    PRODUCT_AUTHORIZATION: {
      description: 'META_EVENT/GRANT_AUTHORIZED (msgType 104): a product was authorized to (or withdrawn from) the application.',
    },
    USER_DOMAIN_AUTHORIZATION: {
      description: 'META_EVENT/GRANT_USER_DOMAIN (msgType 105): a user domain (App) was authorized or withdrawn.',
    },
    END_USER_ADDED: { description: 'ENDUSER/USER-ADD (msgType 201): an end user registered in a user domain.' },
    END_USER_UPDATED: { description: 'ENDUSER/USER-UPDATE (msgType 201): an end user changed, e.g. was disabled.' },
    END_USER_DELETED: { description: 'ENDUSER/USER-DELETE (msgType 201): an end user was removed.' },
    RULE_NOTICE: { description: 'CEP_RULE/NOTICE (no msgType id): a rule-engine notice; `data.raw` is the triggering message.' },
    OTHER: {
      description: 'A type/subtype this service does not know yet; read `platformType` and `platformSubtype`.',
    },
  },
});

/**
 * The one mapping between the two vocabularies of message kinds: each pushed kind and the subscription `MessageType`
 * (msgType id, reference §6.6) that must be enabled on a queue for the platform to push it. null: no subscription
 * type carries it (rule notices) or the kind is unknown. META_EVENT/DEVICE answers to two ids (15 on product and
 * device subscriptions, 102 on SaaS ones); DEVICE_INFO_CHANGE is named here, and a `messageTypes` filter accepts either.
 */
export const SUBSCRIPTION_TYPE_OF: Readonly<Record<PushMessageType, MessageType | null>> = Object.freeze({
  ONLINE: MessageType.DEVICE_ONLINE_OFFLINE,
  STATUS: MessageType.DEVICE_STATUS,
  RAW_UPLINK: MessageType.RAW_UPLINK,
  RAW_DOWNLINK: MessageType.RAW_DOWNLINK,
  COMMAND_ACK: MessageType.COMMAND_RESPONSE,
  PROPERTY_READ: MessageType.PROPERTY,
  PROPERTY_READ_RESPONSE: MessageType.PROPERTY,
  PROPERTY_WRITE: MessageType.PROPERTY,
  PROPERTY_REPORT: MessageType.PROPERTY,
  EVENT_INFO: MessageType.EVENT_INFO,
  EVENT_WARN: MessageType.EVENT_ALERT,
  EVENT_ERROR: MessageType.EVENT_FAULT,
  SERVICE_INPUT: MessageType.SERVICE_CALL,
  SERVICE_OUTPUT: MessageType.SERVICE_CALL,
  LOCATION_QUERY: MessageType.LOCATION_DOWNLINK,
  LOCATION_MODE: MessageType.LOCATION_DOWNLINK,
  LOCATION_RAW: MessageType.LOCATION_RAW,
  LOCATION_PARSED: MessageType.LOCATION,
  END_USER_BINDING: MessageType.BINDING_CHANGE,
  DEVICE_LIFECYCLE: MessageType.DEVICE_INFO_CHANGE,
  PRODUCT_CHANGE: MessageType.PRODUCT_CHANGED,
  THING_MODEL_RELEASE: MessageType.THING_MODEL_PUBLISHED,
  PRODUCT_AUTHORIZATION: MessageType.PRODUCT_AUTHORIZATION,
  USER_DOMAIN_AUTHORIZATION: MessageType.USER_DOMAIN_AUTHORIZATION,
  END_USER_ADDED: MessageType.END_USER_CHANGED,
  END_USER_UPDATED: MessageType.END_USER_CHANGED,
  END_USER_DELETED: MessageType.END_USER_CHANGED,
  RULE_NOTICE: null,
  OTHER: null,
});

/** The pushed kinds a subscription `MessageType` carries (the inverse of `SUBSCRIPTION_TYPE_OF`). */
export function pushTypesOf(messageType: MessageType): PushMessageType[] {
  const kinds = (Object.keys(SUBSCRIPTION_TYPE_OF) as PushMessageType[]).filter((kind) => SUBSCRIPTION_TYPE_OF[kind] === messageType);
  return messageType === MessageType.DEVICE_CHANGED ? [PushMessageType.DEVICE_LIFECYCLE] : kinds;
}
