import type Keyv from 'keyv';
import { PushMessageType } from '../schema/messaging/push-message-type.enum';
import type { PushMessage } from './push-message';

/** Where a stored value came from in the message stream: its time, then its ticket to order equal times. */
export interface StreamPosition {
  /** Epoch ms: `extData.occurredAt` when the platform sends it, else `createdAt` (reference §9.2). */
  at: number;
  ticket: string;
}

/** One property's latest value as pushed: the wire form (`kv`, keyed by code), decoded on read with the thing model. */
export interface LiveValue extends StreamPosition {
  value: unknown;
}

/** What the store keeps per device. Every part is absent until a message set it. */
export interface DeviceLiveState {
  properties: Record<string, LiveValue>;
  /** From ONLINE messages: `data.value` 1 online, 0 offline, 2 reconnected (reference §9.3). */
  connectivity?: StreamPosition & { online: boolean; value: number };
  /**
   * The newest LOCATION/INFO-KV message: its `kv` (wgs_84, gcj_02, bd_09 coordinates and fix quality) and its
   * `data.type`, how the fix was taken (GP, GN, BD, LBS, WIFI ...; absent in states stored before it was kept).
   */
  location?: StreamPosition & { kv: Record<string, unknown>; fixType?: string };
}

/** A command's acknowledgement (REQACK, reference §9.3), kept by ticket so a client that subscribes late still gets it. */
export interface CommandOutcome {
  ticket: string;
  productKey: string | null;
  deviceKey: string | null;
  /** `data.status` as pushed: "succ" or "fail" (others kept verbatim). */
  status: string;
  /** `data.sentAt`, epoch ms, when the platform sent the command; null when absent. */
  sentAt: number | null;
  /** When the acknowledgement was generated, epoch ms. */
  at: number;
}

/** What one message changed in the store; empty parts changed nothing (an older or repeated message). */
export interface LiveChange {
  /** Codes whose stored value this message replaced. */
  properties: string[];
  connectivity: boolean;
  location: boolean;
  command: boolean;
}

export interface LiveStateOptions {
  /** How long a device's state lives after its last change, ms; then reads fall back to history. Default 7 days. */
  deviceTtlMs?: number;
  /** How long a command acknowledgement is kept for late `commandResult` subscribers, ms. Default 15 minutes. */
  commandTtlMs?: number;
  /** How long a thing model read for decoding is reused before it is read again, ms. Default 5 minutes. */
  thingModelTtlMs?: number;
}

const PREFIX = 'live:';
const deviceKeyOf = (productKey: string, deviceKey: string) => `${PREFIX}device:${productKey}/${deviceKey}`;
const commandKeyOf = (ticket: string) => `${PREFIX}command:${ticket}`;
const thingModelKeyOf = (productKey: string) => `${PREFIX}tsl:${productKey}`;

/** True when `next` comes strictly after `current` in the stream (later time, or the same time and a greater ticket). */
export function isNewer(next: StreamPosition, current: StreamPosition | undefined): boolean {
  if (!current) return true;
  return next.at > current.at || (next.at === current.at && next.ticket > current.ticket);
}

/**
 * The latest known state of every device the push channel has spoken about, in the shared keyv (Redis when
 * configured, so every replica reads what any replica stored; memory otherwise).
 *
 * Writes never move state backwards: each property, the connectivity and the location keep the position (time,
 * then ticket) of the message that set them, and an older, repeated or redelivered message leaves them as they are.
 * Writes to one device are serialised within the process; two replicas writing the same device in the same
 * instant may still race (last write wins), which the next report of that device repairs.
 */
export class LiveStateStore {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly deviceTtlMs: number;
  private readonly commandTtlMs: number;
  private readonly thingModelTtlMs: number;

  constructor(
    private readonly cache: Keyv,
    options: LiveStateOptions = {},
  ) {
    this.deviceTtlMs = options.deviceTtlMs ?? 7 * 86_400_000;
    this.commandTtlMs = options.commandTtlMs ?? 15 * 60_000;
    this.thingModelTtlMs = options.thingModelTtlMs ?? 5 * 60_000;
  }

  /** Folds one message into the store and says what it changed. Rejects only when the store itself fails. */
  async apply(message: PushMessage): Promise<LiveChange> {
    const change: LiveChange = { properties: [], connectivity: false, location: false, command: false };
    // A ticket-less message (product, thing-model, grant changes) orders by time alone.
    const position = { at: message.occurredAt ?? message.createdAt, ticket: message.ticket ?? '' };
    const { productKey, deviceKey } = message;
    if (message.type === PushMessageType.COMMAND_ACK) {
      change.command = await this.rememberCommand(message);
      return change;
    }
    if (message.type === PushMessageType.THING_MODEL_RELEASE && productKey) {
      await this.cache.delete(thingModelKeyOf(productKey));
      return change;
    }
    if (!productKey || !deviceKey) return change;
    const update = stateUpdateOf(message, position);
    if (!update) return change;
    const key = deviceKeyOf(productKey, deviceKey);
    await this.serially(key, async () => {
      const state: DeviceLiveState = (await this.cache.get<DeviceLiveState>(key)) ?? { properties: {} };
      for (const [code, value] of Object.entries(update.properties ?? {})) {
        if (!isNewer(value, state.properties[code])) continue;
        state.properties[code] = value;
        change.properties.push(code);
      }
      if (update.connectivity && isNewer(update.connectivity, state.connectivity)) {
        state.connectivity = update.connectivity;
        change.connectivity = true;
      }
      if (update.location && isNewer(update.location, state.location)) {
        state.location = update.location;
        change.location = true;
      }
      if (change.properties.length > 0 || change.connectivity || change.location) await this.cache.set(key, state, this.deviceTtlMs);
    });
    return change;
  }

  /** The state of each device, in key order; undefined for a device the store knows nothing about. One store read. */
  async devices(refs: ReadonlyArray<{ productKey: string; deviceKey: string }>): Promise<Array<DeviceLiveState | undefined>> {
    if (refs.length === 0) return [];
    return this.cache.getMany<DeviceLiveState>(refs.map((r) => deviceKeyOf(r.productKey, r.deviceKey)));
  }

  /** The acknowledgement of the command with this ticket, when one arrived within the command TTL. */
  async command(ticket: string): Promise<CommandOutcome | undefined> {
    return this.cache.get<CommandOutcome>(commandKeyOf(ticket));
  }

  /** Thing-model documents remembered for decoding, per product key in order; undefined where none is. */
  async thingModels<T>(productKeys: readonly string[]): Promise<Array<T | undefined>> {
    if (productKeys.length === 0) return [];
    return this.cache.getMany<T>(productKeys.map(thingModelKeyOf));
  }

  /** Remembers a product's thing-model document (or null: the product has none) for the thing-model TTL. */
  async rememberThingModel(productKey: string, document: unknown): Promise<void> {
    await this.cache.set(thingModelKeyOf(productKey), document, this.thingModelTtlMs);
  }

  private async rememberCommand(message: PushMessage): Promise<boolean> {
    const { ticket } = message;
    // An acknowledgement names its command by ticket; one without cannot be awaited by anyone.
    if (!ticket) return false;
    const key = commandKeyOf(ticket);
    return this.serially(key, async () => {
      // The first acknowledgement of a ticket stands; a redelivered one changes nothing.
      if ((await this.cache.get(key)) !== undefined) return false;
      await this.cache.set(key, commandOutcomeOf(message, ticket), this.commandTtlMs);
      return true;
    });
  }

  /** Runs `work` after every earlier write of `key` in this process finished (failed ones included). */
  private serially<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.chains.set(key, settled);
    void settled.then(() => {
      if (this.chains.get(key) === settled) this.chains.delete(key);
    });
    return next;
  }
}

/** The outcome a REQACK message reports (reference §9.3: `data.status` "succ"/"fail", `data.sentAt`). */
export function commandOutcomeOf(message: PushMessage, ticket: string): CommandOutcome {
  const data = message.data ?? {};
  return {
    ticket,
    productKey: message.productKey,
    deviceKey: message.deviceKey,
    status: typeof data.status === 'string' ? data.status : 'unknown',
    sentAt: typeof data.sentAt === 'number' && Number.isFinite(data.sentAt) ? data.sentAt : null,
    at: message.createdAt,
  };
}

interface StateUpdate {
  properties?: Record<string, LiveValue>;
  connectivity?: DeviceLiveState['connectivity'];
  location?: DeviceLiveState['location'];
}

/** The state a message carries: reported or read-back property values, connectivity, a parsed location fix. */
function stateUpdateOf(message: PushMessage, position: StreamPosition): StateUpdate | undefined {
  const data = message.data;
  switch (message.type) {
    case PushMessageType.PROPERTY_REPORT:
    case PushMessageType.PROPERTY_READ_RESPONSE: {
      const kv = recordOf(data?.kv);
      if (!kv) return undefined;
      return { properties: Object.fromEntries(Object.entries(kv).map(([code, value]) => [code, { ...position, value }])) };
    }
    case PushMessageType.ONLINE: {
      const value = Number(data?.value);
      if (!Number.isInteger(value)) return undefined;
      return { connectivity: { ...position, online: value !== 0, value } };
    }
    case PushMessageType.LOCATION_PARSED: {
      const kv = recordOf(data?.kv);
      if (!kv) return undefined;
      return { location: { ...position, kv, ...(typeof data?.type === 'string' ? { fixType: data.type } : {}) } };
    }
    default:
      return undefined;
  }
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
