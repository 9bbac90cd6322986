import { registerEnumType } from 'type-graphql';

export enum TslDataType {
  BOOL = 'BOOL',
  INT = 'INT',
  FLOAT = 'FLOAT',
  DOUBLE = 'DOUBLE',
  ENUM = 'ENUM',
  TEXT = 'TEXT',
  DATE = 'DATE',
  RAW = 'RAW',
  STRUCT = 'STRUCT',
  ARRAY = 'ARRAY',
}
registerEnumType(TslDataType, {
  name: 'TslDataType',
  description: 'Data type of a thing-model property or parameter.',
  valuesConfig: {
    BOOL: { description: 'true or false, each with a label.' },
    INT: { description: 'A whole number within a range and step.' },
    FLOAT: { description: 'A single-precision number within a range and step.' },
    DOUBLE: { description: 'A double-precision number within a range and step.' },
    ENUM: { description: 'One of a set of integer values, each with a label.' },
    TEXT: { description: 'UTF-8 text up to a length in bytes.' },
    DATE: { description: 'A point in time, carried upstream as epoch milliseconds.' },
    RAW: { description: 'Bytes, carried upstream as hex text.' },
    STRUCT: { description: 'A record of named fields of the simple types.' },
    ARRAY: { description: 'A list of elements of one type, up to a size.' },
  },
});
