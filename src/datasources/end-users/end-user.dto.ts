// End users (App users) and bindings (reference §6.7, §11.5): envelope B, times are epoch ms numbers.

/**
 * A user domain (App) as we keep it. Upstream rows also carry `userDomainSecret`; the API layer drops it on
 * arrival so the credential never sits in a loader cache, a mapper or a log.
 */
export interface UserDomainDto {
  userDomainId: number;
  userDomain: string;
  userDomainType?: string | null;
  entId?: number | null;
  remark?: string | null;
  isEnable?: boolean | null;
  enable?: boolean | null;
  addTime?: number | null;
  updateTime?: number | null;
}

/** "User Information" (userInfo, userDomainUserList). */
export interface EndUserDto {
  uid: string;
  userDomain: string;
  /** (sic) */
  nikeName?: string | null;
  phone?: string | null;
  email?: string | null;
  lang?: string | null;
  timezone?: string | null;
  /** 0 disabled, 1 normal */
  status?: number | null;
  registerTime?: number | null;
  registerTimeTs?: number | null;
  lastLoginTime?: number | string | null;
  lastLoginTimeTs?: number | null;
}

/** "User with bound device" (getUserListByBind; deviceUserList adds the binding fields [INFERRED]). */
export interface BoundUserDto {
  uid: string;
  userDomain: string;
  nikeName?: string | null;
  phone?: string | null;
  email?: string | null;
  /** A "yyyy-MM-dd HH:mm:ss" string here; `lastLoginTimeTs` is the number. */
  lastLoginTime?: string | null;
  lastLoginTimeTs?: number | null;
  /** deviceUserList only: 1 own, 2 shared */
  deviceType?: number | null;
  deviceBindTimeTs?: number | null;
}

/** "Device details" of userDeviceList (the fields we use of many). */
export interface UserDeviceDto {
  productKey: string;
  deviceKey: string;
  deviceName?: string | null;
  /** 1 own, 2 shared */
  deviceType?: number | null;
  ownerUid?: string | null;
  deviceBindTimeTs?: number | null;
}

export interface BoundUserFilter {
  productKey?: string;
  uid?: string;
  userDomain?: string;
}
