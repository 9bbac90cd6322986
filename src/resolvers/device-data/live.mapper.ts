import type { ThingModel } from '../../schema/catalog/thing-model.type';
import type { CommandOutcome } from '../../schema/device-data/live.type';
import { CommandOutcomeStatus } from '../../schema/device-data/command-outcome-status.enum';
import type { DeviceEvent, DeviceProperty } from '../../schema/device-data/device-data.type';
import { DeviceEventType } from '../../schema/device-data/device-event-type.enum';
import { ValueSource } from '../../schema/device-data/value-source.enum';
import { PushMessageType } from '../../schema/messaging/push-message-type.enum';
import type { CommandWait } from '../../push/command-waiter';
import type { PushMessage } from '../../push/push-message';
import { decodeByCode, decodeValue } from './tsl-decode';

/** When the device produced a message's data: `extData.occurredAt`, else when the platform generated it. */
export function occurredAtOf(message: PushMessage): number {
  return message.occurredAt ?? message.createdAt;
}

/** The `kv` a property message carries (reports, read answers), keyed by code; empty when it has none. */
export function kvOf(message: PushMessage): Record<string, unknown> {
  const kv = message.data?.kv;
  return kv !== null && typeof kv === 'object' && !Array.isArray(kv) ? (kv as Record<string, unknown>) : {};
}

/**
 * Pushed property values as `DeviceProperty` rows, decoded with the thing model exactly as history values are, in
 * thing-model order. `only` keeps just those codes (what moved the live state forward, or what a subscriber asked
 * for); codes the model does not define are left out.
 */
export function toLiveProperties(model: ThingModel, message: PushMessage, only: ReadonlySet<string> | undefined, now: number): DeviceProperty[] {
  const kv = kvOf(message);
  const at = occurredAtOf(message);
  return model.properties
    .filter((p) => p.code in kv && (only === undefined || only.has(p.code)))
    .map((p) => {
      const value = decodeValue(p, kv[p.code]);
      return {
        code: p.code,
        name: p.name,
        dataType: p.dataType,
        value,
        reportedAt: value ? new Date(at) : null,
        source: value ? ValueSource.LIVE : null,
        ageSeconds: value ? Math.max(0, now - at) / 1000 : null,
      };
    });
}

const CONNECTIVITY: Record<number, DeviceEventType> = { 0: DeviceEventType.OFFLINE, 1: DeviceEventType.ONLINE, 2: DeviceEventType.RECONNECT };
const SEVERITY: Partial<Record<PushMessageType, DeviceEventType>> = {
  [PushMessageType.EVENT_INFO]: DeviceEventType.INFO,
  [PushMessageType.EVENT_WARN]: DeviceEventType.WARNING,
  [PushMessageType.EVENT_ERROR]: DeviceEventType.FAULT,
};

/** The `DeviceEventType` a pushed message stands for: connectivity (ONLINE) or a thing-model event; null for others. */
export function eventTypeOf(message: PushMessage): DeviceEventType | null {
  if (message.type === PushMessageType.ONLINE) return CONNECTIVITY[Number(message.data?.value)] ?? null;
  return SEVERITY[message.type] ?? null;
}

/**
 * A pushed ONLINE or MEVENT message as the same `DeviceEvent` the event log gives: connectivity codes as the log
 * names them, thing-model event outputs (`data.kv`, keyed by code) decoded with the event's definition.
 */
export function toLiveDeviceEvent(message: PushMessage, model: ThingModel | null): DeviceEvent | null {
  const type = eventTypeOf(message);
  if (!type) return null;
  const occurredAt = new Date(occurredAtOf(message));
  if (message.type === PushMessageType.ONLINE) {
    return { id: null, ticket: message.ticket, type, code: type.toLowerCase(), name: null, outputs: [], occurredAt };
  }
  const code = typeof message.data?.code === 'string' ? message.data.code : null;
  const definition = code ? model?.events.find((e) => e.code === code) : undefined;
  return {
    id: null,
    ticket: message.ticket,
    type,
    code,
    name: definition?.name ?? null,
    outputs: decodeByCode(definition?.outputs ?? [], kvOf(message)),
    occurredAt,
  };
}

/** The end of a `commandResult` wait as the GraphQL object; no outcome is TIMED_OUT. */
export function toCommandOutcome(wait: CommandWait): CommandOutcome {
  const { outcome } = wait;
  if (!outcome) {
    return {
      ticket: wait.ticket,
      status: CommandOutcomeStatus.TIMED_OUT,
      platformStatus: null,
      productKey: null,
      deviceKey: null,
      sentAt: null,
      acknowledgedAt: null,
    };
  }
  return {
    ticket: outcome.ticket,
    status: outcome.status === 'succ' ? CommandOutcomeStatus.SUCCEEDED : CommandOutcomeStatus.FAILED,
    platformStatus: outcome.status,
    productKey: outcome.productKey,
    deviceKey: outcome.deviceKey,
    sentAt: outcome.sentAt === null ? null : new Date(outcome.sentAt),
    acknowledgedAt: new Date(outcome.at),
  };
}
