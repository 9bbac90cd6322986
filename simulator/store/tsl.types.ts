// Thing-model (TSL) document exactly as exported by quectsl (reference §8). Every number inside
// `specs` is a string upstream, so the types say string too.

export type TslDataType = 'BOOL' | 'INT' | 'FLOAT' | 'DOUBLE' | 'ENUM' | 'TEXT' | 'DATE' | 'RAW' | 'STRUCT' | 'ARRAY';

export interface TslOption {
  dataType: 'BOOL' | 'ENUM';
  name: string;
  value: string;
}

export interface TslNumberSpecs {
  min: string;
  max: string;
  step: string;
  unit?: string;
  multiple?: string;
}

export interface TslLengthSpecs {
  length: string;
}

export interface TslArraySpecs {
  size: string;
  dataType: 'INT' | 'FLOAT' | 'DOUBLE' | 'TEXT' | 'RAW' | 'STRUCT';
  numberSpecs?: Omit<TslNumberSpecs, 'unit' | 'multiple'>;
  specs?: TslParam[];
}

export type TslSpecs = TslOption[] | TslNumberSpecs | TslLengthSpecs | TslArraySpecs | TslParam[];

/** Inline parameter: STRUCT members, event/service data (no type/subType/sort). */
export interface TslParam {
  id: number;
  code: string;
  name: string;
  dataType: TslDataType;
  specs: TslSpecs;
  desc?: string;
}

/** Reuse of a property as a parameter: `{"$ref":"#/properties/id/<N>"}`. */
export interface TslRef {
  $ref: string;
}

export type TslParamOrRef = TslParam | TslRef;

export interface TslProperty {
  id: number;
  code: string;
  name: string;
  type: 'PROPERTY';
  subType: 'R' | 'W' | 'RW';
  dataType: TslDataType;
  specs: TslSpecs;
  sort: number;
  desc: string;
}

export interface TslEvent {
  id: number;
  code: string;
  name: string;
  type: 'EVENT';
  subType: 'INFO' | 'WARN' | 'ERROR';
  outputData?: TslParamOrRef[];
  sort: number;
  desc: string;
}

export interface TslService {
  id: number;
  code: string;
  name: string;
  type: 'SERVICE';
  subType: 'ASYNC';
  inputData?: TslParamOrRef[];
  outputData?: TslParamOrRef[];
  sort: number;
  desc: string;
}

export interface TslDocument {
  profile: { tslVersion: string; productKey: string; version: string };
  properties?: TslProperty[];
  events?: TslEvent[];
  services?: TslService[];
}
