import { BusinessError } from '../http/business-error';
import type { TslDocument, TslParam, TslProperty, TslService } from '../store/tsl.types';
import { propertyByCode, serviceByCode, serviceInputs } from './tsl-lookup';
import { oneKeyEntries, parseValue, type TslValue } from './tsl-value';

export interface PropertyWrite {
  property: TslProperty;
  value: TslValue;
}

export interface ServiceCall {
  service: TslService;
  inputs: Array<{ param: TslParam; value: TslValue }>;
}

// The `data` string of dm/readData, writeData and sendServiceData (§6.5 format table, §8 validation). Every
// check raises a top-level business error: nothing is sent when any part is invalid. An unknown code is
// answered 71028 "downlink data format verification error" [INFERRED: no dedicated code is documented].

function parseJsonText(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    throw new BusinessError(71027);
  }
}

/** `["code1","code2"]`; only W properties -> 71048. */
export function parseRead(doc: TslDocument, data: string): TslProperty[] {
  const codes = parseJsonText(data);
  if (!Array.isArray(codes) || codes.length === 0) throw new BusinessError(71028);
  const properties = codes.map((code) => {
    const property = typeof code === 'string' ? propertyByCode(doc, code) : undefined;
    if (!property) throw new BusinessError(71028);
    return property;
  });
  if (properties.every((p) => p.subType === 'W')) throw new BusinessError(71048);
  return properties;
}

/** `[{"code1":"value"},...]`; a read-only property -> 71038. */
export function parseWrite(doc: TslDocument, data: string): PropertyWrite[] {
  return topLevelEntries(data).map(([code, raw]) => {
    const property = propertyByCode(doc, code);
    if (!property) throw new BusinessError(71028);
    if (property.subType === 'R') throw new BusinessError(71038);
    return { property, value: parseValue(property.dataType, property.specs, raw) };
  });
}

/** `[{"svc":[{"in1":"v1"},...]}]`; a service without inputs takes `[{"svc":[]}]`. */
export function parseServiceCalls(doc: TslDocument, data: string): ServiceCall[] {
  return topLevelEntries(data).map(([code, raw]) => {
    const service = serviceByCode(doc, code);
    if (!service) throw new BusinessError(71028);
    const params = serviceInputs(doc, service);
    const inputs = oneKeyEntries(raw, true).map(([paramCode, value]) => {
      const param = params.find((p) => p.code === paramCode);
      if (!param) throw new BusinessError(71047);
      return { param, value: parseValue(param.dataType, param.specs, value) };
    });
    return { service, inputs };
  });
}

function topLevelEntries(data: string): Array<[string, unknown]> {
  const parsed = parseJsonText(data);
  try {
    return oneKeyEntries(parsed);
  } catch {
    throw new BusinessError(71028);
  }
}
