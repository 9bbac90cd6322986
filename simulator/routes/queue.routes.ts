import { BusinessError } from '../http/business-error';
import { bodyInteger, bodyPaging, bodyText, objectBody } from '../http/body-params';
import { done, page, single } from '../http/envelope';
import { optionalInteger } from '../http/query-params';
import type { RouteDefinition } from '../router';
import { MAX_QUEUES } from '../store/admin.store';
import type { Queue } from '../store/admin.types';

/** `{version}` is a required path parameter whose only documented value is r1 (§6.6). */
export const RULE_PREFIX = '/v2/quecrule/r1/openapi';

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** The AMQP endpoint consumers connect to (§9.1). A placeholder: the broker, when attached, is the test's, and queue/detail answers as before. */
const CONNECT_URL = 'amqp://127.0.0.1:5672/quec-open';

export function queueIdParam(query: Record<string, string>): number {
  const id = optionalInteger(query, 'queueId');
  if (id === undefined) throw new BusinessError(50004);
  return id;
}

function toQueueRow(queue: Queue, accountId: number): Record<string, unknown> {
  return {
    createTime: String(queue.createTime),
    entUserId: accountId,
    id: queue.id,
    isFree: queue.isFree,
    metadata: '',
    queueDesc: queue.queueDesc,
    queueName: queue.queueName,
    status: queue.status,
    updateTime: null,
    userId: accountId,
  };
}

const create: RouteDefinition = {
  endpoint: 'queue.create',
  methods: ['POST'],
  path: `${RULE_PREFIX}/queue/create`,
  envelope: 'A',
  authenticated: true,
  async handle({ body }, { store, clock, push }) {
    const input = objectBody(body);
    const name = bodyText(input, 'queueName', true);
    const desc = bodyText(input, 'queueDesc') ?? '';
    if (!QUEUE_NAME.test(name) || desc.length > 200) throw new BusinessError(50005);
    const { admin } = store;
    const queueName = `a.${admin.accountId}.${name}`;
    if (admin.queueByName(queueName)) throw new BusinessError(16001);
    if (admin.queues().length >= MAX_QUEUES) throw new BusinessError(16007);
    // A broker that cannot declare the queue is the documented "create failed" (§6.6 16004); nothing is stored then.
    await push.queueCreated(queueName).catch(() => {
      throw new BusinessError(16004);
    });
    const queue: Queue = {
      id: admin.newId(),
      queueName,
      queueDesc: desc,
      status: 0,
      isFree: 0,
      createTime: clock.now(),
      updateTime: null,
      msgNum: 0,
    };
    admin.addQueue(queue);
    // Create answers `updateTime: ""` where list answers null (§6.6 examples).
    return single({ ...toQueueRow(queue, admin.accountId), metadata: undefined, updateTime: '' });
  },
};

const remove: RouteDefinition = {
  endpoint: 'queue.delete',
  methods: ['DELETE'],
  path: `${RULE_PREFIX}/queue/delete`,
  envelope: 'A',
  authenticated: true,
  async handle({ query }, { store, push }) {
    const id = queueIdParam(query);
    const queue = store.admin.queue(id);
    if (!queue) throw new BusinessError(16002);
    if (store.admin.subscriptions().some((s) => s.queueId === id)) throw new BusinessError(16008);
    await push.queueDeleted(queue.queueName);
    store.admin.deleteQueue(id);
    return done();
  },
};

const clear: RouteDefinition = {
  endpoint: 'queue.clear',
  methods: ['POST'],
  path: `${RULE_PREFIX}/queue/clear`,
  envelope: 'A',
  authenticated: true,
  async handle({ query }, { store, push }) {
    const queue = store.admin.queue(queueIdParam(query));
    if (!queue) throw new BusinessError(16002);
    await push.queueCleared(queue.queueName);
    queue.msgNum = 0;
    return done();
  },
};

const list: RouteDefinition = {
  endpoint: 'queue.list',
  methods: ['POST'],
  path: `${RULE_PREFIX}/queue/list`,
  envelope: 'A',
  authenticated: true,
  handle({ body }, { store }) {
    const input = objectBody(body);
    const paging = bodyPaging(input);
    const name = bodyText(input, 'queueName');
    const status = bodyInteger(input, 'status');
    if (status !== undefined && ![0, 1, 2].includes(status)) throw new BusinessError(50005);
    const rows = store.admin
      .queues()
      .filter((q) => (name === undefined || q.queueName.includes(name)) && (status === undefined || q.status === status))
      .map((q) => toQueueRow(q, store.admin.accountId));
    return page(rows, paging);
  },
};

const detail: RouteDefinition = {
  endpoint: 'queue.detail',
  methods: ['GET'],
  path: `${RULE_PREFIX}/queue/detail`,
  envelope: 'A',
  authenticated: true,
  handle({ query }, { store }) {
    const queue = store.admin.queue(queueIdParam(query));
    if (!queue) throw new BusinessError(16002);
    return single({
      consumeRate: '0',
      msgNum: queue.msgNum,
      msgSize: `${queue.msgNum * 256}B`,
      queueId: queue.id,
      queueName: queue.queueName,
      queueDesc: queue.queueDesc,
      createTime: queue.createTime,
      updateTime: queue.updateTime,
      status: queue.status,
      connectUrl: CONNECT_URL,
    });
  },
};

/** §6.6 queues. */
export const queueRoutes: readonly RouteDefinition[] = [create, remove, clear, list, detail];
