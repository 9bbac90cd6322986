import type { Fixtures } from './simulator.process';

/** The operations the per-request and RSS benches send, with what each costs upstream at the least. */
export interface Operation {
  name: string;
  /** Upstream round trips that must follow each other; at latency L the answer cannot come before waves x L. */
  waves: number;
  query: string;
  variables: (f: Fixtures) => Record<string, unknown>;
  /** The fewest upstream calls that answer it. */
  floor: (f: Fixtures) => number;
}

export const ALL_OPERATIONS: Operation[] = [
  {
    // Product detail and its first device page (which needs only the key), then one current-gateway lookup per listed
    // sub-device (upstream has no batch call for it).
    name: 'product page: 20 sub-devices and their gateways',
    waves: 2,
    query:
      'query ProductPage($pk: String!) { product(productKey: $pk) { productKey name accessType dataFormat devices(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { deviceKey name status lastConnectedAt gateway { deviceKey name } } } } } }',
    variables: (f) => ({ pk: f.subDeviceProductKey }),
    floor: () => 1 + 1 + 20,
  },
  {
    // The device and its product (which needs only the key) together.
    name: 'one device by key, with its product',
    waves: 1,
    query:
      'query Device($pk: String!, $dk: String!) { device(productKey: $pk, deviceKey: $dk) { productKey deviceKey name sn status activated verified virtual createdAt updatedAt activatedAt firstConnectedAt lastConnectedAt lastOfflineAt product { name accessType } } }',
    variables: (f) => ({ pk: f.device.productKey, dk: f.device.deviceKey }),
    floor: () => 2,
  },
  {
    name: '_entities: 100 devices over 7 products',
    waves: 1,
    query: 'query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on Device { deviceKey name status lastConnectedAt } } }',
    variables: (f) => ({ r: f.representations }),
    floor: (f) => f.representationsFloor,
  },
  {
    name: 'one device list page of 50',
    waves: 1,
    query:
      'query DeviceList($pk: String!) { devices(productKey: $pk, first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { deviceKey name status activated createdAt lastConnectedAt } } } }',
    variables: (f) => ({ pk: f.listProductKey }),
    floor: () => 1,
  },
];
