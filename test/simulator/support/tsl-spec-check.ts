import type { TslDataType } from '../../../simulator/store/tsl.types';

// An independent reading of §8's constraints for values as they appear in history dmData (§6.5: id-keyed,
// structs `[{"id":..,"value":..}]`, arrays `[{"id":0,"value":[...]}]`). Returns human-readable violations.

type Specs = any;

export function specViolations(dataType: TslDataType, specs: Specs, value: unknown, path: string): string[] {
  const bad = (why: string) => [`${path}: ${why} (${JSON.stringify(value)})`];
  switch (dataType) {
    case 'BOOL':
      return typeof value === 'boolean' ? [] : bad('not a boolean');
    case 'INT':
    case 'FLOAT':
    case 'DOUBLE': {
      if (typeof value !== 'number') return bad('not a number');
      if (dataType === 'INT' && !Number.isInteger(value)) return bad('not an integer');
      const { min, max, step } = specs as { min: string; max: string; step: string };
      if (value < Number(min) || value > Number(max)) return bad(`outside ${min}..${max}`);
      const steps = (value - Number(min)) / Number(step);
      return Math.abs(steps - Math.round(steps)) < 1e-6 ? [] : bad(`off step ${step}`);
    }
    case 'ENUM':
      return (specs as Array<{ value: string }>).some((o) => o.value === String(value)) ? [] : bad('not an enum member');
    case 'TEXT':
      return typeof value === 'string' && Buffer.byteLength(value) <= Number(specs.length) ? [] : bad(`not text within ${specs.length} bytes`);
    case 'DATE':
      return typeof value === 'number' && /^\d{13}$/.test(String(value)) ? [] : bad('not a 13-digit ms time');
    case 'RAW':
      return typeof value === 'string' && /^(?:[0-9A-Fa-f]{2})*$/.test(value) && value.length / 2 <= Number(specs.length)
        ? []
        : bad('not hex within length');
    case 'STRUCT':
      return structViolations(specs, value, path);
    case 'ARRAY': {
      if (!Array.isArray(value) || value.length !== 1 || value[0]?.id !== 0 || !Array.isArray(value[0].value))
        return bad('not [{"id":0,"value":[...]}]');
      const elements = value[0].value as unknown[];
      if (elements.length > Number(specs.size)) return bad(`more than ${specs.size} elements`);
      return elements.flatMap((element, i) =>
        specs.dataType === 'STRUCT'
          ? structViolations(specs.specs, element, `${path}[${i}]`)
          : specViolations(specs.dataType, specs.numberSpecs ?? { length: specs.dataType === 'RAW' ? '4096' : '10240' }, element, `${path}[${i}]`),
      );
    }
  }
}

function structViolations(fields: Array<{ id: number; dataType: TslDataType; specs: Specs }>, value: unknown, path: string): string[] {
  if (!Array.isArray(value)) return [`${path}: struct is not a list`];
  return value.flatMap((entry: { id: number; value: unknown }) => {
    const field = fields.find((f) => f.id === entry.id);
    return field ? specViolations(field.dataType, field.specs, entry.value, `${path}.${entry.id}`) : [`${path}: unknown field id ${entry.id}`];
  });
}
