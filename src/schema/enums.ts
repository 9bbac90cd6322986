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

export enum DataFormat {
  THING_MODEL = 'THING_MODEL',
  TRANSPARENT = 'TRANSPARENT',
}
registerEnumType(DataFormat, {
  name: 'DataFormat',
  description: 'How device payloads are interpreted.',
  valuesConfig: {
    THING_MODEL: { description: 'Typed properties, events and services defined by the thing model (TSL).' },
    TRANSPARENT: { description: 'Opaque bytes passed through unparsed.' },
  },
});

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

export enum TslDataType {
  BOOL = 'BOOL',
  INT = 'INT',
  FLOAT = 'FLOAT',
  DOUBLE = 'DOUBLE',
  ENUM = 'ENUM',
  TEXT = 'TEXT',
  DATE = 'DATE',
  RAW = 'RAW',
  STRUCT = 'STRUCT',
  ARRAY = 'ARRAY',
}
registerEnumType(TslDataType, {
  name: 'TslDataType',
  description: 'Data type of a thing-model property or parameter.',
  valuesConfig: {
    BOOL: { description: 'true or false, each with a label.' },
    INT: { description: 'A whole number within a range and step.' },
    FLOAT: { description: 'A single-precision number within a range and step.' },
    DOUBLE: { description: 'A double-precision number within a range and step.' },
    ENUM: { description: 'One of a set of integer values, each with a label.' },
    TEXT: { description: 'UTF-8 text up to a length in bytes.' },
    DATE: { description: 'A point in time, carried upstream as epoch milliseconds.' },
    RAW: { description: 'Bytes, carried upstream as hex text.' },
    STRUCT: { description: 'A record of named fields of the simple types.' },
    ARRAY: { description: 'A list of elements of one type, up to a size.' },
  },
});

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

export enum EventLevel {
  INFO = 'INFO',
  WARN = 'WARN',
  ERROR = 'ERROR',
}
registerEnumType(EventLevel, {
  name: 'EventLevel',
  description: 'Severity of a thing-model event.',
  valuesConfig: {
    INFO: { description: 'Information.' },
    WARN: { description: 'An alert that needs attention.' },
    ERROR: { description: 'A fault.' },
  },
});

export enum ServiceCallType {
  ASYNC = 'ASYNC',
  SYNC = 'SYNC',
}
registerEnumType(ServiceCallType, {
  name: 'ServiceCallType',
  description: 'How a thing-model service answers.',
  valuesConfig: {
    ASYNC: { description: 'The call is acknowledged now; the device reports its output later.' },
    SYNC: { description: 'The device answers within the call.' },
  },
});
