import type {
  TslArraySpecs,
  TslDataType,
  TslDocument,
  TslEvent,
  TslLengthSpecs,
  TslNumberSpecs,
  TslOption,
  TslParam,
  TslParamOrRef,
  TslProperty,
  TslRef,
  TslService,
  TslSpecs,
} from '../../store/tsl.types';

// Builders that keep the §8 quirks in one place: numeric constraints are strings, BOOL/ENUM specs are
// option arrays, and empty feature arrays are omitted from the document.

export function numberSpecs(min: string, max: string, step: string, unit = '', multiple = ''): TslNumberSpecs {
  return { min, max, step, unit, multiple };
}

export function boolSpecs(on = 'On', off = 'Off'): TslOption[] {
  return [
    { dataType: 'BOOL', name: on, value: 'true' },
    { dataType: 'BOOL', name: off, value: 'false' },
  ];
}

export function enumSpecs(options: Array<[number, string]>): TslOption[] {
  return options.map(([value, name]) => ({ dataType: 'ENUM', name, value: String(value) }));
}

export function lengthSpecs(length: number): TslLengthSpecs {
  return { length: String(length) };
}

/** DATE values are 13-digit epoch-ms strings (§8). */
export const dateSpecs = (): TslLengthSpecs => lengthSpecs(13);

export function numberArraySpecs(size: number, dataType: 'INT' | 'FLOAT' | 'DOUBLE', min: string, max: string, step: string): TslArraySpecs {
  return { size: String(size), dataType, numberSpecs: { min, max, step } };
}

export function textArraySpecs(size: number, dataType: 'TEXT' | 'RAW' = 'TEXT'): TslArraySpecs {
  return { size: String(size), dataType };
}

export function structArraySpecs(size: number, members: TslParam[]): TslArraySpecs {
  return { size: String(size), dataType: 'STRUCT', specs: members };
}

export function param(id: number, code: string, name: string, dataType: TslDataType, specs: TslSpecs): TslParam {
  return { id, code, name, dataType, specs };
}

export function ref(propertyId: number): TslRef {
  return { $ref: `#/properties/id/${propertyId}` };
}

export function property(
  id: number,
  code: string,
  name: string,
  subType: TslProperty['subType'],
  dataType: TslDataType,
  specs: TslSpecs,
  sort: number,
  desc = '',
): TslProperty {
  return { id, code, name, type: 'PROPERTY', subType, dataType, specs, sort, desc };
}

export function event(
  id: number,
  code: string,
  name: string,
  subType: TslEvent['subType'],
  outputData: TslParamOrRef[],
  sort: number,
  desc = '',
): TslEvent {
  const feature: TslEvent = { id, code, name, type: 'EVENT', subType, sort, desc };
  if (outputData.length > 0) feature.outputData = outputData;
  return feature;
}

export function service(
  id: number,
  code: string,
  name: string,
  inputData: TslParamOrRef[],
  outputData: TslParamOrRef[],
  sort: number,
  desc = '',
): TslService {
  const feature: TslService = { id, code, name, type: 'SERVICE', subType: 'ASYNC', sort, desc };
  if (inputData.length > 0) feature.inputData = inputData;
  if (outputData.length > 0) feature.outputData = outputData;
  return feature;
}

/** A product's features without the profile, which depends on the seeded product key and publish time. */
export interface TslFeatures {
  properties: TslProperty[];
  events: TslEvent[];
  services: TslService[];
}

export function tslDocument(productKey: string, publishedAt: number, features: TslFeatures): TslDocument {
  const doc: TslDocument = {
    profile: { tslVersion: '1.2.0', productKey, version: publishVersion(publishedAt) },
  };
  if (features.properties.length > 0) doc.properties = features.properties;
  if (features.events.length > 0) doc.events = features.events;
  if (features.services.length > 0) doc.services = features.services;
  return doc;
}

/** `profile.version` is the publish time as yyyyMMddHHmmssSSS (§8); rendered in UTC. */
function publishVersion(at: number): string {
  const d = new Date(at);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${pad(d.getUTCMilliseconds(), 3)}`
  );
}
