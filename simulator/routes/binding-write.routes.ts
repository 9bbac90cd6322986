import { BusinessError } from '../http/business-error';
import { bodyObject, requiredArray } from '../http/body-fields';
import { messageFor } from '../http/error-codes';
import { singleB } from '../http/page-info';
import { requiredText } from '../http/query-params';
import { SHARE_CANCELLED, UNBOUND, userBindMessage } from '../push/enduser-messages';
import type { PushIds } from '../push/push-message';
import type { RouteContext, RouteDefinition } from '../router';
import type { Binding, EndUser } from '../store/admin.types';
import { bindingDeviceFailure } from './access';

// Binding writes (§11.5). Only the operation names are published. The prefix is that of the two documented binding
// calls; everything else is [INFERRED]:
// - Parameters: bind and unbind take `uid`, `pk`, `dk` in the query, as verifyBindingCode (the documented POST of
//   the same service) does.
// - Codes: 5065/5066/5067 for a missing uid/pk/dk and 5033 for an unknown user (§10.1). 5486 means the account
//   is disabled (§10.2).
// - The simulator's reading of 5412–5415, which the reference names without texts: 5412 already bound to this
//   user, 5413 the device has another owner, 5414 no such binding, 5415 device list missing or too long.

const BINDING = '/v2/binding/enterpriseapi';
/** Devices per batchUnbindlingDevice call [INFERRED: the limit of the other device batches]. */
export const MAX_BATCH_UNBIND = 100;

interface Target {
  user: EndUser;
  pk: string;
  dk: string;
}

function targetOf(query: Record<string, string>, { store }: RouteContext): Target {
  const uid = requiredText(query, 'uid', 5065);
  const pk = requiredText(query, 'pk', 5066);
  const dk = requiredText(query, 'dk', 5067);
  const user = store.admin.user(uid);
  if (!user) throw new BusinessError(5033);
  const failure = bindingDeviceFailure(store, pk, dk);
  if (failure !== null) throw new BusinessError(failure);
  return { user, pk, dk };
}

/**
 * ENDUSER/USER-BIND removals (§9.3 row 14): the owner's own binding ends as "unbound", the shares it took along as
 * "share cancelled" [INFERRED].
 */
function removalMessages(store: RouteContext['store'], removed: Binding[], now: number) {
  return (ids: PushIds) => removed.map((b) => userBindMessage(store, b, 0, now, ids, b.deviceType === 1 ? UNBOUND : SHARE_CANCELLED));
}

/** POST with query parameters: binds the device to the user as its owner, binding type 3 (PK/DK). */
const bind: RouteDefinition = {
  endpoint: 'binding.bindDeviceByPkDk',
  methods: ['POST'],
  path: `${BINDING}/bindDeviceByPkDk`,
  envelope: 'B',
  authenticated: true,
  async handle({ query }, context) {
    const { user, pk, dk } = targetOf(query, context);
    const { admin } = context.store;
    if (user.status === 0) throw new BusinessError(5486);
    if (admin.binding(user.uid, pk, dk)) throw new BusinessError(5412);
    if (admin.bindings().some((b) => b.productKey === pk && b.deviceKey === dk && b.deviceType === 1)) throw new BusinessError(5413);
    const now = context.clock.now();
    const binding: Binding = { uid: user.uid, productKey: pk, deviceKey: dk, deviceType: 1, ownerUid: null, bindTime: now, bindingType: 3 };
    admin.addBinding(binding);
    await context.push.emit((ids) => [userBindMessage(context.store, binding, 1, now, ids)]);
    return singleB({});
  },
};

/** DELETE with query parameters. An owner's unbinding ends the shares they granted on that device. */
const unbind: RouteDefinition = {
  endpoint: 'binding.unbundlingUserDevice',
  methods: ['DELETE'],
  path: `${BINDING}/unbundlingUserDevice`,
  envelope: 'B',
  authenticated: true,
  async handle({ query }, context) {
    const { user, pk, dk } = targetOf(query, context);
    if (!context.store.admin.binding(user.uid, pk, dk)) throw new BusinessError(5414);
    const removed = context.store.admin.removeBinding(user.uid, pk, dk);
    await context.push.emit(removalMessages(context.store, removed, context.clock.now()));
    return singleB({});
  },
};

/**
 * POST `{deviceList: [{pk, dk}]}`: removes every binding, own and shared, of each device. `data` has one row per
 * device in request order, `code` 200 or the device's own failure, so one bad device does not fail the others.
 */
const batchUnbind: RouteDefinition = {
  endpoint: 'binding.batchUnbindlingDevice',
  methods: ['POST'],
  path: `${BINDING}/batchUnbindlingDevice`,
  envelope: 'B',
  authenticated: true,
  async handle({ body }, { store, clock, push }) {
    const list = requiredArray(bodyObject(body ?? {}), 'deviceList', 5415);
    if (list.length > MAX_BATCH_UNBIND) throw new BusinessError(5415);
    const devices = list.map((item) => {
      const entry = bodyObject(item);
      const pk = typeof entry.pk === 'string' ? entry.pk : '';
      const dk = typeof entry.dk === 'string' ? entry.dk : '';
      if (pk === '') throw new BusinessError(5066);
      if (dk === '') throw new BusinessError(5067);
      return { pk, dk };
    });
    const removed: Binding[] = [];
    const rows = devices.map(({ pk, dk }) => {
      const failure = bindingDeviceFailure(store, pk, dk);
      if (failure !== null) return { pk, dk, code: failure, msg: messageFor(failure) };
      removed.push(...store.admin.removeDeviceBindings(pk, dk));
      return { pk, dk, code: 200, msg: '' };
    });
    await push.emit(removalMessages(store, removed, clock.now()));
    return singleB(rows);
  },
};

export const bindingWriteRoutes: readonly RouteDefinition[] = [bind, unbind, batchUnbind];
