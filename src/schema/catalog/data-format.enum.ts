import { registerEnumType } from 'type-graphql';

export enum DataFormat {
  THING_MODEL = 'THING_MODEL',
  TRANSPARENT = 'TRANSPARENT',
}
registerEnumType(DataFormat, {
  name: 'DataFormat',
  description: 'How device payloads are interpreted.',
  valuesConfig: {
    THING_MODEL: { description: 'Typed properties, events and services defined by the thing model (TSL).' },
    TRANSPARENT: { description: 'Opaque bytes passed through unparsed.' },
  },
});
