import { BusinessError } from '../http/business-error';
import { pageB, readPageInfoPaging, singleB } from '../http/page-info';
import { optionalInteger, optionalText, requiredText } from '../http/query-params';
import { userUpdateMessage } from '../push/enduser-messages';
import type { RouteDefinition } from '../router';
import { bindingDeviceFailure } from './access';
import type { Binding, EndUser, UserDomain } from '../store/admin.types';
import type { SimulatorStore } from '../store/simulator.store';

// End users (§6.7) and bindings (§6.7, §11.5): envelope B, `page`/`pageSize` paging into a PageInfo `data`.

const ENDUSER = '/v2/enduser/enterpriseapi';
const BINDING = '/v2/binding/enterpriseapi';

const THIRD_PARTY_IDS = [
  'wechatUnionId',
  'wechatMiniprogramUserId',
  'wechatOffiaccountUserId',
  'qqUserId',
  'alipayUserId',
  'appleUserId',
  'facebookUserId',
  'twitterUserId',
];

function toDomainRow(domain: UserDomain): Record<string, unknown> {
  return {
    userDomainId: domain.userDomainId,
    userDomain: domain.userDomain,
    userDomainType: domain.userDomainType,
    userDomainSecret: domain.userDomainSecret,
    entId: domain.entId,
    remark: domain.remark,
    isEnable: domain.enable,
    enable: domain.enable,
    addTime: domain.addTime,
    addTimeTs: domain.addTime,
    updateTime: domain.updateTime,
    updateTimeTs: domain.updateTime,
  };
}

/** "User Information" (§6.7). */
export function toUserInfo(user: EndUser): Record<string, unknown> {
  return {
    uid: user.uid,
    userDomain: user.userDomain,
    nikeName: user.nikeName,
    phone: user.phone,
    email: user.email,
    sex: '',
    headimg: '',
    lang: user.lang,
    timezone: '',
    nationality: '',
    province: '',
    city: '',
    address: '',
    signature: '',
    remark: '',
    status: user.status,
    logonMode: user.logonMode,
    registerTime: user.registerTime,
    registerTimeTs: user.registerTime,
    lastLoginTime: user.lastLoginTime,
    lastLoginTimeTs: user.lastLoginTime,
    ...Object.fromEntries(THIRD_PARTY_IDS.map((id) => [id, ''])),
  };
}

/** "User with bound device" (getUserListByBind, §6.7): `lastLoginTime` is a string there. */
export function toBoundUserRow(user: EndUser): Record<string, unknown> {
  const row: Record<string, unknown> = {
    uid: user.uid,
    userDomain: user.userDomain,
    nikeName: user.nikeName,
    phone: user.phone,
    email: user.email,
    sex: '',
    headimg: '',
    address: '',
    lastLoginTime: formatTime(user.lastLoginTime),
    lastLoginTimeTs: user.lastLoginTime,
  };
  for (const id of THIRD_PARTY_IDS) if (id !== 'appleUserId') row[id] = '';
  return row;
}

/** "yyyy-MM-dd HH:mm:ss" in UTC+8, the platform's own zone [INFERRED]. */
function formatTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}

function userOr(store: SimulatorStore, query: Record<string, string>): EndUser {
  const user = store.admin.user(requiredText(query, 'uid', 5065));
  if (!user) throw new BusinessError(5033);
  return user;
}

function toUserDeviceRow(store: SimulatorStore, binding: Binding, user: EndUser): Record<string, unknown> {
  const device = store.device(binding.productKey, binding.deviceKey);
  const product = store.product(binding.productKey);
  return {
    productKey: binding.productKey,
    deviceKey: binding.deviceKey,
    deviceName: device?.deviceName ?? '',
    productName: product?.productName ?? '',
    sn: device?.sn ?? '',
    uid: user.uid,
    userName: user.nikeName,
    phone: user.phone,
    deviceType: binding.deviceType,
    ownerUid: binding.ownerUid,
    shareCode: null,
    verified: 1,
    status: 1,
    bindStatus: 1,
    bindMode: 3,
    bindingType: binding.bindingType,
    onlineStatus: device?.deviceStatus ?? 0,
    deviceStatus: device?.deviceStatus === 1 ? 'Online' : 'Offline',
    accessType: String(product?.accessType ?? 0),
    networkType: product?.netWay ?? '',
    protocol: 'MQTT',
    deviceCreateTime: device ? formatTime(device.createTime) : '',
    deviceCreateTimeTs: device?.createTime ?? 0,
    deviceBindTime: formatTime(binding.bindTime),
    deviceBindTimeTs: binding.bindTime,
    capabilitiesBitmask: 1,
    isNative: 1,
    isMatter: 0,
    lowPowerProduct: false,
    lowPowerStatus: false,
    lowPowerAlive: 0,
    groupState: 0,
    matterInfo: null,
  };
}

const domainList: RouteDefinition = {
  endpoint: 'enduser.domainList',
  methods: ['GET'],
  path: `${ENDUSER}/entUserDomainList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, { store, options }) {
    return pageB(store.admin.userDomains().map(toDomainRow), readPageInfoPaging(query, options.paging));
  },
};

const domainUsers: RouteDefinition = {
  endpoint: 'enduser.domainUserList',
  methods: ['GET'],
  path: `${ENDUSER}/userDomainUserList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, { store, options }) {
    const domain = requiredText(query, 'userDomain', 5023);
    const paging = readPageInfoPaging(query, options.paging);
    if (!store.admin.userDomain(domain)) throw new BusinessError(5015);
    return pageB(store.admin.users(domain).map(toUserInfo), paging);
  },
};

/** An unknown uid answers 5033 "user does not exist"; the page lists no not-found code [INFERRED]. */
const userInfo: RouteDefinition = {
  endpoint: 'enduser.userInfo',
  methods: ['GET'],
  path: `${ENDUSER}/userInfo`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, { store }) {
    return singleB(toUserInfo(userOr(store, query)));
  },
};

/** Yes, a GET that writes (§6.7). */
const setUserStatus: RouteDefinition = {
  endpoint: 'enduser.setUserStatus',
  methods: ['GET'],
  path: `${ENDUSER}/setUserStatus`,
  envelope: 'B',
  authenticated: true,
  async handle({ query }, { store, clock, push }) {
    const uid = requiredText(query, 'uid', 5065);
    if (optionalText(query, 'status') === undefined) throw new BusinessError(5487);
    const status = /^\d$/.test(query.status) ? Number(query.status) : -1;
    if (status !== 0 && status !== 1) throw new BusinessError(5488);
    const user = store.admin.user(uid);
    if (!user) throw new BusinessError(5033);
    // Setting the status a user already has modifies nothing, so nothing is pushed [INFERRED].
    const changed = user.status !== status;
    user.status = status;
    const now = clock.now();
    if (changed) await push.emit((ids) => [userUpdateMessage(user, now, ids)]);
    return singleB({});
  },
};

const userDevices: RouteDefinition = {
  endpoint: 'binding.userDeviceList',
  methods: ['GET'],
  path: `${BINDING}/userDeviceList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, { store, options }) {
    const user = userOr(store, query);
    const paging = readPageInfoPaging(query, options.paging);
    const rows = store.admin
      .bindings()
      .filter((b) => b.uid === user.uid)
      .sort((a, b) => b.bindTime - a.bindTime)
      .map((b) => toUserDeviceRow(store, b, user));
    return pageB(rows, paging);
  },
};

const usersByBind: RouteDefinition = {
  endpoint: 'binding.userListByBind',
  methods: ['GET'],
  path: `${BINDING}/getUserListByBind`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, { store, options }) {
    const pk = optionalText(query, 'pk');
    const uid = optionalText(query, 'uid');
    const domain = optionalText(query, 'userDomain');
    const paging = readPageInfoPaging(query, options.paging);
    if (pk !== undefined && !store.product(pk)?.authorized) throw new BusinessError(5327);
    if (uid !== undefined && !store.admin.user(uid)) throw new BusinessError(5370);
    const bound = new Set(
      store.admin
        .bindings()
        .filter((b) => pk === undefined || b.productKey === pk)
        .map((b) => b.uid),
    );
    const rows = store.admin
      .users(domain)
      .filter((u) => bound.has(u.uid) && (uid === undefined || u.uid === uid))
      .map(toBoundUserRow);
    return pageB(rows, paging);
  },
};

/**
 * §11.5 `deviceUserList`: users bound to one device. Path, `pk`/`dk` parameters and the row shape (that of
 * getUserListByBind plus `deviceType`) are [INFERRED]; an unknown device answers 5493.
 */
const deviceUsers: RouteDefinition = {
  endpoint: 'binding.deviceUserList',
  methods: ['GET'],
  path: `${BINDING}/deviceUserList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, { store, options }) {
    const pk = requiredText(query, 'pk', 5066);
    const dk = requiredText(query, 'dk', 5067);
    const paging = readPageInfoPaging(query, options.paging);
    const failure = bindingDeviceFailure(store, pk, dk);
    if (failure !== null) throw new BusinessError(failure);
    const rows = store.admin
      .bindings()
      .filter((b) => b.productKey === pk && b.deviceKey === dk)
      .map((b) => ({ binding: b, user: store.admin.user(b.uid) }))
      .filter((x): x is { binding: Binding; user: EndUser } => x.user !== undefined)
      .map(({ binding, user }) => ({ ...toBoundUserRow(user), deviceType: binding.deviceType, deviceBindTimeTs: binding.bindTime }));
    return pageB(rows, paging);
  },
};

/** Parameters in the query of a POST (§6.7); `data` is an undocumented int, always 0 here [UNCONFIRMED]. */
const verifyBindingCode: RouteDefinition = {
  endpoint: 'binding.verifyBindingCode',
  methods: ['POST'],
  path: `${BINDING}/verifyBindingCode`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, { store }) {
    const pk = requiredText(query, 'pk', 5066);
    const dk = requiredText(query, 'dk', 5067);
    const code = requiredText(query, 'bindingCode', 5179);
    const isBinding = optionalInteger(query, 'isBinding') ?? 0;
    if (!/^[0-9A-Za-z]{1,64}$/.test(code)) throw new BusinessError(5213);
    if (isBinding !== 0 && isBinding !== 1) throw new BusinessError(50005);
    if (!store.product(pk)?.authorized || !store.device(pk, dk)) throw new BusinessError(5144);
    const reported = store.admin.bindingCode(pk, dk);
    if (reported === undefined) throw new BusinessError(5460);
    if (reported.toLowerCase() !== code.toLowerCase()) throw new BusinessError(5462);
    return singleB(0);
  },
};

export const endUserRoutes: readonly RouteDefinition[] = [
  domainList,
  domainUsers,
  userInfo,
  setUserStatus,
  userDevices,
  usersByBind,
  deviceUsers,
  verifyBindingCode,
];
