import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, Int, InterfaceType, ObjectType } from 'type-graphql';
import { TslDataType } from '../catalog/tsl-data-type.enum';

/**
 * The decoded value of a thing-model property or parameter. Every value carries its `dataType` and a plain-JSON
 * `json` form; the concrete type adds typed accessors with distinct field names, so a query may select all of them
 * in one set of fragments without field conflicts.
 */
@InterfaceType({
  description:
    'A typed thing-model value. Select the concrete type with fragments (`... on NumberValue { number }`) or read ' +
    '`json` for a plain JSON form: boolean, number, integer (ENUM), string (TEXT, RAW hex), epoch milliseconds (DATE), ' +
    'an object keyed by field code (STRUCT) or an array (ARRAY).',
  resolveType: (value: TslValueModel) => valueTypeNames[value.kind],
})
export abstract class TslValue {
  @Field(() => TslDataType, { description: 'The thing-model data type of this value.' })
  dataType!: TslDataType;

  @Field(() => GraphQLJSON, { description: 'The value as plain JSON (see the interface description for each type).' })
  json!: unknown;
}

@ObjectType({ implements: TslValue, description: 'A BOOL value with its thing-model label.' })
export class BoolValue extends TslValue {
  readonly kind = 'bool' as const;

  @Field({ description: 'The value.' })
  bool!: boolean;

  @Field(() => String, { nullable: true, description: 'Label the thing model gives this value, e.g. "On".' })
  label!: string | null;
}

@ObjectType({ implements: TslValue, description: 'An INT, FLOAT or DOUBLE value.' })
export class NumberValue extends TslValue {
  readonly kind = 'number' as const;

  @Field(() => Float, { description: 'The value.' })
  number!: number;

  @Field(() => String, { nullable: true, description: 'Unit symbol from the thing model, e.g. °C.' })
  unit!: string | null;
}

@ObjectType({ implements: TslValue, description: 'An ENUM value with its label.' })
export class EnumValue extends TslValue {
  readonly kind = 'enum' as const;

  @Field(() => Int, { description: 'The integer value as sent on the wire.' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'Label of the value; null when the thing model does not list it.' })
  label!: string | null;
}

@ObjectType({ implements: TslValue, description: 'A TEXT value.' })
export class TextValue extends TslValue {
  readonly kind = 'text' as const;

  @Field({ description: 'The text.' })
  text!: string;
}

@ObjectType({ implements: TslValue, description: 'A DATE value.' })
export class DateValue extends TslValue {
  readonly kind = 'date' as const;

  @Field(() => Date, { description: 'The point in time.' })
  date!: Date;
}

@ObjectType({ implements: TslValue, description: 'A RAW value: bytes as hex text.' })
export class RawValue extends TslValue {
  readonly kind = 'raw' as const;

  @Field({ description: 'The bytes, upper-case hex.' })
  hex!: string;
}

@ObjectType({ description: 'One field of a STRUCT value, or one parameter of an event or service.' })
export class TslFieldValue {
  @Field(() => Int, { nullable: true, description: 'Thing-model id of the field; null when only its code is known.' })
  id!: number | null;

  @Field({ description: 'Code of the field.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Display name from the thing model; null for a code it does not define.' })
  name!: string | null;

  @Field(() => TslValue, { nullable: true, description: 'The decoded value; null when it cannot be decoded with the thing model.' })
  value!: TslValueModel | null;
}

@ObjectType({ implements: TslValue, description: 'A STRUCT value: its fields, in thing-model order.' })
export class StructValue extends TslValue {
  readonly kind = 'struct' as const;

  @Field(() => [TslFieldValue], { description: 'The fields present in the value.' })
  fields!: TslFieldValue[];
}

@ObjectType({ implements: TslValue, description: 'An ARRAY value.' })
export class ArrayValue extends TslValue {
  readonly kind = 'array' as const;

  @Field(() => [TslValue], { description: 'The elements, in order.' })
  items!: TslValueModel[];
}

export type TslValueModel = BoolValue | NumberValue | EnumValue | TextValue | DateValue | RawValue | StructValue | ArrayValue;

const valueTypeNames: Record<TslValueModel['kind'], string> = {
  bool: 'BoolValue',
  number: 'NumberValue',
  enum: 'EnumValue',
  text: 'TextValue',
  date: 'DateValue',
  raw: 'RawValue',
  struct: 'StructValue',
  array: 'ArrayValue',
};

/** Every concrete value type; listed in buildSchema's orphanedTypes so the interface always has its members. */
export const TSL_VALUE_TYPES = [BoolValue, NumberValue, EnumValue, TextValue, DateValue, RawValue, StructValue, ArrayValue];
