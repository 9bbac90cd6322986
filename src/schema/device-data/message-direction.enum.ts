import { registerEnumType } from 'type-graphql';

export enum MessageDirection {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(MessageDirection, {
  name: 'MessageDirection',
  description: 'Which way a message travelled.',
  valuesConfig: { UP: { description: 'Uplink: device to platform.' }, DOWN: { description: 'Downlink: platform to device.' } },
});
