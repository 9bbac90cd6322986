import { BadUserInputError } from '../../errors';
import { PropertyAccess } from '../../schema/catalog/property-access.enum';
import { TslDataType } from '../../schema/catalog/tsl-data-type.enum';
import type { ThingModel, ThingModelParameter } from '../../schema/catalog/thing-model.type';

/**
 * Validation and encoding of downlink values against the thing model, before anything is sent (reference §6.5
 * `data` formats, §8 validation rules). Every failure is a BadUserInputError whose `argumentName` is the path of the
 * offending input, e.g. `input.properties[1].value.items[2]`. Pure functions only.
 */

export interface CodeValue {
  code: string;
  value: unknown;
}

/** Upstream encodes every scalar as a string; STRUCT as `[{"f":"v"}]`, ARRAY elements as `{"0": <element>}`. */
export type EncodedValue = string | Array<Record<string, EncodedValue>>;

/** TEXT without a declared length is capped at the platform's own maximum (reference §8). */
const TEXT_MAX_BYTES = 10240;
const RAW_MAX_BYTES = 4096;

/** `[{"code1":"v1"},{"code2":"v2"}]`: the writeData document (reference §6.5). */
export function encodePropertyWrites(
  model: ThingModel,
  writes: readonly CodeValue[],
  path: string,
  owner: string,
): Array<Record<string, EncodedValue>> {
  const byCode = new Map(model.properties.map((p) => [p.code, p]));
  const seen = new Set<string>();
  if (writes.length === 0) throw new BadUserInputError(`${path} must name at least one property`, path);
  return writes.map(({ code, value }, i) => {
    const at = `${path}[${i}]`;
    const property = byCode.get(code);
    if (!property) throw new BadUserInputError(`${at}.code: ${owner} has no property "${code}"`, `${at}.code`);
    if (seen.has(code)) throw new BadUserInputError(`${at}.code: property "${code}" is written twice`, `${at}.code`);
    seen.add(code);
    if (property.access === PropertyAccess.R) {
      throw new BadUserInputError(`${at}.code: property "${code}" of ${owner} is read-only`, `${at}.code`);
    }
    return { [code]: encodeValue(property, value, `${at}.value`, code) };
  });
}

/** `[{"svc":[{"in1":"v1"}]}]`: the sendServiceData document (reference §6.5). */
export function encodeServiceCall(
  model: ThingModel,
  service: string,
  inputs: readonly CodeValue[],
  path: { service: string; inputs: string },
  owner: string,
): Array<Record<string, EncodedValue>> {
  const definition = model.services.find((s) => s.code === service);
  if (!definition) throw new BadUserInputError(`${path.service}: ${owner} has no service "${service}"`, path.service);
  const byCode = new Map(definition.inputs.map((p) => [p.code, p]));
  const seen = new Set<string>();
  const encoded = inputs.map(({ code, value }, i) => {
    const at = `${path.inputs}[${i}]`;
    const param = byCode.get(code);
    if (!param) throw new BadUserInputError(`${at}.code: service "${service}" has no input "${code}"`, `${at}.code`);
    if (seen.has(code)) throw new BadUserInputError(`${at}.code: input "${code}" is given twice`, `${at}.code`);
    seen.add(code);
    return { [code]: encodeValue(param, value, `${at}.value`, code) };
  });
  return [{ [service]: encoded }];
}

/** `["code1","code2"]`: the readData document. Write-only properties are never reported, so asking for one is refused. */
export function checkPropertyReads(model: ThingModel, codes: readonly string[], path: string, owner: string): string[] {
  if (codes.length === 0) throw new BadUserInputError(`${path} must name at least one property`, path);
  const byCode = new Map(model.properties.map((p) => [p.code, p]));
  codes.forEach((code, i) => {
    const property = byCode.get(code);
    if (!property) throw new BadUserInputError(`${path}[${i}]: ${owner} has no property "${code}"`, `${path}[${i}]`);
    if (property.access === PropertyAccess.W) {
      throw new BadUserInputError(`${path}[${i}]: property "${code}" is write-only and cannot be reported`, `${path}[${i}]`);
    }
  });
  return [...new Set(codes)];
}

/** Validates one value against its definition and returns its downlink encoding. @throws BadUserInputError */
export function encodeValue(param: Pick<ThingModelParameter, 'dataType' | 'specs'>, value: unknown, path: string, name: string): EncodedValue {
  const fail = (why: string): never => {
    throw new BadUserInputError(`${path}: ${name} ${why}`, path);
  };
  const { dataType, specs } = param;
  switch (dataType) {
    case TslDataType.BOOL:
      if (typeof value !== 'boolean') fail(`must be a boolean, got ${describe(value)}`);
      return String(value);
    case TslDataType.INT:
    case TslDataType.FLOAT:
    case TslDataType.DOUBLE: {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`must be a number, got ${describe(value)}`);
      if (dataType === TslDataType.INT && !Number.isInteger(value)) fail(`must be an integer, got ${value}`);
      if (specs?.kind === 'number') {
        if (specs.min !== null && value < specs.min) fail(`must be at least ${specs.min}, got ${value}`);
        if (specs.max !== null && value > specs.max) fail(`must be at most ${specs.max}, got ${value}`);
        if (specs.step !== null && specs.step > 0) {
          if (!onStep(value, specs.min ?? 0, specs.step)) fail(`must be ${specs.min ?? 0} plus a multiple of the step ${specs.step}, got ${value}`);
          // Upstream checks the step on the decimal text, so 0.30000000000000004 must go out as "0.3".
          return toDecimalText(value, Math.max(decimals(specs.min), decimals(specs.step)));
        }
      }
      return String(value);
    }
    case TslDataType.ENUM: {
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) return fail(`must be an integer enum value, got ${describe(value)}`);
      if (specs?.kind === 'enum' && specs.values.length > 0 && !specs.values.some((o) => Number(o.value) === n)) {
        fail(`has no enum value ${n}; allowed: ${specs.values.map((o) => `${o.value} (${o.label})`).join(', ')}`);
      }
      return String(n);
    }
    case TslDataType.TEXT: {
      if (typeof value !== 'string') return fail(`must be a string, got ${describe(value)}`);
      const limit = specs?.kind === 'length' && specs.maxLength !== null ? specs.maxLength : TEXT_MAX_BYTES;
      const bytes = Buffer.byteLength(value, 'utf8');
      if (bytes > limit) fail(`is too long: ${bytes} bytes, at most ${limit}`);
      return value;
    }
    case TslDataType.DATE: {
      const ms = typeof value === 'string' && !/^\d+$/.test(value) ? Date.parse(value) : typeof value === 'string' ? Number(value) : value;
      // Upstream takes DATE as a 13-digit epoch-ms string (reference §8), i.e. 2001-09-09 to 2286-11-20.
      if (typeof ms !== 'number' || !Number.isInteger(ms) || String(ms).length !== 13) {
        return fail(`must be 13-digit epoch milliseconds or an ISO-8601 date-time from 2001-09-09 to 2286-11-20, got ${describe(value)}`);
      }
      return String(ms);
    }
    case TslDataType.RAW: {
      if (typeof value !== 'string' || !/^(?:[0-9A-Fa-f]{2})*$/.test(value)) return fail(`must be hex text of even length, got ${describe(value)}`);
      const limit = specs?.kind === 'length' && specs.maxLength !== null ? specs.maxLength : RAW_MAX_BYTES;
      if (value.length / 2 > limit) fail(`is too long: ${value.length / 2} bytes, at most ${limit}`);
      return value.toUpperCase();
    }
    case TslDataType.STRUCT: {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return fail(`must be an object keyed by field code, got ${describe(value)}`);
      }
      const fields = specs?.kind === 'struct' ? specs.fields : [];
      const byCode = new Map(fields.map((f) => [f.code, f]));
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) fail('must set at least one field');
      return entries.map(([code, fieldValue]) => {
        const field = byCode.get(code);
        if (!field) fail(`has no field "${code}"; fields: ${fields.map((f) => f.code).join(', ')}`);
        return { [code]: encodeValue(field!, fieldValue, `${path}.${code}`, `${name}.${code}`) };
      });
    }
    case TslDataType.ARRAY: {
      if (!Array.isArray(value)) return fail(`must be an array, got ${describe(value)}`);
      if (specs?.kind !== 'array') return fail('has no element type in the thing model');
      if (specs.maxSize !== null && value.length > specs.maxSize) fail(`has ${value.length} elements, at most ${specs.maxSize}`);
      const element = { dataType: specs.elementType, specs: specs.elementSpecs };
      return value.map((item, i) => ({ '0': encodeValue(element, item, `${path}[${i}]`, `${name}[${i}]`) }));
    }
  }
}

/** Step check with a tolerance, so 0.1-steps survive binary floating point. */
function onStep(value: number, base: number, step: number): boolean {
  const k = (value - base) / step;
  return Math.abs(k - Math.round(k)) < 1e-6;
}

/** Decimal places of a spec number (0.1 -> 1); unknown or integral -> 0. */
function decimals(n: number | null): number {
  if (n === null || Number.isInteger(n)) return 0;
  const text = String(n);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]);
  return text.length - text.indexOf('.') - 1;
}

/** Fixed-point text without trailing zeros; a value off the grid by float noise lands back on it. */
function toDecimalText(value: number, places: number): string {
  return String(Number(value.toFixed(Math.min(places, 20))));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
