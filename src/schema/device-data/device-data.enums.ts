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

export enum DeviceEventType {
  OFFLINE = 'OFFLINE',
  ONLINE = 'ONLINE',
  RECONNECT = 'RECONNECT',
  INFO = 'INFO',
  WARNING = 'WARNING',
  FAULT = 'FAULT',
  RESET = 'RESET',
}
registerEnumType(DeviceEventType, {
  name: 'DeviceEventType',
  description: 'Kind of a device event: connectivity changes, or a thing-model event of some severity.',
  valuesConfig: {
    OFFLINE: { description: 'The device went offline.' },
    ONLINE: { description: 'The device came online.' },
    RECONNECT: { description: 'The device reconnected.' },
    INFO: { description: 'A thing-model INFO event.' },
    WARNING: { description: 'A thing-model WARN (alert) event.' },
    FAULT: { description: 'A thing-model ERROR (fault) event.' },
    RESET: { description: 'The device was reset.' },
  },
});

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
