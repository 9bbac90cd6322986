import { registerEnumType } from 'type-graphql';

export enum DeviceAuthMode {
  DYNAMIC = 'DYNAMIC',
  STATIC = 'STATIC',
  X509 = 'X509',
}
registerEnumType(DeviceAuthMode, {
  name: 'DeviceAuthMode',
  description: 'How a device authenticates.',
  valuesConfig: {
    DYNAMIC: { description: 'Dynamic registration: the device obtains its secret on first connection.' },
    STATIC: { description: 'A secret provisioned in advance.' },
    X509: { description: 'An X.509 client certificate, identified by its fingerprint.' },
  },
});
