import { toThingModel } from '../../src/resolvers/catalog/thing-model.mapper';
import type { TslDocumentDto } from '../../src/datasources/catalog/thing-model.dto';
import { checkPropertyReads, encodePropertyWrites, encodeServiceCall } from '../../src/resolvers/device-data/tsl-encode';
import { BadUserInputError } from '../../src/errors';
import reference from '../fixtures/tsl-reference.json';

/** The reference TSL (§8) plus a read-only FLOAT with a 0.1 step, which the reference example lacks. */
const doc = structuredClone(reference) as TslDocumentDto;
doc.properties!.push({
  id: 30,
  code: 'temp',
  name: 'Temperature',
  type: 'PROPERTY',
  subType: 'R',
  dataType: 'FLOAT',
  specs: { min: '-40', max: '85', step: '0.1', unit: '°C' },
});
doc.properties!.push({
  id: 31,
  code: 'level',
  name: 'Level',
  type: 'PROPERTY',
  subType: 'RW',
  dataType: 'FLOAT',
  specs: { min: '0', max: '1', step: '0.1', unit: '' },
});
doc.properties!.push({ id: 33, code: 'pad', name: 'Pad', type: 'PROPERTY', subType: 'RW', dataType: 'BOOL', specs: [] });
doc.properties!.push({ id: 32, code: 'blob', name: 'Blob', type: 'PROPERTY', subType: 'RW', dataType: 'RAW', specs: { length: '2' } });
const model = toThingModel(doc);

function write(code: string, value: unknown) {
  return encodePropertyWrites(
    model,
    [
      { code: 'pad', value: true },
      { code, value },
    ],
    'input.properties',
    'product PK0001',
  );
}

function failure(run: () => unknown): { argumentName: unknown; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    const e = error as BadUserInputError;
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    return { argumentName: e.extensions.argumentName, message: e.message };
  }
  throw new Error('expected a BadUserInputError');
}

describe('encodePropertyWrites: what upstream receives', () => {
  it('should encode every scalar as a string, keyed by code, in input order (reference §6.5)', () => {
    const data = encodePropertyWrites(
      model,
      [
        { code: 'bool', value: true },
        { code: 'int01', value: 42 },
        { code: 'enum', value: 2 },
        { code: 'text', value: 'héllo' },
        { code: 'date', value: '2025-06-01T00:00:00.000Z' },
        { code: 'double02', value: -12.5 },
      ],
      'input.properties',
      'p',
    );
    expect(data).toEqual([{ bool: 'true' }, { int01: '42' }, { enum: '2' }, { text: 'héllo' }, { date: '1748736000000' }, { double02: '-12.5' }]);
  });

  it('should encode a STRUCT as a list of one-field objects and an ARRAY with "0" element keys', () => {
    expect(encodePropertyWrites(model, [{ code: 'struct', value: { struct_int: 3, struct_text: 'x' } }], 'p', 'o')).toEqual([
      { struct: [{ struct_int: '3' }, { struct_text: 'x' }] },
    ]);
    expect(encodePropertyWrites(model, [{ code: 'array_int', value: [1, -2] }], 'p', 'o')).toEqual([{ array_int: [{ '0': '1' }, { '0': '-2' }] }]);
    expect(encodePropertyWrites(model, [{ code: 'arr', value: [{ buer: true }, { buer: false }] }], 'p', 'o')).toEqual([
      { arr: [{ '0': [{ buer: 'true' }] }, { '0': [{ buer: 'false' }] }] },
    ]);
  });

  it('should send a float on its step as the decimal text upstream checks, not binary noise', () => {
    expect(encodePropertyWrites(model, [{ code: 'level', value: 0.1 + 0.2 }], 'p', 'o')).toEqual([{ level: '0.3' }]);
  });

  it('should accept an enum value given as its integer string and a DATE as epoch milliseconds', () => {
    expect(
      encodePropertyWrites(
        model,
        [
          { code: 'enum', value: '1' },
          { code: 'date', value: 1748736000000 },
        ],
        'p',
        'o',
      ),
    ).toEqual([{ enum: '1' }, { date: '1748736000000' }]);
  });
});

describe('encodePropertyWrites: every rule names the field', () => {
  it.each([
    ['an unknown code', () => write('nope', 1), 'input.properties[1].code', /has no property "nope"/],
    [
      'a property written twice',
      () =>
        encodePropertyWrites(
          model,
          [
            { code: 'bool', value: true },
            { code: 'bool', value: false },
          ],
          'input.properties',
          'p',
        ),
      'input.properties[1].code',
      /twice/,
    ],
    ['a write to a read-only property', () => write('temp', 20), 'input.properties[1].code', /read-only/],
    ['a BOOL given a string', () => write('bool', 'true'), 'input.properties[1].value', /must be a boolean/],
    ['an INT given a string', () => write('int01', '5'), 'input.properties[1].value', /must be a number/],
    ['an INT given a fraction', () => write('int01', 1.5), 'input.properties[1].value', /must be an integer/],
    ['a number below min', () => write('int01', 0), 'input.properties[1].value', /at least 1/],
    ['a number above max', () => write('int01', 10001), 'input.properties[1].value', /at most 10000/],
    ['a number off the step', () => write('double02', 0.15), 'input.properties[1].value', /step 0.1/],
    ['an unknown enum value', () => write('enum', 3), 'input.properties[1].value', /no enum value 3/],
    ['an ENUM given a label', () => write('enum', 'd1'), 'input.properties[1].value', /integer enum value/],
    ['a text too long', () => write('text', 'x'.repeat(124)), 'input.properties[1].value', /too long: 124 bytes, at most 123/],
    ['a text too long in UTF-8 bytes', () => write('text', 'é'.repeat(62)), 'input.properties[1].value', /124 bytes/],
    ['a DATE that is not a date', () => write('date', 'yesterday'), 'input.properties[1].value', /epoch milliseconds/],
    ['a DATE with too few digits', () => write('date', 123), 'input.properties[1].value', /13-digit/],
    ['a RAW that is not hex', () => write('blob', 'zz'), 'input.properties[1].value', /hex/],
    ['a RAW too long', () => write('blob', 'AABBCC'), 'input.properties[1].value', /3 bytes, at most 2/],
    ['a STRUCT given a scalar', () => write('struct', 3), 'input.properties[1].value', /object keyed by field code/],
    ['a STRUCT with a wrong field', () => write('struct', { struct_int: 1, colour: 'red' }), 'input.properties[1].value', /no field "colour"/],
    ['a STRUCT field out of range', () => write('struct', { struct_int: 11 }), 'input.properties[1].value.struct_int', /at most 10/],
    ['an empty STRUCT', () => write('struct', {}), 'input.properties[1].value', /at least one field/],
    ['an ARRAY given an object', () => write('array_int', { 0: 1 }), 'input.properties[1].value', /must be an array/],
    [
      'an ARRAY too long',
      () =>
        write(
          'array_int',
          Array.from({ length: 11 }, () => 1),
        ),
      'input.properties[1].value',
      /11 elements, at most 10/,
    ],
    ['an ARRAY element of the wrong type', () => write('array_int', [1, 'two']), 'input.properties[1].value[1]', /must be a number/],
    [
      'an ARRAY of STRUCT with a wrong field',
      () => write('arr', [{ buer: true }, { bier: true }]),
      'input.properties[1].value[1]',
      /no field "bier"/,
    ],
  ])('should refuse %s', (_name, run, argumentName, message) => {
    const error = failure(run);
    expect(error.argumentName).toBe(argumentName);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(argumentName)).toBe(true);
  });

  it('should refuse an empty list of properties', () => {
    expect(failure(() => encodePropertyWrites(model, [], 'input.properties', 'p')).argumentName).toBe('input.properties');
  });
});

describe('encodeServiceCall', () => {
  const paths = { service: 'input.service', inputs: 'input.inputs' };

  it('should encode the call as [{service:[{input:value}]}] (reference §6.5)', () => {
    expect(encodeServiceCall(model, 'fuwu', [{ code: 'raw1', value: 'aa01' }], paths, 'p')).toEqual([{ fuwu: [{ raw1: 'AA01' }] }]);
    expect(encodeServiceCall(model, 'fuwu', [], paths, 'p')).toEqual([{ fuwu: [] }]);
  });

  it('should name an unknown service, an unknown input and a bad input value', () => {
    expect(failure(() => encodeServiceCall(model, 'reboot', [], paths, 'p')).argumentName).toBe('input.service');
    expect(failure(() => encodeServiceCall(model, 'fuwu', [{ code: 'raw2', value: 'AA' }], paths, 'p')).argumentName).toBe('input.inputs[0].code');
    expect(failure(() => encodeServiceCall(model, 'fuwu', [{ code: 'raw1', value: 'A' }], paths, 'p')).argumentName).toBe('input.inputs[0].value');
  });
});

describe('checkPropertyReads', () => {
  it('should pass known readable codes through, once each', () => {
    expect(checkPropertyReads(model, ['temp', 'bool', 'temp'], 'input.codes', 'p')).toEqual(['temp', 'bool']);
  });

  it('should refuse an unknown code and a write-only property, naming the entry', () => {
    expect(failure(() => checkPropertyReads(model, ['bool', 'nope'], 'input.codes', 'p')).argumentName).toBe('input.codes[1]');
    expect(failure(() => checkPropertyReads(model, ['double02'], 'input.codes', 'p'))).toMatchObject({
      argumentName: 'input.codes[0]',
      message: expect.stringMatching(/write-only/),
    });
  });
});
