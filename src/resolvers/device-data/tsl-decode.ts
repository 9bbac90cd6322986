import { TslDataType } from '../../schema/catalog/tsl-data-type.enum';
import type { ThingModel, ThingModelParameter } from '../../schema/catalog/thing-model.type';
import type { TslFieldValue, TslValueModel } from '../../schema/device-data/tsl-value.type';
import type { TslDocumentDto } from '../../datasources/catalog/thing-model.dto';
import { toThingModel } from '../catalog/thing-model.mapper';

/**
 * Decoding of values the platform reports, against the thing model. Two encodings reach us (reference §6.5, §8):
 * history `dmData` is keyed by TSL **id** (`[{"id":1,"value":..}]`, struct values as `[{"id":<field>,"value":..}]`,
 * arrays as `[{"id":0,"value":..}]`), while event `outputData` and AMQP `kv` are keyed by **code** with STRUCT as an
 * object and ARRAY as a plain array. Numbers may arrive as strings in both. Pure functions only.
 */

const models = new WeakMap<TslDocumentDto, ThingModel>();

/** The mapped thing model of a document, mapped once per document object (loaders hand out the same object). */
export function thingModelOf(doc: TslDocumentDto): ThingModel {
  let model = models.get(doc);
  if (!model) {
    model = toThingModel(doc);
    models.set(doc, model);
  }
  return model;
}

export interface DecodedFeature {
  id: number;
  value: unknown;
}

/**
 * Parses a `dmData` text. Uplink reports give `{id, value}` entries; downlink reads give the requested ids as strings.
 * Anything else (not JSON, another shape) yields empty lists rather than failing the message.
 */
export function parseDmData(text: string | null | undefined): { values: DecodedFeature[]; ids: number[] } {
  const parsed = parseJson(text);
  if (!Array.isArray(parsed)) return { values: [], ids: [] };
  const values: DecodedFeature[] = [];
  const ids: number[] = [];
  for (const entry of parsed) {
    if (isRecord(entry) && 'id' in entry) {
      const id = Number(entry.id);
      if (Number.isInteger(id)) values.push({ id, value: entry.value });
    } else if (typeof entry === 'string' || typeof entry === 'number') {
      const id = Number(entry);
      if (Number.isInteger(id)) ids.push(id);
    }
  }
  return { values, ids };
}

/** Decodes one value against its parameter definition; null when it does not fit the declared type. */
export function decodeValue(param: Pick<ThingModelParameter, 'dataType' | 'specs'>, raw: unknown): TslValueModel | null {
  const { dataType, specs } = param;
  if (raw === null || raw === undefined) return null;
  switch (dataType) {
    case TslDataType.BOOL: {
      const bool = toBool(raw);
      if (bool === null) return null;
      const label = specs?.kind === 'bool' ? (bool ? specs.trueLabel : specs.falseLabel) : null;
      return { kind: 'bool', dataType, json: bool, bool, label };
    }
    case TslDataType.INT:
    case TslDataType.FLOAT:
    case TslDataType.DOUBLE: {
      const number = toFiniteNumber(raw);
      if (number === null) return null;
      return { kind: 'number', dataType, json: number, number, unit: specs?.kind === 'number' ? specs.unit : null };
    }
    case TslDataType.ENUM: {
      const value = toFiniteNumber(raw);
      if (value === null || !Number.isInteger(value)) return null;
      const label = specs?.kind === 'enum' ? (specs.values.find((o) => Number(o.value) === value)?.label ?? null) : null;
      return { kind: 'enum', dataType, json: value, value, label };
    }
    case TslDataType.TEXT: {
      if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return null;
      return { kind: 'text', dataType, json: String(raw), text: String(raw) };
    }
    case TslDataType.DATE: {
      const ms = toFiniteNumber(raw);
      if (ms === null) return null;
      return { kind: 'date', dataType, json: ms, date: new Date(ms) };
    }
    case TslDataType.RAW: {
      if (typeof raw !== 'string') return null;
      return { kind: 'raw', dataType, json: raw.toUpperCase(), hex: raw.toUpperCase() };
    }
    case TslDataType.STRUCT: {
      const fields = specs?.kind === 'struct' ? specs.fields : [];
      return decodeStruct(dataType, fields, raw);
    }
    case TslDataType.ARRAY: {
      if (specs?.kind !== 'array') return null;
      const element = { dataType: specs.elementType, specs: specs.elementSpecs };
      const rawItems = arrayItems(raw, specs.elementType);
      if (rawItems === null) return null;
      const items = rawItems.map((item) => decodeValue(element, item));
      if (items.some((item) => item === null)) return null;
      const decoded = items as TslValueModel[];
      return { kind: 'array', dataType, json: decoded.map((item) => item.json), items: decoded };
    }
  }
}

/** Decodes a list of `{id, value}` entries against parameters known by id (properties, struct fields). */
export function decodeById(params: readonly ThingModelParameter[], entries: readonly DecodedFeature[]): TslFieldValue[] {
  const byId = new Map(params.map((p) => [p.id, p]));
  return entries.flatMap((entry) => {
    const param = byId.get(entry.id);
    if (!param) return [];
    return [{ id: param.id, code: param.code, name: param.name, value: decodeValue(param, entry.value) }];
  });
}

/** Decodes an object keyed by parameter code (event `outputData`, AMQP `kv`). Codes the model lacks are kept, undecoded. */
export function decodeByCode(params: readonly ThingModelParameter[], kv: Record<string, unknown>): TslFieldValue[] {
  const byCode = new Map(params.map((p) => [p.code, p]));
  return Object.entries(kv).map(([code, raw]) => {
    const param = byCode.get(code);
    if (!param) return { id: null, code, name: null, value: null };
    return { id: param.id, code, name: param.name, value: decodeValue(param, raw) };
  });
}

function decodeStruct(dataType: TslDataType, fields: readonly ThingModelParameter[], raw: unknown): TslValueModel | null {
  let decoded: TslFieldValue[];
  if (Array.isArray(raw) && raw.every((e) => isRecord(e) && 'id' in e && 'value' in e)) {
    decoded = decodeById(
      fields,
      raw.map((e) => ({ id: Number((e as Record<string, unknown>).id), value: (e as Record<string, unknown>).value })),
    );
  } else if (Array.isArray(raw) && raw.every(isRecord)) {
    // The downlink spelling: a list of single-key objects, `[{"f1":"v1"},{"f2":"v2"}]`.
    decoded = decodeByCode(fields, Object.assign({}, ...(raw as Array<Record<string, unknown>>)));
  } else if (isRecord(raw)) {
    decoded = decodeByCode(fields, raw);
  } else {
    return null;
  }
  const order = new Map(fields.map((f, i) => [f.code, i]));
  decoded.sort((a, b) => (order.get(a.code) ?? Infinity) - (order.get(b.code) ?? Infinity));
  const json = Object.fromEntries(decoded.map((f) => [f.code, f.value?.json ?? null]));
  return { kind: 'struct', dataType, json, fields: decoded };
}

/**
 * The elements of an array value. dmData wraps elements as `{"id":0,"value":<element>}` (reference §6.5); a single
 * wrapper holding the whole list is also accepted. Plain arrays (kv, outputData) pass through.
 */
function arrayItems(raw: unknown, elementType: TslDataType): unknown[] | null {
  if (!Array.isArray(raw)) return null;
  const isWrapper = (e: unknown) => isRecord(e) && 'value' in e && Object.keys(e).every((k) => k === 'id' || k === 'value') && Number(e.id) === 0;
  if (raw.length === 0 || !raw.every(isWrapper)) return raw;
  const unwrapped = raw.map((e) => (e as { value: unknown }).value);
  if (unwrapped.length === 1 && Array.isArray(unwrapped[0])) {
    const only = unwrapped[0] as unknown[];
    // For a STRUCT element, a lone wrapper around `[{id,value},..]` is one struct, not a list of structs.
    const isOneStruct = elementType === TslDataType.STRUCT && only.every((e) => isRecord(e) && 'id' in e && Number(e.id) !== 0);
    if (!isOneStruct) return only;
  }
  return unwrapped;
}

function toBool(raw: unknown): boolean | null {
  if (typeof raw === 'boolean') return raw;
  if (raw === 'true' || raw === 1 || raw === '1') return true;
  if (raw === 'false' || raw === 0 || raw === '0') return false;
  return null;
}

function toFiniteNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function parseJson(text: string | null | undefined): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
