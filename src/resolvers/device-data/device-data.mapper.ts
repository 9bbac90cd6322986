import type { ThingModel, ThingModelParameter, ThingModelProperty } from '../../schema/catalog/thing-model.type';
import { TslDataType } from '../../schema/catalog/tsl-data-type.enum';
import type { DeviceEvent, DeviceLocation, DeviceMessage, DeviceProperty, Coordinates } from '../../schema/device-data/device-data.type';
import { DeviceEventType } from '../../schema/device-data/device-event-type.enum';
import { MessageDirection } from '../../schema/device-data/message-direction.enum';
import { SendStatus } from '../../schema/device-data/send-status.enum';
import type { TslValueModel } from '../../schema/device-data/tsl-value.type';
import type { DeviceEventDto, DeviceMessageDto, LocationDto } from '../../datasources/device-data/device-data.dto';
import { decodeByCode, decodeById, decodeValue, parseDmData, parseJson } from './tsl-decode';
import { toDate } from '../../datasources/platform/time';
import { ValueSource } from '../../schema/device-data/value-source.enum';
import type { DeviceLiveState } from '../../push/live-state';

const sendStatuses: Record<number, SendStatus> = { 0: SendStatus.NOT_SENT, 1: SendStatus.SENT, [-1]: SendStatus.FAILED };

const eventTypes: Record<string, DeviceEventType> = {
  '0': DeviceEventType.OFFLINE,
  '1': DeviceEventType.ONLINE,
  '2': DeviceEventType.RECONNECT,
  '3': DeviceEventType.INFO,
  '4': DeviceEventType.WARNING,
  '5': DeviceEventType.FAULT,
  '6': DeviceEventType.RESET,
};

/** Our filter value to upstream's `eventType` string (reference §5). */
export function toUpstreamEventType(type: DeviceEventType): string {
  return Object.entries(eventTypes).find(([, t]) => t === type)![0];
}

export function isUplink(dto: DeviceMessageDto): boolean {
  return dto.direction === 1 || (dto.direction == null && dto.msgType === 'up');
}

/** A log entry; `dmData` is decoded by TSL id with the product's thing model (null model: no values). */
export function toDeviceMessage(dto: DeviceMessageDto, model: ThingModel | null): DeviceMessage {
  const { values, ids } = parseDmData(dto.dmData);
  const codeById = new Map(model ? [...model.properties, ...model.services, ...model.events].map((f) => [f.id, f.code]) : []);
  const uplink = isUplink(dto);
  return {
    id: dto.id ?? null,
    ticket: dto.ticket ?? null,
    direction: uplink ? MessageDirection.UP : MessageDirection.DOWN,
    command: dto.cmd ?? null,
    payloadBase64: dto.data ?? null,
    values: model ? decodeById(featureParameters(model, uplink), values) : [],
    requestedProperties: ids.map((id) => codeById.get(id)).filter((code): code is string => code !== undefined),
    sendStatus: dto.sendStatus === null || dto.sendStatus === undefined ? null : (sendStatuses[dto.sendStatus] ?? null),
    sentAt: toDate(dto.sendTime),
    createdAt: toDate(dto.createTime),
  };
}

/** An event; `outputData` is keyed by output parameter code and decoded with the event's definition. */
export function toDeviceEvent(dto: DeviceEventDto, model: ThingModel | null): DeviceEvent {
  const definition = model?.events.find((e) => e.code === dto.eventCode);
  const output = parseJson(dto.outputData);
  const kv = output !== null && typeof output === 'object' && !Array.isArray(output) ? (output as Record<string, unknown>) : {};
  return {
    id: dto.id ?? null,
    ticket: dto.ticket ?? null,
    type: dto.eventType === null || dto.eventType === undefined ? null : (eventTypes[String(dto.eventType)] ?? null),
    code: dto.eventCode ?? null,
    name: dto.eventName || definition?.name || null,
    outputs: decodeByCode(definition?.outputs ?? [], kv),
    occurredAt: toDate(dto.createTime),
  };
}

/**
 * The latest value of each property across uplink messages: the newest message carrying a property wins. Messages
 * are ordered by time here rather than trusting upstream's order. `codes` selects and orders; omitted = all
 * properties in thing-model order.
 */
export function toDeviceProperties(
  model: ThingModel,
  messages: readonly DeviceMessageDto[],
  codes?: readonly string[] | null,
  now: number = Date.now(),
): DeviceProperty[] {
  const latest = new Map<number, { value: TslValueModel | null; at: Date | null }>();
  const newestFirst = messages.filter(isUplink).map((m, i) => ({ m, i, at: toDate(m.createTime ?? m.sendTime)?.getTime() ?? 0 }));
  newestFirst.sort((a, b) => b.at - a.at || a.i - b.i);
  const propertiesById = new Map(model.properties.map((p) => [p.id, p]));
  for (const { m } of newestFirst) {
    for (const entry of parseDmData(m.dmData).values) {
      const property = propertiesById.get(entry.id);
      if (!property || latest.has(entry.id)) continue;
      latest.set(entry.id, { value: decodeValue(property, entry.value), at: toDate(m.createTime ?? m.sendTime) });
    }
  }
  return selectedProperties(model, codes).map((p) => {
    const found = latest.get(p.id);
    const reportedAt = found?.value ? found.at : null;
    return {
      code: p.code,
      name: p.name,
      dataType: p.dataType,
      value: found?.value ?? null,
      reportedAt,
      source: found?.value ? ValueSource.HISTORY : null,
      ageSeconds: reportedAt ? ageSeconds(reportedAt.getTime(), now) : null,
    };
  });
}

/**
 * The properties `codes` selects (all, in thing-model order, when omitted) from live state, each decoded with the
 * thing model exactly as a history value; a property the live state lacks (or holds in a form the model refuses)
 * is absent from the answer, so the caller reads only those from history.
 */
export function liveProperties(model: ThingModel, state: DeviceLiveState | undefined, codes: readonly string[] | null | undefined, now: number) {
  const found = new Map<string, DeviceProperty>();
  for (const p of selectedProperties(model, codes)) {
    const live = state?.properties[p.code];
    const value = live ? decodeValue(p, live.value) : null;
    if (!live || !value) continue;
    found.set(p.code, {
      code: p.code,
      name: p.name,
      dataType: p.dataType,
      value,
      reportedAt: new Date(live.at),
      source: ValueSource.LIVE,
      ageSeconds: ageSeconds(live.at, now),
    });
  }
  return found;
}

/** The thing-model properties `codes` names, in its order; every property in thing-model order when omitted. */
export function selectedProperties(model: ThingModel, codes: readonly string[] | null | undefined): ThingModelProperty[] {
  return codes
    ? codes.map((code) => model.properties.find((p) => p.code === code)).filter((p): p is ThingModelProperty => p !== undefined)
    : model.properties;
}

/** Seconds from `at` to `now`, never negative (a device clock ahead of ours reads as 0), millisecond precision. */
function ageSeconds(at: number, now: number): number {
  return Math.max(0, now - at) / 1000;
}

export function toDeviceLocation(dto: LocationDto): DeviceLocation {
  return {
    wgs84: coordinates(dto.wgsLat, dto.wgsLng),
    gcj02: coordinates(dto.gcjLat, dto.gcjLng),
    bd09: coordinates(dto.bdLat, dto.bdLng),
    accuracy: toNumber(dto.accuracy),
    // locateType comes padded, e.g. "LBS " (reference §6.5).
    fixType: (dto.locateType ?? dto.locType ?? '').trim() || null,
    hdop: toNumber(dto.hdop),
    altitude: toNumber(dto.height),
    satellites: toInteger(dto.satellites),
    speed: toNumber(dto.speed),
    locatedAt: toDate(dto.locateTime),
    reportedAt: toDate(dto.createTime),
  };
}

/**
 * A location fix from live state (a pushed LOCATION/INFO-KV message, reference §9.3): the same fields as the location
 * endpoint's, from the message's spelling (`wgs_84: {lat, lng}`, `height`, `locateTime`); `reportedAt` is when the
 * platform pushed it.
 */
export function liveLocation(fix: NonNullable<DeviceLiveState['location']>): DeviceLocation {
  const { kv } = fix;
  const pair = (value: unknown) => {
    const point = value !== null && typeof value === 'object' ? (value as { lat?: unknown; lng?: unknown }) : {};
    return coordinates(scalar(point.lat), scalar(point.lng));
  };
  return {
    wgs84: pair(kv.wgs_84),
    gcj02: pair(kv.gcj_02),
    bd09: pair(kv.bd_09),
    accuracy: toNumber(scalar(kv.accuracy)),
    fixType: fix.fixType?.trim() || null,
    hdop: toNumber(scalar(kv.hdop)),
    altitude: toNumber(scalar(kv.height)),
    satellites: toInteger(scalar(kv.satellites)),
    speed: toNumber(scalar(kv.speed)),
    locatedAt: toDate(scalar(kv.locateTime)),
    reportedAt: new Date(fix.at),
  };
}

/** A number or string as pushed; anything else (an object, a boolean) reads as absent. */
function scalar(value: unknown): number | string | null {
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

function coordinates(lat: number | string | null | undefined, lng: number | string | null | undefined): Coordinates | null {
  const latitude = toNumber(lat);
  const longitude = toNumber(lng);
  if (latitude === null || longitude === null) return null;
  return { latitude, longitude };
}

function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function toInteger(value: number | string | null | undefined): number | null {
  const n = toNumber(value);
  return n !== null && Number.isInteger(n) ? n : null;
}

/**
 * Everything a dmData entry may name by id (ids are unique across a product's features, reference §8): properties
 * as themselves; services and events as a STRUCT of their parameters (inputs of a downlink call, outputs of an
 * uplink answer or event), mirroring how their values are framed (`[{"id":<param>,"value":..}]`).
 */
function featureParameters(model: ThingModel, uplink: boolean): ThingModelParameter[] {
  const asStruct = (
    f: { id: number; code: string; name: string; description: string | null },
    fields: ThingModelParameter[],
  ): ThingModelParameter => ({
    id: f.id,
    code: f.code,
    name: f.name,
    dataType: TslDataType.STRUCT,
    specs: { kind: 'struct', fields },
    description: f.description,
  });
  return [
    ...model.properties,
    ...model.services.map((s) => asStruct(s, uplink ? s.outputs : s.inputs)),
    ...model.events.map((e) => asStruct(e, e.outputs)),
  ];
}
