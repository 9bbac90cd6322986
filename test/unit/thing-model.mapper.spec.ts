import { toThingModel } from '../../src/resolvers/catalog/thing-model.mapper';
import type { TslDocumentDto } from '../../src/datasources/catalog/thing-model.dto';
import reference from '../fixtures/tsl-reference.json';

/** The reference's own example TSL (reference §8), covering every shape of specs. */
const model = toThingModel(reference as TslDocumentDto);
const property = (code: string) => model.properties.find((p) => p.code === code)!;

describe('toThingModel', () => {
  it('should keep the profile versions', () => {
    expect(model).toMatchObject({ tslVersion: '1.2.0', version: '20250531064139554' });
  });

  it('should order properties by their sort field', () => {
    expect(model.properties.map((p) => p.sortOrder)).toEqual([...model.properties.map((p) => p.sortOrder)].sort((a, b) => a! - b!));
  });

  it('should parse number specs from strings, with "" as null', () => {
    expect(property('int01')).toMatchObject({
      dataType: 'INT',
      access: 'RW',
      specs: { kind: 'number', min: 1, max: 10000, step: 1, unit: null, multiple: null },
    });
    expect(property('double02')).toMatchObject({ access: 'W', specs: { kind: 'number', step: 0.1 } });
  });

  it('should map BOOL and ENUM options', () => {
    expect(property('bool').specs).toEqual({ kind: 'bool', trueLabel: '1', falseLabel: '2' });
    expect(property('enum').specs).toEqual({
      kind: 'enum',
      values: [
        { value: '1', label: 'd1' },
        { value: '2', label: 'd2' },
      ],
    });
  });

  it('should map TEXT and DATE lengths', () => {
    expect(property('text').specs).toEqual({ kind: 'length', maxLength: 123 });
    expect(property('date').specs).toEqual({ kind: 'length', maxLength: 13 });
  });

  it('should map STRUCT fields recursively', () => {
    expect(property('struct').specs).toMatchObject({
      kind: 'struct',
      fields: [
        { code: 'struct_int', dataType: 'INT', specs: { kind: 'number', min: 1, max: 10 } },
        { code: 'struct_text', dataType: 'TEXT', specs: { kind: 'length', maxLength: 100 } },
      ],
    });
  });

  it('should map ARRAY of numbers and ARRAY of STRUCT', () => {
    expect(property('array_int').specs).toMatchObject({
      kind: 'array',
      maxSize: 10,
      elementType: 'INT',
      elementSpecs: { kind: 'number', min: -2147483648 },
    });
    expect(property('arr').specs).toMatchObject({
      kind: 'array',
      elementType: 'STRUCT',
      elementSpecs: { kind: 'struct', fields: [{ code: 'buer', dataType: 'BOOL' }] },
    });
  });

  it('should map event levels and resolve $ref outputs to the property they name', () => {
    expect(model.events.map((e) => [e.code, e.level])).toEqual([
      ['shijian', 'INFO'],
      ['gaojin', 'WARN'],
      ['error', 'ERROR'],
    ]);
    expect(model.events[2].outputs).toEqual([expect.objectContaining({ id: 10, code: 'bool', dataType: 'BOOL' })]);
  });

  it('should map service inputs and outputs', () => {
    expect(model.services).toEqual([
      expect.objectContaining({
        code: 'fuwu',
        callType: 'ASYNC',
        inputs: [expect.objectContaining({ code: 'raw1', dataType: 'RAW', specs: { kind: 'length', maxLength: 4096 } })],
        outputs: [expect.objectContaining({ code: 'bool' })],
      }),
    ]);
  });

  it('should drop a dangling $ref instead of failing the model', () => {
    const broken = toThingModel({
      events: [{ id: 1, code: 'e', name: 'E', type: 'EVENT', subType: 'INFO', outputData: [{ $ref: '#/properties/id/999' }] }],
    });
    expect(broken.events[0].outputs).toEqual([]);
  });
});
