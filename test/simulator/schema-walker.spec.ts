import { walkSchema, type SchemaNode } from './support/schema-walker';

const document = {
  components: {
    schemas: {
      Device: { type: 'object', properties: { deviceKey: { type: 'string' }, createTime: { type: 'integer', format: 'int64' } } },
      List: {
        type: 'object',
        properties: { code: { type: 'integer' }, data: { type: 'array', items: { $ref: '#/components/schemas/Device' } }, extra: { type: 'object' } },
      },
      Ratio: { type: 'object', properties: { value: { type: 'number' } } },
    },
  },
};
const list: SchemaNode = { $ref: '#/components/schemas/List' };

describe('schema walker', () => {
  it('should accept a conforming value, skipping nulls and free-form objects', () => {
    const value = {
      code: 200,
      data: [
        { deviceKey: 'DK1', createTime: 1 },
        { deviceKey: null, createTime: null },
      ],
      extra: { anything: [1, 'x'] },
    };
    expect(walkSchema(document, list, value)).toEqual([]);
  });

  it('should report a wrong JSON type through $ref and array items', () => {
    const value = { code: 200, data: [{ deviceKey: 'DK1', createTime: '1730871606221' }] };
    expect(walkSchema(document, list, value)).toEqual([{ kind: 'type', path: 'data[].createTime', expected: 'integer', actual: 'string' }]);
  });

  it('should report a fraction where an integer is required but accept integers as numbers', () => {
    expect(walkSchema(document, list, { code: 200.5 })).toEqual([{ kind: 'type', path: 'code', expected: 'integer', actual: 'number' }]);
    expect(walkSchema(document, { $ref: '#/components/schemas/Ratio' }, { value: 3 })).toEqual([]);
  });

  it('should report fields the schema does not list', () => {
    const value = { code: 200, msg: '', data: [{ deviceKey: 'DK1', sn: 'SN1' }] };
    expect(walkSchema(document, list, value)).toEqual([
      { kind: 'extra', path: 'msg' },
      { kind: 'extra', path: 'data[].sn' },
    ]);
  });

  it('should report an array where an object is declared', () => {
    expect(walkSchema(document, list, { code: 200, extra: [] })).toEqual([{ kind: 'type', path: 'extra', expected: 'object', actual: 'array' }]);
  });

  it('should refuse schema keywords it cannot check', () => {
    expect(() => walkSchema(document, { oneOf: [{ type: 'string' }] }, 'x')).toThrow(/not supported/);
    expect(() => walkSchema(document, { $ref: '#/components/schemas/Missing' }, 'x')).toThrow(/unresolvable/);
  });
});
