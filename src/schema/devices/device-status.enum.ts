import { registerEnumType } from 'type-graphql';

export enum DeviceStatus {
  ONLINE = 'ONLINE',
  OFFLINE = 'OFFLINE',
}
registerEnumType(DeviceStatus, {
  name: 'DeviceStatus',
  description: 'Whether a device is connected now.',
  valuesConfig: {
    ONLINE: { description: 'Connected to the platform.' },
    OFFLINE: { description: 'Not connected.' },
  },
});
