import { registerEnumType } from 'type-graphql';

export enum NetworkType {
  WIFI = 'WIFI',
  CELLULAR = 'CELLULAR',
  NB_IOT = 'NB_IOT',
  BLUETOOTH_LE = 'BLUETOOTH_LE',
  BLUETOOTH = 'BLUETOOTH',
  OTHER = 'OTHER',
}
registerEnumType(NetworkType, {
  name: 'NetworkType',
  description: 'The network a product uses to reach the platform.',
  valuesConfig: {
    WIFI: { description: 'Wi-Fi (MQTT).' },
    CELLULAR: { description: '2G/3G/4G/5G (MQTT).' },
    NB_IOT: { description: 'NB-IoT (LwM2M).' },
    BLUETOOTH_LE: { description: 'Bluetooth Low Energy.' },
    BLUETOOTH: { description: 'Bluetooth (HTTP).' },
    OTHER: { description: 'A value this service does not know yet.' },
  },
});
