import type { TslArraySpecs, TslDataType, TslParam, TslSpecs } from '../store/tsl.types';
import type { TslValue } from './tsl-value';

interface Feature {
  id: number;
  dataType: TslDataType;
  specs: TslSpecs;
}

// History `dmData` (§6.5): keyed by numeric TSL id, struct values as `[{"id":<fieldId>,"value":..}]`, arrays as
// `[{"id":0,"value":[...]}]`. Scalars keep their JSON type (BOOL boolean, numbers/ENUM/DATE numbers, TEXT and
// RAW hex strings) [INFERRED: the reference shows only the id/value framing].

export function encodeValue(dataType: TslDataType, specs: TslSpecs, value: TslValue): unknown {
  if (dataType === 'STRUCT') return encodeStruct(specs as TslParam[], value as Record<string, TslValue>);
  if (dataType === 'ARRAY') {
    const array = specs as TslArraySpecs;
    const elements = (value as TslValue[]).map((element) =>
      array.dataType === 'STRUCT' ? encodeStruct(array.specs ?? [], element as Record<string, TslValue>) : element,
    );
    return [{ id: 0, value: elements }];
  }
  return value;
}

function encodeStruct(fields: TslParam[], value: Record<string, TslValue>): unknown[] {
  return fields.filter((f) => f.code in value).map((f) => ({ id: f.id, value: encodeValue(f.dataType, f.specs, value[f.code]) }));
}

/** Uplink report or write: `[{"id":<tslId>,"value":..}]`. */
export function encodeFeatureValues(entries: Array<{ feature: Feature; value: TslValue }>): string {
  return JSON.stringify(entries.map(({ feature, value }) => ({ id: feature.id, value: encodeValue(feature.dataType, feature.specs, value) })));
}

/** Read request: `["10","12","1"]`, TSL ids as strings. */
export function encodeRead(ids: number[]): string {
  return JSON.stringify(ids.map(String));
}

/** Service calls: `[{"id":<serviceId>,"value":[{"id":<paramId>,"value":..}]}]` [INFERRED, mirrors STRUCT]. */
export function encodeServiceCalls(calls: Array<{ serviceId: number; inputs: Array<{ param: Feature; value: TslValue }> }>): string {
  return JSON.stringify(
    calls.map(({ serviceId, inputs }) => ({
      id: serviceId,
      value: inputs.map(({ param, value }) => ({ id: param.id, value: encodeValue(param.dataType, param.specs, value) })),
    })),
  );
}

/**
 * The base64 `data` packet. A read request is the requested ids as big-endian uint16 (the shape of the §6.5
 * example); other packets carry the UTF-8 dmData text [INFERRED: the real TTLV framing is undocumented].
 */
export function packetOf(dmData: string, readIds?: number[]): string {
  if (readIds) {
    const buffer = Buffer.alloc(readIds.length * 2);
    readIds.forEach((id, i) => {
      buffer.writeUInt16BE(id, i * 2);
    });
    return buffer.toString('base64');
  }
  return Buffer.from(dmData, 'utf8').toString('base64');
}
