import type { Binding, EndUser } from '../store/admin.types';
import type { SimulatorStore } from '../store/simulator.store';
import type { PushIds, PushMessage } from './push-message';

/** §9.3 `invalidCause` values the simulator produces: 1 unbound, 4 share cancelled. */
export const UNBOUND = 1;
export const SHARE_CANCELLED = 4;

/**
 * ENDUSER/USER-BIND (§9.3 row 14): `value` 1 added, 0 removed; `authLevel` 1 owner, 2 sharee; every simulated binding
 * is a true authorization (`authStatus` 1) [INFERRED]. `invalidCause` only on removals.
 */
export function userBindMessage(
  store: SimulatorStore,
  binding: Binding,
  value: 0 | 1,
  now: number,
  ids: PushIds,
  invalidCause?: number,
): PushMessage {
  const user = store.admin.user(binding.uid);
  const device = store.device(binding.productKey, binding.deviceKey);
  return {
    type: 'ENDUSER',
    subtype: 'USER-BIND',
    productKey: binding.productKey,
    deviceKey: binding.deviceKey,
    deviceName: device?.deviceName ?? '',
    createdAt: now,
    ticket: ids.ticket(),
    data: {
      endUserId: binding.uid,
      endUserDomain: user?.userDomain ?? '',
      value,
      authStatus: 1,
      authLevel: binding.deviceType === 1 ? 1 : 2,
      ...(invalidCause === undefined ? {} : { invalidCause }),
    },
  };
}

/**
 * ENDUSER/USER-UPDATE (§9.3 row 201, §9.4 [UNCONFIRMED]). `data` holds the documented user fields the simulator
 * knows; the catalogue names no field for what changed, so none is invented.
 */
export function userUpdateMessage(user: EndUser, now: number, ids: PushIds): PushMessage {
  return {
    type: 'ENDUSER',
    subtype: 'USER-UPDATE',
    createdAt: now,
    ticket: ids.ticket(),
    data: { endUserId: user.uid, endUserDomain: user.userDomain, phone: user.phone, email: user.email },
  };
}
