import { Field, Float, Int, ObjectType, createUnionType } from 'type-graphql';
import { EventLevel } from './event-level.enum';
import { PropertyAccess } from './property-access.enum';
import { ServiceCallType } from './service-call-type.enum';
import { TslDataType } from './tsl-data-type.enum';

@ObjectType({ description: 'Range of a numeric value (INT, FLOAT, DOUBLE).' })
export class NumberSpecs {
  readonly kind = 'number' as const;

  @Field(() => Float, { nullable: true, description: 'Smallest allowed value.' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest allowed value.' })
  max!: number | null;

  @Field(() => Float, { nullable: true, description: 'Values must be min + k * step.' })
  step!: number | null;

  @Field(() => String, { nullable: true, description: 'Unit symbol, e.g. °C.' })
  unit!: string | null;

  @Field(() => Float, { nullable: true, description: 'Scale factor between the raw and the shown value, when set.' })
  multiple!: number | null;
}

@ObjectType({ description: 'One named value of an ENUM or BOOL.' })
export class TslOption {
  @Field({ description: 'The value as sent on the wire: an integer for ENUM, true/false for BOOL.' })
  value!: string;

  @Field({ description: 'Display label.' })
  label!: string;
}

@ObjectType({ description: 'Labels of a BOOL value.' })
export class BoolSpecs {
  readonly kind = 'bool' as const;

  @Field(() => String, { nullable: true, description: 'Label of true.' })
  trueLabel!: string | null;

  @Field(() => String, { nullable: true, description: 'Label of false.' })
  falseLabel!: string | null;
}

@ObjectType({ description: 'Members of an ENUM value.' })
export class EnumSpecs {
  readonly kind = 'enum' as const;

  @Field(() => [TslOption], { description: 'Allowed values with their labels.' })
  values!: TslOption[];
}

@ObjectType({ description: 'Length limit of a TEXT, RAW or DATE value.' })
export class LengthSpecs {
  readonly kind = 'length' as const;

  @Field(() => Int, { nullable: true, description: 'Maximum length: bytes for TEXT, hex bytes for RAW, digits for DATE.' })
  maxLength!: number | null;
}

@ObjectType({ description: 'Fields of a STRUCT value.' })
export class StructSpecs {
  readonly kind = 'struct' as const;

  @Field(() => [ThingModelParameter], { description: 'The fields, in definition order.' })
  fields!: ThingModelParameter[];
}

@ObjectType({ description: 'Element type and size of an ARRAY value.' })
export class ArraySpecs {
  readonly kind = 'array' as const;

  @Field(() => Int, { nullable: true, description: 'Maximum number of elements.' })
  maxSize!: number | null;

  @Field(() => TslDataType, { description: 'Type of every element.' })
  elementType!: TslDataType;

  @Field(() => TslSpecs, { nullable: true, description: 'Constraints of each element: range for numbers, fields for STRUCT.' })
  elementSpecs!: TslSpecsValue | null;
}

export type TslSpecsValue = NumberSpecs | BoolSpecs | EnumSpecs | LengthSpecs | StructSpecs | ArraySpecs;

const specsClassByKind = {
  number: NumberSpecs,
  bool: BoolSpecs,
  enum: EnumSpecs,
  length: LengthSpecs,
  struct: StructSpecs,
  array: ArraySpecs,
} as const;

export const TslSpecs = createUnionType({
  name: 'TslSpecs',
  description: 'Constraints of a value, by data type.',
  types: () => [NumberSpecs, BoolSpecs, EnumSpecs, LengthSpecs, StructSpecs, ArraySpecs] as const,
  resolveType: (value: TslSpecsValue) => specsClassByKind[value.kind],
});

@ObjectType({ description: 'An input or output parameter of a service or event, or a field of a STRUCT.' })
export class ThingModelParameter {
  @Field(() => Int, { description: 'Identifier, unique within its feature or struct.' })
  id!: number;

  @Field({ description: 'Code used as the key in commands and reports.' })
  code!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field(() => TslDataType, { description: 'Data type.' })
  dataType!: TslDataType;

  @Field(() => TslSpecs, { nullable: true, description: 'Constraints of the value.' })
  specs!: TslSpecsValue | null;

  @Field(() => String, { nullable: true, description: 'Free-text description.' })
  description!: string | null;
}

@ObjectType({ description: 'A property of the thing model: a typed value a device reports or accepts.' })
export class ThingModelProperty extends ThingModelParameter {
  @Field(() => PropertyAccess, { description: 'Read-only, write-only or read-write.' })
  access!: PropertyAccess;

  @Field(() => Int, { nullable: true, description: 'Display order.' })
  sortOrder!: number | null;
}

@ObjectType({ description: 'An event a device can raise.' })
export class ThingModelEvent {
  @Field(() => Int, { description: 'Identifier, unique within the product.' })
  id!: number;

  @Field({ description: 'Event code, as in event reports.' })
  code!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field(() => EventLevel, { description: 'Severity.' })
  level!: EventLevel;

  @Field(() => [ThingModelParameter], { description: 'Values the event carries.' })
  outputs!: ThingModelParameter[];

  @Field(() => Int, { nullable: true, description: 'Display order.' })
  sortOrder!: number | null;

  @Field(() => String, { nullable: true, description: 'Free-text description.' })
  description!: string | null;
}

@ObjectType({ description: 'A service a device can be asked to run.' })
export class ThingModelService {
  @Field(() => Int, { description: 'Identifier, unique within the product.' })
  id!: number;

  @Field({ description: 'Service code, as in service calls.' })
  code!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field(() => ServiceCallType, { description: 'How the device answers.' })
  callType!: ServiceCallType;

  @Field(() => [ThingModelParameter], { description: 'Parameters the call takes.' })
  inputs!: ThingModelParameter[];

  @Field(() => [ThingModelParameter], { description: 'Values the device answers with.' })
  outputs!: ThingModelParameter[];

  @Field(() => Int, { nullable: true, description: 'Display order.' })
  sortOrder!: number | null;

  @Field(() => String, { nullable: true, description: 'Free-text description.' })
  description!: string | null;
}

@ObjectType({ description: "A product's published thing model (TSL): its properties, events and services." })
export class ThingModel {
  @Field(() => String, { nullable: true, description: 'TSL format version, e.g. 1.2.0.' })
  tslVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'Publish stamp of this model (yyyyMMddHHmmssSSS).' })
  version!: string | null;

  @Field(() => [ThingModelProperty], { description: 'Properties, in display order.' })
  properties!: ThingModelProperty[];

  @Field(() => [ThingModelEvent], { description: 'Events, in display order.' })
  events!: ThingModelEvent[];

  @Field(() => [ThingModelService], { description: 'Services, in display order.' })
  services!: ThingModelService[];
}
