import type { TslDocument, TslEvent, TslParam, TslParamOrRef, TslProperty, TslService } from '../store/tsl.types';

const REF = /^#\/properties\/id\/(\d+)$/;

/** A `{"$ref":"#/properties/id/<N>"}` param stands for property N itself, id and code included (§8). */
export function resolveParam(doc: TslDocument, param: TslParamOrRef): TslParam {
  if (!('$ref' in param)) return param;
  const id = Number(REF.exec(param.$ref)?.[1]);
  const property = doc.properties?.find((p) => p.id === id);
  if (!property) throw new Error(`unresolvable TSL reference ${param.$ref}`);
  return { id: property.id, code: property.code, name: property.name, dataType: property.dataType, specs: property.specs };
}

export function propertyByCode(doc: TslDocument, code: string): TslProperty | undefined {
  return doc.properties?.find((p) => p.code === code);
}

export function serviceByCode(doc: TslDocument, code: string): TslService | undefined {
  return doc.services?.find((s) => s.code === code);
}

export function eventParams(doc: TslDocument, event: TslEvent): TslParam[] {
  return (event.outputData ?? []).map((p) => resolveParam(doc, p));
}

export function serviceInputs(doc: TslDocument, service: TslService): TslParam[] {
  return (service.inputData ?? []).map((p) => resolveParam(doc, p));
}

/** Properties a device reports (R and RW); W properties are never read back (§8, 71048). */
export function readableProperties(doc: TslDocument): TslProperty[] {
  return (doc.properties ?? []).filter((p) => p.subType !== 'W');
}
