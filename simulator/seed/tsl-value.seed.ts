import type { TslArraySpecs, TslDataType, TslLengthSpecs, TslNumberSpecs, TslOption, TslParam, TslSpecs } from '../store/tsl.types';
import type { TslValue } from '../thing-model/tsl-value';
import type { Random } from './random';

// randomNumber runs for most seeded values. Module-level copies, because inside a vm context (jest's test
// environment) every lookup of a global such as Math goes through the context's interceptor, which more than
// doubled the seed's time there.
const { floor, max, round } = Math;
const toNumber = Number;

const WORDS = ['north', 'south', 'bay', 'rack', 'line', 'east', 'yard', 'unit', 'dock', 'hall'];

/** A value that passes the §8 checks for its specs (range, step, enum, length, size); `at` anchors DATE values. */
export function randomValue(dataType: TslDataType, specs: TslSpecs, random: Random, at: number): TslValue {
  switch (dataType) {
    case 'BOOL':
      return random.chance(0.5);
    case 'INT':
    case 'FLOAT':
    case 'DOUBLE':
      return randomNumber(specs as TslNumberSpecs, random);
    case 'ENUM':
      return Number(random.pick(specs as TslOption[]).value);
    case 'TEXT':
      return randomText(Number((specs as TslLengthSpecs).length), random);
    case 'DATE':
      return at - random.int(0, 7 * 24 * 3_600_000);
    case 'RAW':
      return random.hex(2 * Math.min(8, Number((specs as TslLengthSpecs).length)));
    case 'STRUCT':
      return randomStruct(specs as TslParam[], random, at);
    case 'ARRAY':
      return randomArray(specs as TslArraySpecs, random, at);
  }
}

/** min + k * step in exact decimals, so the value is always on a step. */
export function randomNumber(specs: Pick<TslNumberSpecs, 'min' | 'max' | 'step'>, random: Random): number {
  const places = max(fraction(specs.min), fraction(specs.step));
  const scale = 10 ** places;
  const min = round(toNumber(specs.min) * scale);
  const step = round(toNumber(specs.step) * scale);
  const steps = floor((round(toNumber(specs.max) * scale) - min) / step);
  return toNumber(((min + random.int(0, steps) * step) / scale).toFixed(places));
}

function fraction(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function randomText(length: number, random: Random): string {
  return `${random.pick(WORDS)}-${random.int(1, 99)}`.slice(0, length);
}

function randomStruct(fields: TslParam[], random: Random, at: number): { [code: string]: TslValue } {
  return Object.fromEntries(fields.map((f) => [f.code, randomValue(f.dataType, f.specs, random, at)]));
}

function randomArray(specs: TslArraySpecs, random: Random, at: number): TslValue[] {
  const count = random.int(1, Math.min(Number(specs.size), 24));
  return Array.from({ length: count }, () => {
    switch (specs.dataType) {
      case 'STRUCT':
        return randomStruct(specs.specs ?? [], random, at);
      case 'TEXT':
        return randomText(32, random);
      case 'RAW':
        return random.hex(8);
      default:
        return randomNumber(specs.numberSpecs as TslNumberSpecs, random);
    }
  });
}
