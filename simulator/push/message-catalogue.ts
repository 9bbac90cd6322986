import type { SimulatorStore } from '../store/simulator.store';
import type { Device } from '../store/store.types';
import { originOf } from './device-origin';
import type { PushIds, PushMessage } from './push-message';

// One message of every kind in the vendor's message catalogue (§9.3), in the shape the catalogue's field tables and
// examples give it, with values taken from the simulator's state. The catalogue shows no `ticket` on the product,
// thing-model and authorization families and only a top-level `traceId` on rule-engine notices (§9.2); those come
// without one here, and `withTicketlessFallback` adds one back for hosts that do not want the strict shape.

/** `TYPE` or `TYPE/SUBTYPE`, as the catalogue names its rows. */
export const CATALOGUE_KINDS = [
  'ONLINE',
  'STATUS',
  'RAW/UPLINK',
  'RAW/DOWNLINK',
  'REQACK',
  'MATTR/READ',
  'MATTR/READRESP',
  'MATTR/WRITE',
  'MATTR/REPORT',
  'MEVENT/INFO',
  'MEVENT/WARN',
  'MEVENT/ERROR',
  'MSERV/INPUT',
  'MSERV/OUTPUT',
  'LOCATION/QUERY',
  'LOCATION/INFO-RAW',
  'LOCATION/INFO-KV',
  'ENDUSER/USER-BIND',
  'META_EVENT/DEVICE',
  'META_EVENT/PRODUCT',
  'META_EVENT/THING_MODEL',
  'META_EVENT/GRANT_AUTHORIZED',
  'META_EVENT/GRANT_USER_DOMAIN',
  'ENDUSER/USER-ADD',
  'ENDUSER/USER-UPDATE',
  'ENDUSER/USER-DELETE',
  'CEP_RULE/NOTICE',
] as const;

export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];

/** The families the catalogue shows without a top-level `ticket` (§9.2, §12.14). */
export const TICKETLESS_KINDS: ReadonlySet<string> = new Set([
  'META_EVENT/PRODUCT',
  'META_EVENT/THING_MODEL',
  'META_EVENT/GRANT_AUTHORIZED',
  'META_EVENT/GRANT_USER_DOMAIN',
  'CEP_RULE/NOTICE',
]);

export function kindOf(message: { type?: unknown; subtype?: unknown }): string {
  return typeof message.subtype === 'string' && message.subtype !== '' ? `${String(message.type)}/${message.subtype}` : String(message.type);
}

export function isTicketless(message: { type?: unknown; subtype?: unknown }): boolean {
  return TICKETLESS_KINDS.has(kindOf(message));
}

export interface CatalogueSource {
  store: SimulatorStore;
  ids: PushIds;
  now: number;
}

/**
 * The `kind` message about `device` (its product for product-level kinds); end-user kinds use the first user of
 * the first user domain. Throws RangeError for an unknown kind.
 */
export function catalogueMessage(kind: string, device: Device, { store, ids, now }: CatalogueSource): PushMessage {
  const product = store.product(device.productKey);
  const origin = originOf(store, device);
  const onDevice = { ...origin, createdAt: now, ticket: ids.ticket() };
  const [type, subtype] = kind.split('/') as [string, string | undefined];
  const device_ = (data: unknown): PushMessage => ({ type, ...(subtype ? { subtype } : {}), ...onDevice, data });
  const kv = Object.fromEntries([...device.latestProperties].slice(0, 2).map(([code, sample]) => [code, sample.value]));
  const domain = store.admin.userDomains()[0];
  const user = domain ? store.admin.users(domain.userDomain)[0] : undefined;
  const productFields = {
    productName: product?.productName ?? null,
    productType: 0,
    accessType: product?.accessType ?? 0,
    netWay: product?.netWay ?? null,
    dataFmt: product?.dataFmt ?? 3,
    protocol: null,
    logoPath: product?.logoPath ?? null,
    moduleType: null,
    moduleName: null,
    moduleId: null,
    allowedLimit: 100,
    productStatus: 3,
    projectId: product?.projectId ?? null,
    createTime: product?.createTime ?? now,
    updateTime: product?.updateTime ?? product?.createTime ?? now,
    itemCode: null,
  };
  const operatorFields = { operator: 1, operatorType: 1 };
  switch (kind) {
    case 'ONLINE':
      return device_({ value: 1 });
    case 'STATUS':
      return device_({ packetId: ids.packetId(), kv: { battery: '80', voltage: '3.7', signal_strength: '-71' } });
    case 'RAW/UPLINK':
      return device_({ packetId: ids.packetId(), raw: Buffer.from('hello').toString('base64') });
    case 'RAW/DOWNLINK':
      return device_({ raw: Buffer.from('hello').toString('base64') });
    case 'REQACK':
      return device_({ sentAt: now, status: 'succ' });
    case 'MATTR/READ':
      return device_({ keys: Object.keys(kv) });
    case 'MATTR/READRESP':
    case 'MATTR/REPORT':
      return device_({ packetId: ids.packetId(), kv });
    case 'MATTR/WRITE':
      return device_({ kv });
    case 'MEVENT/INFO':
    case 'MEVENT/WARN':
    case 'MEVENT/ERROR':
      return device_({ packetId: ids.packetId(), code: product?.tsl?.events?.[0]?.code ?? 'event', kv: {} });
    case 'MSERV/INPUT':
    case 'MSERV/OUTPUT':
      return device_({ packetId: ids.packetId(), code: product?.tsl?.services?.[0]?.code ?? 'service', kv: {} });
    case 'LOCATION/QUERY':
      return device_({ packetId: ids.packetId(), keys: [] });
    case 'LOCATION/INFO-RAW':
      return device_({ packetId: ids.packetId(), raw: '$LBS,460,00,6238,10682521,-71,0*7A' });
    case 'LOCATION/INFO-KV':
      return device_({
        packetId: ids.packetId(),
        type: 'LBS',
        subType: 'LBS',
        kv: {
          wgs_84: { lat: 31.82, lng: 117.11 },
          gcj_02: { lat: 31.82, lng: 117.12 },
          bd_09: { lat: 31.83, lng: 117.12 },
          accuracy: 550,
          locateTime: now,
        },
      });
    case 'ENDUSER/USER-BIND':
      return {
        ...device_({
          endUserId: user?.uid ?? '',
          endUserDomain: domain?.userDomain ?? '',
          value: 1,
          authStatus: 1,
          authLevel: 1,
          invalidCause: null,
          openId: null,
        }),
        deviceName: device.deviceName,
      };
    case 'META_EVENT/DEVICE':
      return { ...device_({ deviceName: device.deviceName, sn: device.sn }), operation: 'ADD' };
    case 'ENDUSER/USER-ADD':
    case 'ENDUSER/USER-UPDATE':
    case 'ENDUSER/USER-DELETE':
      return {
        type,
        subtype,
        createdAt: now,
        ticket: ids.ticket(),
        data: {
          endUserId: user?.uid ?? '',
          endUserDomain: domain?.userDomain ?? '',
          internationalCode: '86',
          phone: user?.phone ?? null,
          email: user?.email ?? null,
          wechatId: null,
          openId: null,
        },
      };
    case 'META_EVENT/PRODUCT':
      return { type, subtype, operation: 'ADD', createdAt: now, ...operatorFields, productKey: device.productKey, data: productFields };
    case 'META_EVENT/THING_MODEL':
      return {
        type,
        subtype,
        operation: 'RELEASE',
        productKey: device.productKey,
        ...operatorFields,
        createdAt: now,
        data: { tslJson: product?.tsl ?? null },
      };
    case 'META_EVENT/GRANT_AUTHORIZED':
      return { type, subtype, operation: 'AUTH', productKey: device.productKey, createdAt: now, data: productFields };
    case 'META_EVENT/GRANT_USER_DOMAIN':
      return {
        type,
        subtype,
        operation: 'AUTH',
        userDomain: domain?.userDomain ?? '',
        userDomainId: domain?.userDomainId ?? 0,
        createdAt: now,
        data: { appName: domain?.remark ?? '' },
      };
    case 'CEP_RULE/NOTICE':
      return {
        traceId: ids.ticket(),
        type,
        subtype,
        createdAt: now,
        data: {
          extra: '{"rule":"simulator"}',
          raw: { ticket: ids.ticket(), productKey: device.productKey, deviceKey: device.deviceKey, type: 'MATTR', createdAt: now, attrs: { kv } },
        },
      };
    default:
      throw new RangeError(`no message kind "${kind}" in the catalogue (§9.3)`);
  }
}

/** `message` with a `ticket` added where it has none and the host wants one (strict rule `ticketlessPush` off). */
export function withTicketlessFallback(message: PushMessage, ids: PushIds, keepTicketless: boolean): PushMessage {
  if (message.ticket !== undefined || (keepTicketless && isTicketless(message))) return message;
  return { ...message, ticket: ids.ticket() };
}
