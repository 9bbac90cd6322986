import { startHarness, type Harness } from '../helpers/harness';
import { productOf } from '../simulator/support/seed-lookup';

const QUEUE_FIELDS = 'id name description status free createdAt backlog { messageCount } connectUrl';
const SUB_FIELDS = 'id name status level queueId queueName messageTypes productKey userDomain queue { id name status } product { productKey }';

describe('message queues', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const create = (name: string, description?: string) =>
    h.execute<{ createMessageQueue: { id: string; name: string; status: string } }>(
      `mutation($i: CreateMessageQueueInput!) { createMessageQueue(input: $i) { ${QUEUE_FIELDS} } }`,
      { i: { name, description } },
    );

  it('should create a queue under its full platform name and list it as a connection', async () => {
    const { data, errors } = await create('orders', 'order events');
    expect(errors).toBeUndefined();
    const queue = data!.createMessageQueue;
    expect(queue).toMatchObject({ name: `a.${h.sim.store.admin.accountId}.orders`, description: 'order events', status: 'NOT_ENABLED', free: false });

    const list = await h.execute<{
      messageQueues: { totalCount: number; edges: Array<{ cursor: string; node: { id: string; name: string; backlog: { messageCount: number } } }> };
    }>(`{ messageQueues(first: 10) { totalCount edges { cursor node { ${QUEUE_FIELDS} } } } }`);
    expect(list.errors).toBeUndefined();
    expect(list.data!.messageQueues.totalCount).toBe(h.sim.store.admin.queues().length);
    expect(list.data!.messageQueues.edges.map((e) => e.node.id)).toContain(queue.id);
    expect(list.data!.messageQueues.edges[0].node.backlog).toEqual({ messageCount: 0 });
  });

  it('should page the queue list with cursors', async () => {
    // Two queues of its own, so the list has a second page also when this test runs alone (-t).
    for (const name of ['paged-1', 'paged-2']) expect((await create(name)).errors).toBeUndefined();
    const first = await h.execute<{
      messageQueues: { edges: Array<{ node: { id: string } }>; pageInfo: { endCursor: string; hasNextPage: boolean } };
    }>('{ messageQueues(first: 1) { edges { node { id } } pageInfo { endCursor hasNextPage } } }');
    expect(first.data!.messageQueues.pageInfo.hasNextPage).toBe(true);
    const second = await h.execute<{ messageQueues: { edges: Array<{ node: { id: string } }> } }>(
      'query($a: String) { messageQueues(first: 1, after: $a) { edges { node { id } } } }',
      { a: first.data!.messageQueues.pageInfo.endCursor },
    );
    expect(second.data!.messageQueues.edges[0].node.id).not.toBe(first.data!.messageQueues.edges[0].node.id);
  });

  it('should refuse a malformed queue name before any upstream call', async () => {
    h.sim.log.clear();
    const { errors } = await create('no spaces allowed');
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errors![0].message).toContain('name must be 1-64');
    expect(h.sim.log.count('queue.create')).toBe(0);
  });

  it('should report a duplicate name as a coded error', async () => {
    await create('dupe');
    const { errors } = await create('dupe');
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 16001 } });
  });

  it('should report the 50-queue limit as a clear coded error', async () => {
    const admin = h.sim.store.admin;
    let i = 0;
    while (admin.queues().length < 50) expect((await create(`fill${i++}`)).errors).toBeUndefined();
    const { errors } = await create('one-too-many');
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 16007 } });
    expect(errors![0].message).toContain('maximum of 50 message queues');
    expect(errors![0].message).toContain('number of queues is out of limit');
    for (const queue of admin.queues().filter((q) => /\.fill\d+$/.test(q.queueName))) admin.deleteQueue(queue.id);
  });

  it('should clear a queue idempotently and delete it once', async () => {
    const { data } = await create('short-lived');
    const id = data!.createMessageQueue.id;
    h.sim.store.admin.queue(Number(id))!.msgNum = 12;
    for (let n = 0; n < 2; n++) {
      const cleared = await h.execute<{ clearMessageQueue: { backlog: { messageCount: number } } }>(
        'mutation($id: ID!) { clearMessageQueue(id: $id) { backlog { messageCount } } }',
        { id },
      );
      expect(cleared.data!.clearMessageQueue.backlog.messageCount).toBe(0);
    }
    const deleted = await h.execute('mutation($id: ID!) { deleteMessageQueue(id: $id) }', { id });
    expect(deleted.data).toEqual({ deleteMessageQueue: id });
    const again = await h.execute('mutation($id: ID!) { deleteMessageQueue(id: $id) }', { id });
    expect(again.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 16002 } });
    const gone = await h.execute('query($id: ID!) { messageQueue(id: $id) { id } }', { id });
    expect(gone).toEqual({ data: { messageQueue: null } });
  });

  it('should refuse a malformed id before any upstream call', async () => {
    h.sim.log.clear();
    const { errors } = await h.execute('mutation { deleteMessageQueue(id: "abc") }');
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(h.sim.log.count()).toBe(0);
  });

  it('should list queues with a page size the platform accepts however large ours is', async () => {
    const big = await startHarness({ env: { QUEC_PAGE_SIZE: '500' } });
    try {
      const { data, errors } = await big.execute<{ messageQueues: { totalCount: number } }>('{ messageQueues(first: 5) { totalCount } }');
      expect(errors).toBeUndefined();
      expect(data!.messageQueues.totalCount).toBe(big.sim.store.admin.queues().length);
      expect(big.sim.log.entries().find((e) => e.endpoint === 'queue.list')!.body).toMatchObject({ pageNum: 1, pageSize: 100 });
    } finally {
      await big.close();
    }
  });
});

describe('message subscriptions', () => {
  let h: Harness;
  let queueName: string;
  beforeAll(async () => {
    h = await startHarness();
    const { data } = await h.execute<{ createMessageQueue: { name: string } }>('mutation { createMessageQueue(input: { name: "events" }) { name } }');
    queueName = data!.createMessageQueue.name;
  });
  afterAll(() => h.close());

  const createForProduct = (input: Record<string, unknown>) =>
    h.execute<{ createDeviceMessageSubscription: { id: string; status: string; level: string; messageTypes: string[] } }>(
      `mutation($i: CreateDeviceMessageSubscriptionInput!) { createDeviceMessageSubscription(input: $i) { ${SUB_FIELDS} } }`,
      { i: input },
    );

  it('should create a product subscription stopped, start it, and enable its queue', async () => {
    const meter = productOf(h.sim, 'meter');
    const { data, errors } = await createForProduct({
      name: 'meter-events',
      queueName,
      productKey: meter.productKey,
      messageTypes: ['DEVICE_ONLINE_OFFLINE', 'PROPERTY'],
    });
    expect(errors).toBeUndefined();
    const sub = data!.createDeviceMessageSubscription;
    expect(sub).toMatchObject({
      status: 'STOPPED',
      level: 'PRODUCT',
      messageTypes: ['DEVICE_ONLINE_OFFLINE', 'PROPERTY'],
      productKey: meter.productKey,
      product: { productKey: meter.productKey },
      queue: { name: queueName },
    });

    const started = await h.execute<{ startMessageSubscription: { status: string; queue: { status: string } } }>(
      'mutation($id: ID!) { startMessageSubscription(id: $id) { status queue { status } } }',
      { id: sub.id },
    );
    expect(started.data!.startMessageSubscription).toEqual({ status: 'RUNNING', queue: { status: 'ENABLED' } });

    const again = await h.execute('mutation($id: ID!) { startMessageSubscription(id: $id) { id } }', { id: sub.id });
    expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 16020 } });
    const update = await h.execute('mutation($id: ID!) { updateMessageSubscription(input: { id: $id, name: "renamed" }) { id } }', { id: sub.id });
    expect(update.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 16022 } });
    const del = await h.execute('mutation($id: ID!) { deleteMessageSubscription(id: $id) }', { id: sub.id });
    expect(del.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 16019 } });
    const queueId = h.sim.store.admin.queueByName(queueName)!.id;
    const delQueue = await h.execute('mutation($id: ID!) { deleteMessageQueue(id: $id) }', { id: String(queueId) });
    expect(delQueue.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 16008 } });

    const stopped = await h.execute<{ stopMessageSubscription: { status: string } }>(
      'mutation($id: ID!) { stopMessageSubscription(id: $id) { status } }',
      { id: sub.id },
    );
    expect(stopped.data!.stopMessageSubscription.status).toBe('STOPPED');
    const stopAgain = await h.execute('mutation($id: ID!) { stopMessageSubscription(id: $id) { id } }', { id: sub.id });
    expect(stopAgain.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 16021 } });
    const renamed = await h.execute<{ updateMessageSubscription: { name: string } }>(
      'mutation($id: ID!) { updateMessageSubscription(input: { id: $id, name: "renamed" }) { name } }',
      { id: sub.id },
    );
    expect(renamed.data!.updateMessageSubscription.name).toBe('renamed');
    expect((await h.execute('mutation($id: ID!) { deleteMessageSubscription(id: $id) }', { id: sub.id })).data).toEqual({
      deleteMessageSubscription: sub.id,
    });
  });

  it('should create device, SaaS and end-user-domain subscriptions with their levels', async () => {
    const meter = productOf(h.sim, 'meter');
    const device = h.sim.store.devices(meter.productKey)[0];
    const dev = await createForProduct({
      name: 'one-device',
      queueName,
      productKey: meter.productKey,
      deviceKey: device.deviceKey,
      messageTypes: ['EVENT_ALERT'],
    });
    expect(dev.data!.createDeviceMessageSubscription.level).toBe('DEVICE');
    const saas = await h.execute<{ createSaasMessageSubscription: { level: string; messageTypes: string[] } }>(
      'mutation($q: String!) { createSaasMessageSubscription(input: { name: "saas", queueName: $q, messageTypes: [PRODUCT_CHANGED] }) { level messageTypes } }',
      { q: queueName },
    );
    expect(saas.errors).toBeUndefined();
    expect(saas.data!.createSaasMessageSubscription).toEqual({ level: 'SAAS', messageTypes: ['PRODUCT_CHANGED'] });
    const domain = h.sim.store.admin.userDomains()[0].userDomain;
    const endUser = await h.execute<{ createEndUserMessageSubscription: { level: string; userDomain: string; messageTypes: string[] } }>(
      'mutation($q: String!, $d: String!) { createEndUserMessageSubscription(input: { name: "users", queueName: $q, userDomain: $d }) { level userDomain messageTypes } }',
      { q: queueName, d: domain },
    );
    expect(endUser.data!.createEndUserMessageSubscription).toEqual({
      level: 'END_USER_DOMAIN',
      userDomain: domain,
      messageTypes: ['END_USER_CHANGED'],
    });

    const list = await h.execute<{
      messageSubscriptions: { totalCount: number; edges: Array<{ node: { level: string; queueName: string; messageTypes: string[] } }> };
    }>('{ messageSubscriptions(first: 50) { totalCount edges { node { level queueName messageTypes } } } }');
    expect(list.errors).toBeUndefined();
    expect(list.data!.messageSubscriptions.edges.map((e) => e.node.level).sort()).toEqual(['DEVICE', 'END_USER_DOMAIN', 'SAAS']);
  });

  it('should refuse message types of the wrong level before any upstream call', async () => {
    h.sim.log.clear();
    const meter = productOf(h.sim, 'meter');
    const { errors } = await createForProduct({ name: 'wrong', queueName, productKey: meter.productKey, messageTypes: ['PRODUCT_CHANGED'] });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errors![0].message).toContain('device message types');
    const short = await createForProduct({ name: 'bad', queueName: 'events', productKey: meter.productKey, messageTypes: ['PROPERTY'] });
    expect(short.errors![0].message).toContain('full queue name');
    expect(h.sim.log.count()).toBe(0);
  });

  it('should report the 100-subscription limit as a clear coded error', async () => {
    const meter = productOf(h.sim, 'meter');
    let i = 0;
    while (h.sim.store.admin.subscriptions().length < 100) {
      expect(
        (await createForProduct({ name: `fill${i++}`, queueName, productKey: meter.productKey, messageTypes: ['PROPERTY'] })).errors,
      ).toBeUndefined();
    }
    const { errors } = await createForProduct({ name: 'too-many', queueName, productKey: meter.productKey, messageTypes: ['PROPERTY'] });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 16018 } });
    expect(errors![0].message).toContain('maximum of 100 message subscriptions');
    expect(errors![0].message).toContain('number of subscription rules is out of limit');
    // Room again for the tests after this one.
    for (const sub of h.sim.store.admin.subscriptions().filter((x) => /^fill\d+$/.test(x.subscribeName)))
      h.sim.store.admin.deleteSubscription(sub.id);
  });

  it('should answer null for an unknown subscription', async () => {
    const none = await h.execute('{ messageSubscription(id: "999999") { id } }');
    expect(none).toEqual({ data: { messageSubscription: null } });
  });
});
