import { registerEnumType } from 'type-graphql';

export enum SendStatus {
  NOT_SENT = 'NOT_SENT',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(SendStatus, {
  name: 'SendStatus',
  description: 'Delivery state of a message.',
  valuesConfig: {
    NOT_SENT: { description: 'Not sent yet, e.g. cached for an offline device.' },
    SENT: { description: 'Sent (uplinks are always SENT).' },
    FAILED: { description: 'Sending failed.' },
  },
});
