import { BusinessError } from '../http/business-error';
import { bodyInteger, bodyIntegerList, bodyPaging, bodyText, objectBody, type Body } from '../http/body-params';
import { done, page, single } from '../http/envelope';
import { optionalInteger } from '../http/query-params';
import type { RouteContext, RouteDefinition } from '../router';
import { MAX_SUBSCRIPTIONS } from '../store/admin.store';
import type { Subscription, SubscriptionKind } from '../store/admin.types';
import { productByKey } from './access';
import { RULE_PREFIX } from './queue.routes';

/** ≤128 Chinese characters, letters, digits, `_`, `-` (§6.6). */
const SUBSCRIBE_NAME = /^[\p{Script=Han}A-Za-z0-9_-]{1,128}$/u;

const DEVICE_TYPES = new Set(Array.from({ length: 15 }, (_, i) => i + 1));
const SAAS_TYPES = new Set([101, 102, 103, 104, 105]);
const ENDUSER_TYPES = new Set([201]);

/** subscribe/list `subscribeLevel` (1 product, 3 device, 6 SaaS, §5); 5 for end-user domain is [INFERRED]. */
const LIST_LEVEL: Record<SubscriptionKind, number> = { product: 1, device: 3, saas: 6, enduser: 5 };
/** subscribe/detail `dataLevel` (1 product, 2 device, 4 enterprise user, 5 end-user domain, §6.6); SaaS as 4 [INFERRED]. */
const DETAIL_LEVEL: Record<SubscriptionKind, number> = { product: 1, device: 2, saas: 4, enduser: 5 };

function subscribeIdParam(query: Record<string, string>): number {
  const id = optionalInteger(query, 'subscribeId');
  if (id === undefined) throw new BusinessError(50004);
  return id;
}

function existing(context: RouteContext, id: number): Subscription {
  const sub = context.store.admin.subscription(id);
  if (!sub) throw new BusinessError(16011);
  return sub;
}

function checkName(name: string): string {
  if (!SUBSCRIBE_NAME.test(name)) throw new BusinessError(50005);
  return name;
}

function checkTypes(types: number[], allowed: Set<number>): number[] {
  if (!types.every((t) => allowed.has(t))) throw new BusinessError(50005);
  return [...new Set(types)];
}

/** Consumers and subscribe calls use the full `a.<id>.<name>` queue name (§6.6 [INFERRED]). */
function queueIdOf(context: RouteContext, queueName: string): number {
  const queue = context.store.admin.queueByName(queueName);
  if (!queue) throw new BusinessError(16002);
  return queue.id;
}

/** Shared tail of the three create calls: common fields, the 100-rule limit, then the record. */
function createSubscription(
  context: RouteContext,
  input: Body,
  allowedTypes: Set<number>,
  scope: Pick<Subscription, 'kind' | 'productKey' | 'deviceKey' | 'endUserDomain'>,
) {
  const subscribeName = checkName(bodyText(input, 'subscribeName', true));
  const queueName = bodyText(input, 'queueName', true);
  const msgTypes = checkTypes(bodyIntegerList(input, 'msgTypes', true) as number[], allowedTypes);
  const queueId = queueIdOf(context, queueName);
  const { admin } = context.store;
  if (admin.subscriptions().length >= MAX_SUBSCRIPTIONS) throw new BusinessError(16018);
  const now = context.clock.now();
  const sub: Subscription = { id: admin.newId(), subscribeName, queueId, msgTypes, status: 0, createTime: now, updateTime: now, ...scope };
  admin.addSubscription(sub);
  return single({ subscribeId: sub.id });
}

const createForProduct: RouteDefinition = {
  endpoint: 'subscribe.create',
  methods: ['POST'],
  path: `${RULE_PREFIX}/subscribe/create`,
  envelope: 'A',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const productKey = bodyText(input, 'productKey', true);
    const dataLevel = bodyInteger(input, 'dataLevel', true);
    const deviceKey = bodyText(input, 'deviceKey');
    if (dataLevel !== 1 && dataLevel !== 2) throw new BusinessError(50005);
    if (dataLevel === 2 && deviceKey === undefined) throw new BusinessError(50004);
    // Check the body before the product, so a malformed call never reveals whether a product exists.
    checkName(bodyText(input, 'subscribeName', true));
    checkTypes(bodyIntegerList(input, 'msgTypes', true) as number[], DEVICE_TYPES);
    const product = productByKey(context.store, productKey, 70017);
    if (dataLevel === 2 && !context.store.device(product.productKey, deviceKey as string)) throw new BusinessError(70130);
    return createSubscription(context, input, DEVICE_TYPES, {
      kind: dataLevel === 1 ? 'product' : 'device',
      productKey,
      deviceKey: dataLevel === 2 ? (deviceKey as string) : null,
      endUserDomain: null,
    });
  },
};

const createForSaas: RouteDefinition = {
  endpoint: 'subscribe.saas',
  methods: ['POST'],
  path: `${RULE_PREFIX}/subscribe/saas`,
  envelope: 'A',
  authenticated: true,
  handle({ body }, context) {
    return createSubscription(context, objectBody(body), SAAS_TYPES, { kind: 'saas', productKey: null, deviceKey: null, endUserDomain: null });
  },
};

const createForEndUser: RouteDefinition = {
  endpoint: 'subscribe.enduser',
  methods: ['POST'],
  path: `${RULE_PREFIX}/subscribe/enduser`,
  envelope: 'A',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const endUserDomain = bodyText(input, 'endUserDomain', true);
    // An unknown domain is a parameter error here; the reference lists no dedicated code [INFERRED].
    if (!context.store.admin.userDomain(endUserDomain)) throw new BusinessError(50005);
    return createSubscription(context, input, ENDUSER_TYPES, { kind: 'enduser', productKey: null, deviceKey: null, endUserDomain });
  },
};

const ALLOWED_BY_KIND: Record<SubscriptionKind, Set<number>> = {
  product: DEVICE_TYPES,
  device: DEVICE_TYPES,
  saas: SAAS_TYPES,
  enduser: ENDUSER_TYPES,
};

const update: RouteDefinition = {
  endpoint: 'subscribe.update',
  methods: ['POST'],
  path: `${RULE_PREFIX}/subscribe/update`,
  envelope: 'A',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const sub = existing(context, bodyInteger(input, 'subscribeId', true) as number);
    const name = bodyText(input, 'subscribeName');
    const queueName = bodyText(input, 'queueName');
    const types = bodyIntegerList(input, 'msgTypes');
    if (name !== undefined) checkName(name);
    if (types !== undefined) checkTypes(types, ALLOWED_BY_KIND[sub.kind]);
    const queueId = queueName === undefined ? undefined : queueIdOf(context, queueName);
    if (sub.status === 1) throw new BusinessError(16022);
    if (name !== undefined) sub.subscribeName = name;
    if (queueId !== undefined) sub.queueId = queueId;
    if (types !== undefined) sub.msgTypes = [...new Set(types)];
    sub.updateTime = context.clock.now();
    return done();
  },
};

const remove: RouteDefinition = {
  endpoint: 'subscribe.delete',
  methods: ['DELETE'],
  path: `${RULE_PREFIX}/subscribe/delete`,
  envelope: 'A',
  authenticated: true,
  handle({ query }, context) {
    const sub = existing(context, subscribeIdParam(query));
    if (sub.status === 1) throw new BusinessError(16019);
    context.store.admin.deleteSubscription(sub.id);
    return done();
  },
};

const start: RouteDefinition = {
  endpoint: 'subscribe.start',
  methods: ['POST'],
  path: `${RULE_PREFIX}/subscribe/start`,
  envelope: 'A',
  authenticated: true,
  handle({ query }, context) {
    const sub = existing(context, subscribeIdParam(query));
    if (sub.status === 1) throw new BusinessError(16020);
    sub.status = 1;
    sub.updateTime = context.clock.now();
    // Starting a subscription also enables its queue (§6.6).
    const queue = context.store.admin.queue(sub.queueId);
    if (queue) queue.status = 1;
    return done();
  },
};

const stop: RouteDefinition = {
  endpoint: 'subscribe.stop',
  methods: ['POST'],
  path: `${RULE_PREFIX}/subscribe/stop`,
  envelope: 'A',
  authenticated: true,
  handle({ query }, context) {
    const sub = existing(context, subscribeIdParam(query));
    if (sub.status === 0) throw new BusinessError(16021);
    sub.status = 0;
    sub.updateTime = context.clock.now();
    return done();
  },
};

const list: RouteDefinition = {
  endpoint: 'subscribe.list',
  methods: ['POST'],
  path: `${RULE_PREFIX}/subscribe/list`,
  envelope: 'A',
  authenticated: true,
  handle({ body }, { store }) {
    const input = objectBody(body);
    const paging = bodyPaging(input);
    const queueName = bodyText(input, 'queueName');
    const subscribeName = bodyText(input, 'subscribeName');
    const status = bodyInteger(input, 'status');
    if (status !== undefined && status !== 0 && status !== 1) throw new BusinessError(50005);
    const rows = store.admin
      .subscriptions()
      .map((sub) => ({ sub, queue: store.admin.queue(sub.queueId) }))
      .filter(
        ({ sub, queue }) =>
          (queueName === undefined || queue?.queueName === queueName) &&
          (subscribeName === undefined || sub.subscribeName.includes(subscribeName)) &&
          (status === undefined || sub.status === status),
      )
      .map(({ sub, queue }) => {
        const project = sub.productKey ? store.project(store.product(sub.productKey)?.projectId ?? -1) : undefined;
        return {
          subscribeId: sub.id,
          subscribeName: sub.subscribeName,
          queueId: String(sub.queueId),
          queueName: queue?.queueName ?? '',
          createTime: sub.createTime,
          status: sub.status,
          subscribeLevel: LIST_LEVEL[sub.kind],
          projectId: project?.id ?? 0,
          projectName: project?.name ?? '',
        };
      });
    return page(rows, paging);
  },
};

const detail: RouteDefinition = {
  endpoint: 'subscribe.detail',
  methods: ['GET'],
  path: `${RULE_PREFIX}/subscribe/detail`,
  envelope: 'A',
  authenticated: true,
  handle({ query }, context) {
    const sub = existing(context, subscribeIdParam(query));
    const { store } = context;
    const product = sub.productKey ? store.product(sub.productKey) : undefined;
    const device = sub.productKey && sub.deviceKey ? store.device(sub.productKey, sub.deviceKey) : undefined;
    return single({
      subscribeId: sub.id,
      subscribeName: sub.subscribeName,
      dataLevel: DETAIL_LEVEL[sub.kind],
      msgType: sub.msgTypes.join(','),
      queueId: sub.queueId,
      queueName: store.admin.queue(sub.queueId)?.queueName ?? '',
      userId: store.admin.accountId,
      productKey: sub.productKey ?? '',
      productName: product?.productName ?? '',
      deviceKey: sub.deviceKey ?? '',
      deviceName: device?.deviceName ?? '',
      endUserDomain: sub.endUserDomain ?? '',
      status: sub.status,
      createTime: sub.createTime,
      updateTime: sub.updateTime,
    });
  },
};

/** §6.6 subscriptions. */
export const subscribeRoutes: readonly RouteDefinition[] = [
  createForProduct,
  createForSaas,
  createForEndUser,
  update,
  remove,
  start,
  stop,
  list,
  detail,
];
