import { EventLevel } from '../../schema/catalog/event-level.enum';
import { PropertyAccess } from '../../schema/catalog/property-access.enum';
import { ServiceCallType } from '../../schema/catalog/service-call-type.enum';
import { TslDataType } from '../../schema/catalog/tsl-data-type.enum';
import type {
  ThingModel,
  ThingModelEvent,
  ThingModelParameter,
  ThingModelProperty,
  ThingModelService,
  TslSpecsValue,
} from '../../schema/catalog/thing-model.type';
import type {
  TslArraySpecsDto,
  TslDocumentDto,
  TslFeatureDto,
  TslInlineParamDto,
  TslNumberSpecsDto,
  TslOptionDto,
  TslParamDto,
  TslSpecsDto,
} from '../../datasources/catalog/thing-model.dto';

const REF_PATTERN = /^#\/properties\/id\/(\d+)$/;

/** Maps an exported TSL document (reference §8). `$ref` parameters are replaced by the property they name. */
export function toThingModel(doc: TslDocumentDto): ThingModel {
  const properties = [...(doc.properties ?? [])].sort(bySort);
  const propertiesById = new Map(properties.map((p) => [p.id, p]));
  const param = (dto: TslParamDto): ThingModelParameter | null => toParameter(dto, propertiesById);
  const params = (list: TslParamDto[] | undefined) => (list ?? []).map(param).filter(isPresent);

  return {
    tslVersion: doc.profile?.tslVersion ?? null,
    version: doc.profile?.version ?? null,
    properties: properties.map(
      (p): ThingModelProperty => ({
        ...toInlineParameter(p),
        access: toAccess(p.subType),
        sortOrder: p.sort ?? null,
      }),
    ),
    events: [...(doc.events ?? [])].sort(bySort).map(
      (e): ThingModelEvent => ({
        id: e.id,
        code: e.code,
        name: e.name,
        level: toLevel(e.subType),
        outputs: params(e.outputData),
        sortOrder: e.sort ?? null,
        description: e.desc || null,
      }),
    ),
    services: [...(doc.services ?? [])].sort(bySort).map(
      (s): ThingModelService => ({
        id: s.id,
        code: s.code,
        name: s.name,
        callType: s.subType === 'SYNC' ? ServiceCallType.SYNC : ServiceCallType.ASYNC,
        inputs: params(s.inputData),
        outputs: params(s.outputData),
        sortOrder: s.sort ?? null,
        description: s.desc || null,
      }),
    ),
  };
}

function toParameter(dto: TslParamDto, propertiesById: Map<number, TslFeatureDto>): ThingModelParameter | null {
  if ('$ref' in dto) {
    const match = REF_PATTERN.exec(dto.$ref);
    const target = match ? propertiesById.get(Number(match[1])) : undefined;
    // A dangling reference is the platform's inconsistency; dropping it beats failing the whole model.
    return target ? toInlineParameter(target) : null;
  }
  return toInlineParameter(dto);
}

function toInlineParameter(dto: TslInlineParamDto | TslFeatureDto): ThingModelParameter {
  const dataType = toDataType(dto.dataType);
  return {
    id: dto.id,
    code: dto.code,
    name: dto.name,
    dataType,
    specs: toSpecs(dataType, dto.specs),
    description: dto.desc || null,
  };
}

export function toSpecs(dataType: TslDataType, specs: TslSpecsDto | undefined): TslSpecsValue | null {
  if (specs === undefined || specs === null) return null;
  switch (dataType) {
    case TslDataType.BOOL: {
      const options = asArray<TslOptionDto>(specs);
      return {
        kind: 'bool',
        trueLabel: options.find((o) => o.value === 'true')?.name ?? null,
        falseLabel: options.find((o) => o.value === 'false')?.name ?? null,
      };
    }
    case TslDataType.ENUM:
      return { kind: 'enum', values: asArray<TslOptionDto>(specs).map((o) => ({ value: String(o.value), label: o.name })) };
    case TslDataType.INT:
    case TslDataType.FLOAT:
    case TslDataType.DOUBLE:
      return toNumberSpecs(specs as TslNumberSpecsDto);
    case TslDataType.TEXT:
    case TslDataType.RAW:
    case TslDataType.DATE:
      return { kind: 'length', maxLength: toNumber((specs as { length?: string }).length) };
    case TslDataType.STRUCT:
      return { kind: 'struct', fields: asArray<TslInlineParamDto>(specs).map(toInlineParameter) };
    case TslDataType.ARRAY:
      return toArraySpecs(specs as TslArraySpecsDto);
  }
}

function toArraySpecs(specs: TslArraySpecsDto): TslSpecsValue {
  const elementType = toDataType(specs.dataType);
  let elementSpecs: TslSpecsValue | null = null;
  if (elementType === TslDataType.STRUCT) elementSpecs = toSpecs(elementType, specs.specs);
  else if (specs.numberSpecs) elementSpecs = toNumberSpecs(specs.numberSpecs);
  return { kind: 'array', maxSize: toNumber(specs.size), elementType, elementSpecs };
}

function toNumberSpecs(specs: TslNumberSpecsDto): TslSpecsValue {
  return {
    kind: 'number',
    min: toNumber(specs.min),
    max: toNumber(specs.max),
    step: toNumber(specs.step),
    unit: specs.unit || null,
    multiple: toNumber(specs.multiple),
  };
}

const dataTypes = new Set<string>(Object.values(TslDataType));

/** An unknown type is shown as TEXT: the value is still readable, and the model stays usable. */
function toDataType(value: string | undefined): TslDataType {
  const upper = (value ?? '').toUpperCase();
  return dataTypes.has(upper) ? (upper as TslDataType) : TslDataType.TEXT;
}

function toAccess(subType: string): PropertyAccess {
  if (subType === 'R') return PropertyAccess.R;
  if (subType === 'W') return PropertyAccess.W;
  return PropertyAccess.RW;
}

function toLevel(subType: string): EventLevel {
  if (subType === 'WARN') return EventLevel.WARN;
  if (subType === 'ERROR') return EventLevel.ERROR;
  return EventLevel.INFO;
}

/** Spec numbers are strings and may be "" (reference §8). */
function toNumber(value: string | number | undefined | null): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function asArray<T>(specs: TslSpecsDto): T[] {
  return Array.isArray(specs) ? (specs as T[]) : [];
}

function bySort(a: { sort?: number; id: number }, b: { sort?: number; id: number }): number {
  return (a.sort ?? a.id) - (b.sort ?? b.id);
}

function isPresent<T>(value: T | null): value is T {
  return value !== null;
}
