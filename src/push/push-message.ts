import { PushMessageType } from '../schema/messaging/push-message-type.enum';

/** A device reference as the platform sends it in `gateway` (reference §9.2). */
export interface PushDeviceRef {
  productKey: string;
  deviceKey: string;
}

/** One validated §9.2 message: the common fields typed, the type-specific payload kept as sent. */
export interface PushMessage {
  type: PushMessageType;
  /** `type` as sent, e.g. `MATTR`. */
  platformType: string;
  /** `subtype` as sent, e.g. `WRITE`; null where the platform sends none (ONLINE, STATUS, REQACK). */
  platformSubtype: string | null;
  /** Top-level `operation` of META_EVENT messages (ADD, UPDATE, DELETE, ...). */
  operation: string | null;
  /**
   * Message id; null on the kinds the platform sends without one (product, thing-model and authorization changes,
   * rule-engine notices: reference §9.2).
   */
  ticket: string | null;
  productKey: string | null;
  deviceKey: string | null;
  gateway: PushDeviceRef | null;
  /** Epoch ms. */
  createdAt: number;
  /** `extData.occurredAt` as epoch ms: when the device produced the data (it may have buffered it offline). */
  occurredAt: number | null;
  /** `data` as sent: an object, or null (META_EVENT RESET/AUTH/ACTIVE/LOGOFF). */
  data: Record<string, unknown> | null;
  /** Every other top-level field (deviceName of USER-BIND, operator of PRODUCT, traceId of CEP_RULE, ...). */
  extra: Record<string, unknown> | null;
}

export type ParseResult = { ok: true; message: PushMessage } | { ok: false; reason: string };

const COMMON_FIELDS = new Set(['type', 'subtype', 'operation', 'ticket', 'productKey', 'deviceKey', 'gateway', 'createdAt', 'extData', 'data']);

/** `type` or `type/subtype` -> our enum; the pairs of the §9.3 table and the consumer routing it cites (S12). */
const TYPE_TABLE = new Map<string, PushMessageType>(
  Object.entries({
    ONLINE: PushMessageType.ONLINE,
    STATUS: PushMessageType.STATUS,
    REQACK: PushMessageType.COMMAND_ACK,
    'RAW/UPLINK': PushMessageType.RAW_UPLINK,
    'RAW/DOWNLINK': PushMessageType.RAW_DOWNLINK,
    'MATTR/READ': PushMessageType.PROPERTY_READ,
    'MATTR/READRESP': PushMessageType.PROPERTY_READ_RESPONSE,
    'MATTR/WRITE': PushMessageType.PROPERTY_WRITE,
    'MATTR/REPORT': PushMessageType.PROPERTY_REPORT,
    'MEVENT/INFO': PushMessageType.EVENT_INFO,
    'MEVENT/WARN': PushMessageType.EVENT_WARN,
    'MEVENT/ERROR': PushMessageType.EVENT_ERROR,
    'MSERV/INPUT': PushMessageType.SERVICE_INPUT,
    'MSERV/OUTPUT': PushMessageType.SERVICE_OUTPUT,
    'LOCATION/QUERY': PushMessageType.LOCATION_QUERY,
    'LOCATION/MODE': PushMessageType.LOCATION_MODE,
    'LOCATION/INFO-RAW': PushMessageType.LOCATION_RAW,
    'LOCATION/INFO-KV': PushMessageType.LOCATION_PARSED,
    'ENDUSER/USER-BIND': PushMessageType.END_USER_BINDING,
    'ENDUSER/USER-ADD': PushMessageType.END_USER_ADDED,
    'ENDUSER/USER-UPDATE': PushMessageType.END_USER_UPDATED,
    'ENDUSER/USER-DELETE': PushMessageType.END_USER_DELETED,
    'META_EVENT/DEVICE': PushMessageType.DEVICE_LIFECYCLE,
    'META_EVENT/PRODUCT': PushMessageType.PRODUCT_CHANGE,
    'META_EVENT/THING_MODEL': PushMessageType.THING_MODEL_RELEASE,
    'META_EVENT/GRANT_AUTHORIZED': PushMessageType.PRODUCT_AUTHORIZATION,
    'META_EVENT/GRANT_USER_DOMAIN': PushMessageType.USER_DOMAIN_AUTHORIZATION,
    'CEP_RULE/NOTICE': PushMessageType.RULE_NOTICE,
  }),
);

/** Classifies a platform `type`/`subtype`; pairs outside the catalogue are OTHER, not errors (new kinds appear). */
export function pushMessageTypeOf(type: string, subtype: string | null): PushMessageType {
  return TYPE_TABLE.get(subtype ? `${type}/${subtype}` : type) ?? TYPE_TABLE.get(type) ?? PushMessageType.OTHER;
}

class Malformed extends Error {}

/**
 * Parses one AMQP body as a §9.2 message. Never throws: a malformed body comes back as `{ ok: false, reason }`,
 * and `reason` names the field that failed but never quotes the body (it is logged, and bodies carry user data).
 */
export function parsePushMessage(body: Buffer | string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  try {
    return { ok: true, message: toPushMessage(json) };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, reason: error.message };
    throw error;
  }
}

function toPushMessage(json: unknown): PushMessage {
  const body = objectOrFail(json, 'body');
  const platformType = requiredText(body.type, 'type');
  const platformSubtype = optionalText(body.subtype, 'subtype');
  const data = body.data === undefined || body.data === null ? null : objectOrFail(body.data, 'data');
  const extData = body.extData === undefined || body.extData === null ? null : objectOrFail(body.extData, 'extData');
  const occurredAt = extData?.occurredAt === undefined || extData.occurredAt === null ? null : epochMs(extData.occurredAt, 'extData.occurredAt');
  const extraEntries = Object.entries(body).filter(([key]) => !COMMON_FIELDS.has(key));
  return {
    type: pushMessageTypeOf(platformType, platformSubtype),
    platformType,
    platformSubtype,
    operation: optionalText(body.operation, 'operation'),
    ticket: ticketOf(body.ticket),
    productKey: optionalText(body.productKey, 'productKey'),
    deviceKey: optionalText(body.deviceKey, 'deviceKey'),
    gateway: gatewayOf(body.gateway),
    createdAt: epochMs(body.createdAt, 'createdAt'),
    occurredAt,
    data,
    extra: extraEntries.length > 0 ? Object.fromEntries(extraEntries) : null,
  };
}

function objectOrFail(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Malformed(`${field} must be a JSON object`);
  return value as Record<string, unknown>;
}

function requiredText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Malformed(`${field} must be a non-empty string`);
  return value;
}

function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new Malformed(`${field} must be a string when present`);
  return value;
}

/**
 * §9.2 says string (snowflake digits or 24-hex); a numeric ticket is accepted rather than losing the message. Absent
 * is fine: product, thing-model and authorization changes carry none, and rule-engine notices only a `traceId`
 * (kept in `extra`), so requiring one would drop whole message kinds.
 */
function ticketOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return requiredText(value, 'ticket');
}

/** Epoch ms as a number (createdAt, §9.2) or a digit string (extData.occurredAt, §9.2). */
function epochMs(value: unknown, field: string): number {
  const ms = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0 || Number.isNaN(new Date(ms).getTime())) {
    throw new Malformed(`${field} must be epoch milliseconds`);
  }
  return ms;
}

function gatewayOf(value: unknown): PushDeviceRef | null {
  if (value === undefined || value === null) return null;
  const gateway = objectOrFail(value, 'gateway');
  return { productKey: requiredText(gateway.productKey, 'gateway.productKey'), deviceKey: requiredText(gateway.deviceKey, 'gateway.deviceKey') };
}
