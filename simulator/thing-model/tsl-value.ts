import { BusinessError } from '../http/business-error';
import type { TslArraySpecs, TslDataType, TslLengthSpecs, TslNumberSpecs, TslOption, TslParam, TslSpecs } from '../store/tsl.types';

/**
 * The simulator's normalised TSL value: BOOL boolean; INT/FLOAT/DOUBLE/ENUM number; DATE epoch-ms number;
 * TEXT string; RAW hex string; STRUCT object keyed by field code; ARRAY list of element values.
 */
export type TslValue = boolean | number | string | TslValue[] | { [code: string]: TslValue };

/** Documented ceilings used where an ARRAY element carries no length of its own (§8: TEXT ≤10240, RAW ≤4096). */
const TEXT_ELEMENT_LENGTH = 10240;
const RAW_ELEMENT_LENGTH = 4096;

const NUMBER = /^-?\d+(\.\d+)?$/;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;

// Codes chosen where §8 lists several for one family [INFERRED]: a container (STRUCT/ARRAY) given a scalar, a
// scalar given a container, or a list entry that is not a one-key object -> 71029; an unknown STRUCT field or an
// ARRAY element key other than "0" -> 71047; a scalar that cannot be read as its type -> 70094.

/** Validates one downlink value against its dataType/specs (§6.5 formats, §8 value validation). Values may be strings. */
export function parseValue(dataType: TslDataType, specs: TslSpecs, raw: unknown): TslValue {
  if (dataType === 'STRUCT') return parseStruct(specs as TslParam[], raw);
  if (dataType === 'ARRAY') return parseArray(specs as TslArraySpecs, raw);
  if (raw === null || typeof raw === 'object') throw new BusinessError(71029);
  switch (dataType) {
    case 'BOOL':
      if (raw === true || raw === 'true') return true;
      if (raw === false || raw === 'false') return false;
      throw new BusinessError(70094);
    case 'INT':
    case 'FLOAT':
    case 'DOUBLE':
      return parseNumber(specs as TslNumberSpecs, raw);
    case 'ENUM': {
      const text = String(raw).trim();
      if (!(specs as TslOption[]).some((o) => o.value === text) || !/^-?\d+$/.test(text)) throw new BusinessError(70091);
      return Number(text);
    }
    case 'TEXT':
      return parseText(raw, Number((specs as TslLengthSpecs).length));
    case 'DATE': {
      // DATE values are 13-digit epoch-ms strings (§8).
      const text = String(raw).trim();
      if (!/^\d{13}$/.test(text)) throw new BusinessError(70093);
      return Number(text);
    }
    case 'RAW':
      return parseRaw(raw, Number((specs as TslLengthSpecs).length));
  }
}

function parseNumber(specs: Pick<TslNumberSpecs, 'min' | 'max' | 'step'>, raw: unknown): number {
  if (typeof raw === 'boolean') throw new BusinessError(70094);
  const text = typeof raw === 'number' ? String(raw) : String(raw).trim();
  if (!NUMBER.test(text)) throw new BusinessError(70094);
  const value = Number(text);
  if (value < Number(specs.min) || value > Number(specs.max) || !onStep(text, specs.min, specs.step)) {
    throw new BusinessError(70090);
  }
  return value;
}

/** Exact decimal arithmetic: a value with more decimals than min and step can never sit on a step. */
export function onStep(value: string, min: string, step: string): boolean {
  const places = Math.max(decimals(min), decimals(step));
  if (decimals(value) > places) return false;
  const scale = (text: string) => Math.round(Number(text) * 10 ** places);
  const size = scale(step);
  return size <= 0 || (scale(value) - scale(min)) % size === 0;
}

function decimals(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function parseText(raw: unknown, length: number): string {
  const text = String(raw);
  // TEXT length is a byte budget (§8 "≤10240 bytes"); counted as UTF-8 [INFERRED].
  if (Buffer.byteLength(text, 'utf8') > length) throw new BusinessError(70092);
  return text;
}

function parseRaw(raw: unknown, length: number): string {
  const text = String(raw);
  if (!HEX.test(text)) throw new BusinessError(70094);
  if (text.length / 2 > length) throw new BusinessError(70092);
  return text.toUpperCase();
}

/** `[{"field1":"v1"},{"field2":"v2"}]` (§6.5); a partial struct is allowed. */
function parseStruct(fields: TslParam[], raw: unknown): { [code: string]: TslValue } {
  const out: { [code: string]: TslValue } = {};
  for (const [code, value] of oneKeyEntries(raw)) {
    const field = fields.find((f) => f.code === code);
    if (!field) throw new BusinessError(71047);
    out[code] = parseValue(field.dataType, field.specs, value);
  }
  return out;
}

/** `[{"0":"v1"},{"0":"v2"}]`, struct elements `[{"0":[{"f":"v"}]}]` (§6.5). */
function parseArray(specs: TslArraySpecs, raw: unknown): TslValue[] {
  const entries = oneKeyEntries(raw, true);
  if (entries.length > Number(specs.size)) throw new BusinessError(71039);
  return entries.map(([key, value]) => {
    if (key !== '0') throw new BusinessError(71047);
    return parseElement(specs, value);
  });
}

function parseElement(specs: TslArraySpecs, raw: unknown): TslValue {
  switch (specs.dataType) {
    case 'STRUCT':
      return parseStruct(specs.specs ?? [], raw);
    case 'TEXT':
      if (raw === null || typeof raw === 'object') throw new BusinessError(71029);
      return parseText(raw, TEXT_ELEMENT_LENGTH);
    case 'RAW':
      if (raw === null || typeof raw === 'object') throw new BusinessError(71029);
      return parseRaw(raw, RAW_ELEMENT_LENGTH);
    default:
      if (raw === null || typeof raw === 'object') throw new BusinessError(71029);
      return parseNumber(specs.numberSpecs as TslNumberSpecs, raw);
  }
}

/** A list of one-key objects; an empty list is accepted only where it means "no elements". */
export function oneKeyEntries(raw: unknown, allowEmpty = false): Array<[string, unknown]> {
  if (!Array.isArray(raw) || (!allowEmpty && raw.length === 0)) throw new BusinessError(71029);
  return raw.map((entry) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new BusinessError(71029);
    const keys = Object.keys(entry);
    if (keys.length !== 1) throw new BusinessError(71029);
    return [keys[0], (entry as Record<string, unknown>)[keys[0]]];
  });
}
