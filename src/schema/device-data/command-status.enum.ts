import { registerEnumType } from 'type-graphql';

export enum CommandStatus {
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(CommandStatus, {
  name: 'CommandStatus',
  description: "The platform's answer for one device of a command.",
  valuesConfig: {
    ACCEPTED: { description: 'Accepted for delivery (or cached); `ticket` identifies it in the message log.' },
    REJECTED: { description: 'Refused for this device; `code` and `message` say why. Nothing was sent to it.' },
    UNKNOWN: {
      description:
        'The platform did not answer (timeout, network failure). The command may or may not have been sent; check ' +
        '`Device.messages` before sending it again.',
    },
  },
});
