/** The TSL document of `export/tslFile` (reference §8). Every number in `specs` is a string. */
export interface TslDocumentDto {
  profile?: { tslVersion?: string; productKey?: string; version?: string };
  properties?: TslFeatureDto[];
  events?: TslFeatureDto[];
  services?: TslFeatureDto[];
}

export interface TslFeatureDto {
  id: number;
  code: string;
  name: string;
  type: 'PROPERTY' | 'EVENT' | 'SERVICE';
  /** PROPERTY: R / W / RW; EVENT: INFO / WARN / ERROR; SERVICE: ASYNC */
  subType: string;
  dataType?: string;
  specs?: TslSpecsDto;
  sort?: number;
  desc?: string;
  inputData?: TslParamDto[];
  outputData?: TslParamDto[];
}

/** An inline parameter, or a `$ref` to a property (`#/properties/id/<N>`). */
export type TslParamDto = TslInlineParamDto | { $ref: string };

export interface TslInlineParamDto {
  id: number;
  code: string;
  name: string;
  dataType: string;
  specs?: TslSpecsDto;
  desc?: string;
}

export interface TslNumberSpecsDto {
  min?: string;
  max?: string;
  step?: string;
  unit?: string;
  multiple?: string;
}

export interface TslOptionDto {
  dataType?: string;
  name: string;
  value: string;
}

export interface TslArraySpecsDto {
  size?: string;
  dataType: string;
  numberSpecs?: TslNumberSpecsDto;
  specs?: TslInlineParamDto[];
}

export type TslSpecsDto = TslOptionDto[] | TslInlineParamDto[] | TslNumberSpecsDto | { length?: string } | TslArraySpecsDto;
