import { registerEnumType } from 'type-graphql';

export enum PropertyAccess {
  R = 'R',
  W = 'W',
  RW = 'RW',
}
registerEnumType(PropertyAccess, {
  name: 'PropertyAccess',
  description: 'Whether a property can be read, written or both.',
  valuesConfig: {
    R: { description: 'Read-only: reported by the device, cannot be written.' },
    W: { description: 'Write-only: can be set, is never reported.' },
    RW: { description: 'Read and write.' },
  },
});
