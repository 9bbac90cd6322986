import { BindingRole } from '../../schema/end-users/binding-role.enum';
import { EndUserStatus } from '../../schema/end-users/end-user-status.enum';
import type { EndUser, EndUserSource, UserDomain } from '../../schema/end-users/end-user.type';
import type { BoundUserDto, EndUserDto, UserDomainDto } from '../../datasources/end-users/end-user.dto';
import { toDate } from '../../datasources/platform/time';

export function toUserDomain(dto: UserDomainDto): UserDomain {
  return {
    id: String(dto.userDomainId),
    domain: dto.userDomain,
    type: dto.userDomainType || null,
    remark: dto.remark || null,
    enabled: (dto.enable ?? dto.isEnable) !== false,
    createdAt: toDate(dto.addTime),
    updatedAt: toDate(dto.updateTime),
  };
}

/** Every field set (null when unknown) so the detail middleware knows nothing is missing. */
export function toEndUser(dto: EndUserDto): EndUser {
  return {
    uid: dto.uid,
    userDomain: dto.userDomain || null,
    nickname: dto.nikeName || null,
    phone: dto.phone || null,
    email: dto.email || null,
    language: dto.lang || null,
    status: dto.status === 0 ? EndUserStatus.DISABLED : dto.status === 1 ? EndUserStatus.ENABLED : null,
    registeredAt: toDate(dto.registerTimeTs ?? dto.registerTime),
    lastLoginAt: toDate(dto.lastLoginTimeTs ?? (typeof dto.lastLoginTime === 'number' ? dto.lastLoginTime : null)),
  };
}

/** Bound-user rows lack status, language and registration; those load on demand. */
export function toBoundEndUser(dto: BoundUserDto): EndUserSource {
  return {
    uid: dto.uid,
    userDomain: dto.userDomain || null,
    nickname: dto.nikeName || null,
    phone: dto.phone || null,
    email: dto.email || null,
    lastLoginAt: toDate(dto.lastLoginTimeTs),
  };
}

/** deviceType 1 own, 2 shared (reference §6.7). */
export function toBindingRole(deviceType: number | null | undefined): BindingRole | null {
  return deviceType === 1 ? BindingRole.OWNER : deviceType === 2 ? BindingRole.SHARED : null;
}
