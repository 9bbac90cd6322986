import { registerEnumType } from 'type-graphql';

export enum AccessType {
  DIRECT = 'DIRECT',
  GATEWAY = 'GATEWAY',
  SUB_DEVICE = 'SUB_DEVICE',
}
registerEnumType(AccessType, {
  name: 'AccessType',
  description: 'How devices of a product reach the platform.',
  valuesConfig: {
    DIRECT: { description: 'Connects directly with its own cellular or Wi-Fi module.' },
    GATEWAY: { description: 'A gateway that attaches sub-devices and relays their traffic.' },
    SUB_DEVICE: { description: 'Reaches the platform only through a gateway.' },
  },
});
