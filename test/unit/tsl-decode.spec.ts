import { toThingModel } from '../../src/resolvers/catalog/thing-model.mapper';
import type { TslDocumentDto } from '../../src/datasources/catalog/thing-model.dto';
import { decodeByCode, decodeById, decodeValue, parseDmData, thingModelOf } from '../../src/resolvers/device-data/tsl-decode';
import reference from '../fixtures/tsl-reference.json';

const model = toThingModel(reference as TslDocumentDto);
const property = (code: string) => model.properties.find((p) => p.code === code)!;

describe('parseDmData', () => {
  it('should read uplink {id,value} entries and downlink read ids (reference §6.5)', () => {
    expect(parseDmData('[{"id":10,"value":true},{"id":1,"value":"7"}]')).toEqual({
      values: [
        { id: 10, value: true },
        { id: 1, value: '7' },
      ],
      ids: [],
    });
    expect(parseDmData('["10","12","1"]')).toEqual({ values: [], ids: [10, 12, 1] });
  });

  it('should yield nothing for text that is not a dmData list', () => {
    expect(parseDmData(null)).toEqual({ values: [], ids: [] });
    expect(parseDmData('not json')).toEqual({ values: [], ids: [] });
    expect(parseDmData('{"id":1}')).toEqual({ values: [], ids: [] });
  });
});

describe('decodeValue', () => {
  it('should decode BOOL with its label, from a boolean or a string', () => {
    expect(decodeValue(property('bool'), true)).toEqual({ kind: 'bool', dataType: 'BOOL', json: true, bool: true, label: '1' });
    expect(decodeValue(property('bool'), 'false')).toMatchObject({ bool: false, label: '2' });
  });

  it('should decode numbers given as strings', () => {
    expect(decodeValue(property('int01'), '42')).toEqual({ kind: 'number', dataType: 'INT', json: 42, number: 42, unit: null });
  });

  it('should decode ENUM with its label, and a null label for a value the model does not list', () => {
    expect(decodeValue(property('enum'), 2)).toEqual({ kind: 'enum', dataType: 'ENUM', json: 2, value: 2, label: 'd2' });
    expect(decodeValue(property('enum'), '9')).toMatchObject({ value: 9, label: null });
  });

  it('should decode DATE from epoch milliseconds, number or string', () => {
    expect(decodeValue(property('date'), '1748736000000')).toEqual({
      kind: 'date',
      dataType: 'DATE',
      json: 1748736000000,
      date: new Date('2025-06-01T00:00:00Z'),
    });
  });

  it('should decode a STRUCT keyed by field id, in thing-model order', () => {
    const value = decodeValue(property('struct'), [
      { id: 3, value: 'hi' },
      { id: 1, value: 4 },
    ]);
    expect(value).toMatchObject({ kind: 'struct', json: { struct_int: 4, struct_text: 'hi' } });
    expect(value).toMatchObject({
      fields: [
        { id: 1, code: 'struct_int', value: { number: 4 } },
        { id: 3, code: 'struct_text', value: { text: 'hi' } },
      ],
    });
  });

  it('should decode an ARRAY wrapped as [{"id":0,"value":[...]}]', () => {
    expect(decodeValue(property('array_int'), [{ id: 0, value: [1, 2, 3] }])).toMatchObject({
      kind: 'array',
      json: [1, 2, 3],
      items: [{ number: 1 }, { number: 2 }, { number: 3 }],
    });
  });

  it('should decode an ARRAY of STRUCT, whole-list wrapped or one wrapper per element', () => {
    const whole = decodeValue(property('arr'), [{ id: 0, value: [[{ id: 1, value: true }], [{ id: 1, value: false }]] }]);
    const each = decodeValue(property('arr'), [
      { id: 0, value: [{ id: 1, value: true }] },
      { id: 0, value: [{ id: 1, value: false }] },
    ]);
    const single = decodeValue(property('arr'), [{ id: 0, value: [{ id: 1, value: true }] }]);
    expect(whole).toMatchObject({ json: [{ buer: true }, { buer: false }] });
    expect(each).toEqual(whole);
    expect(single).toMatchObject({
      json: [{ buer: true }],
      items: [{ kind: 'struct', fields: [{ code: 'buer', value: { bool: true, label: 'true' } }] }],
    });
  });

  it('should decode plain arrays and code-keyed structs (event outputData, AMQP kv)', () => {
    expect(decodeValue(property('array_int'), ['1', 2])).toMatchObject({ json: [1, 2] });
    expect(decodeValue(property('struct'), { struct_int: '2' })).toMatchObject({ json: { struct_int: 2 } });
  });

  it('should answer null for a value that does not fit its type', () => {
    expect(decodeValue(property('bool'), 'maybe')).toBeNull();
    expect(decodeValue(property('int01'), 'ten')).toBeNull();
    expect(decodeValue(property('array_int'), 5)).toBeNull();
    expect(decodeValue(property('struct'), 5)).toBeNull();
  });
});

describe('decodeById and decodeByCode', () => {
  it('should skip ids the model does not define', () => {
    expect(
      decodeById(model.properties, [
        { id: 10, value: true },
        { id: 999, value: 1 },
      ]).map((f) => f.code),
    ).toEqual(['bool']);
  });

  it('should keep codes the model does not define, undecoded', () => {
    const outputs = model.events.find((e) => e.code === 'gaojin')!.outputs;
    expect(decodeByCode(outputs, { canshu_array_int: [5, '6'], extra: 1 })).toEqual([
      { id: 27, code: 'canshu_array_int', name: 'parameter_array_int', value: expect.objectContaining({ json: [5, 6] }) },
      { id: null, code: 'extra', name: null, value: null },
    ]);
  });
});

describe('thingModelOf', () => {
  it('should map a document once and hand back the same model', () => {
    const doc = structuredClone(reference) as TslDocumentDto;
    expect(thingModelOf(doc)).toBe(thingModelOf(doc));
  });
});
