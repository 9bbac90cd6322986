// §9.2/§9.3 push messages as the simulator builds and routes them. Loosely typed on purpose: `emit()` accepts any
// §9 message a test wants to fake, including families the simulator never produces itself.

/** One §9 message (common fields of §9.2; family-specific top-level fields such as `operation` ride along). */
export interface PushMessage {
  type: string;
  /** Absent for ONLINE, STATUS and REQACK (§9.2). */
  subtype?: string;
  productKey?: string;
  deviceKey?: string;
  /** Epoch ms. */
  createdAt: number;
  /** Absent on the product, thing-model and authorization families and on rule notices (§9.2). */
  ticket?: string;
  gateway?: { productKey: string; deviceKey: string };
  extData?: { occurredAt: string };
  data: unknown;
  [field: string]: unknown;
}

/** Fresh identifiers for the messages of one emission. */
export interface PushIds {
  /** A new snowflake ticket (§9.2: "message id"). */
  ticket(): string;
  /** The next uplink packet id. */
  packetId(): number;
}

const BY_SUBTYPE: Record<string, Record<string, number[]>> = {
  RAW: { UPLINK: [3], DOWNLINK: [4] },
  MEVENT: { INFO: [7], WARN: [8], ERROR: [9] },
  // MODE is named only by SDK handlers (§9.3); it rides on the QUERY id [INFERRED].
  LOCATION: { QUERY: [11], MODE: [11], 'INFO-RAW': [12], 'INFO-KV': [13] },
  ENDUSER: { 'USER-BIND': [14], 'USER-ADD': [201], 'USER-UPDATE': [201], 'USER-DELETE': [201] },
  // A device change is 15 for product/device subscriptions and 102 for SaaS ones (§6.6 table).
  META_EVENT: { DEVICE: [15, 102], PRODUCT: [101], THING_MODEL: [103], GRANT_AUTHORIZED: [104], GRANT_USER_DOMAIN: [105] },
};

const BY_TYPE: Record<string, number[]> = { ONLINE: [1], STATUS: [2], REQACK: [5], MATTR: [6], MSERV: [10] };

/**
 * The subscription `msgTypes` ids (§6.6 table, §9.3) a message answers to. Empty for messages without an id,
 * such as CEP_RULE/NOTICE, which no subscription can therefore receive.
 */
export function msgTypeIds(message: Pick<PushMessage, 'type' | 'subtype'>): number[] {
  return BY_TYPE[message.type] ?? BY_SUBTYPE[message.type]?.[message.subtype ?? ''] ?? [];
}
