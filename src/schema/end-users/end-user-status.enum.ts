import { registerEnumType } from 'type-graphql';

export enum EndUserStatus {
  ENABLED = 'ENABLED',
  DISABLED = 'DISABLED',
}
registerEnumType(EndUserStatus, {
  name: 'EndUserStatus',
  description: 'Whether an end user may sign in.',
  valuesConfig: { ENABLED: { description: 'Normal (platform status 1).' }, DISABLED: { description: 'Disabled (platform status 0).' } },
});
