import { registerEnumType } from 'type-graphql';

export enum EventLevel {
  INFO = 'INFO',
  WARN = 'WARN',
  ERROR = 'ERROR',
}
registerEnumType(EventLevel, {
  name: 'EventLevel',
  description: 'Severity of a thing-model event.',
  valuesConfig: {
    INFO: { description: 'Information.' },
    WARN: { description: 'An alert that needs attention.' },
    ERROR: { description: 'A fault.' },
  },
});
