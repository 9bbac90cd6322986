import { registerEnumType } from 'type-graphql';

export enum CommandOutcomeStatus {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  TIMED_OUT = 'TIMED_OUT',
}

registerEnumType(CommandOutcomeStatus, {
  name: 'CommandOutcomeStatus',
  description: 'How a command sent to a device ended, from its acknowledgement (REQACK) on the push channel.',
  valuesConfig: {
    SUCCEEDED: { description: 'The platform delivered the command and the device acknowledged it ("succ").' },
    FAILED: { description: 'Delivery failed ("fail", or another status the platform sent; see `platformStatus`).' },
    TIMED_OUT: {
      description:
        'No acknowledgement within the timeout. The command may still arrive (an offline device gets it when it reconnects); ' +
        'check `Device.messages` before sending it again.',
    },
  },
});
