import { registerEnumType } from 'type-graphql';

export enum BindingRole {
  OWNER = 'OWNER',
  SHARED = 'SHARED',
}
registerEnumType(BindingRole, {
  name: 'BindingRole',
  description: 'How an end user holds a device.',
  valuesConfig: {
    OWNER: { description: 'The user bound the device.' },
    SHARED: { description: 'Another user shared the device with this user.' },
  },
});
