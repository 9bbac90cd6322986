import { registerEnumType } from 'type-graphql';

export enum RawEncoding {
  HEX = 'HEX',
  TEXT = 'TEXT',
}
registerEnumType(RawEncoding, {
  name: 'RawEncoding',
  description: 'How a raw payload is written.',
  valuesConfig: {
    HEX: { description: 'Hex digits 0-9A-F, even length, up to 4096 characters.' },
    TEXT: { description: 'UTF-8 text, up to 4096 characters.' },
  },
});
