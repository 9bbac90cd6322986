import { registerEnumType } from 'type-graphql';

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
