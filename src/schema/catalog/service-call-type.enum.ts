import { registerEnumType } from 'type-graphql';

export enum ServiceCallType {
  ASYNC = 'ASYNC',
  SYNC = 'SYNC',
}
registerEnumType(ServiceCallType, {
  name: 'ServiceCallType',
  description: 'How a thing-model service answers.',
  valuesConfig: {
    ASYNC: { description: 'The call is acknowledged now; the device reports its output later.' },
    SYNC: { description: 'The device answers within the call.' },
  },
});
