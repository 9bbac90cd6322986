import { registerEnumType } from 'type-graphql';

/** Where a latest value was read from. */
export enum ValueSource {
  LIVE = 'LIVE',
  HISTORY = 'HISTORY',
}

registerEnumType(ValueSource, {
  name: 'ValueSource',
  description: 'Where a latest value was read from: the live state the push channel keeps, or the platform’s message history.',
  valuesConfig: {
    LIVE: { description: 'The live state store, filled by pushed reports (no platform call).' },
    HISTORY: { description: 'The newest page of the platform’s message log (one platform call per device).' },
  },
});
