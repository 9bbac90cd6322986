import { productOf } from './support/seed-lookup';
import { signedSession } from './support/signed-session';

const RULE = '/v2/quecrule/r1/openapi';

describe('message queues and subscriptions (§6.6)', () => {
  const session = signedSession(RULE);
  const post = (path: string, body: unknown, query: Record<string, string | number> = {}) => session.send('POST', path, { query, body });
  const get = (path: string, query: Record<string, string | number>) => session.send('GET', path, { query });
  const del = (path: string, query: Record<string, string | number>) => session.send('DELETE', path, { query });

  it('should create a queue with the documented fields and the full name', async () => {
    const { body } = await post('/queue/create', { queueName: 'shape', queueDesc: 'desc' });
    expect(body.code).toBe(200);
    expect(body.data).toEqual({
      createTime: expect.stringMatching(/^\d{13}$/),
      entUserId: session.sim.store.admin.accountId,
      id: expect.any(Number),
      isFree: 0,
      queueDesc: 'desc',
      queueName: `a.${session.sim.store.admin.accountId}.shape`,
      status: 0,
      updateTime: '',
      userId: session.sim.store.admin.accountId,
    });
  });

  it.each([
    [{}, 50004],
    [{ queueName: 'bad name' }, 50005],
    [{ queueName: 'x'.repeat(65) }, 50005],
    [{ queueName: 'ok', queueDesc: 'd'.repeat(201) }, 50005],
  ])('should refuse queue body %j with %i', async (request, code) => {
    expect((await post('/queue/create', request)).body).toEqual({ code, msg: expect.any(String) });
  });

  it('should refuse a name already in use with 16001', async () => {
    expect((await post('/queue/create', { queueName: 'twice' })).body.code).toBe(200);
    expect((await post('/queue/create', { queueName: 'twice' })).body).toEqual({ code: 16001, msg: expect.any(String) });
  });

  it('should list queues with top-level paging and refuse a pageSize above 100', async () => {
    const { body } = await post('/queue/list', { pageNum: 1, pageSize: 1 });
    expect(body).toMatchObject({ code: 200, pageNum: 1, pageSize: 1, total: session.sim.store.admin.queues().length });
    expect(Object.keys(body.data[0]).sort()).toEqual([
      'createTime',
      'entUserId',
      'id',
      'isFree',
      'metadata',
      'queueDesc',
      'queueName',
      'status',
      'updateTime',
      'userId',
    ]);
    expect((await post('/queue/list', { pageSize: 101 })).body.code).toBe(50005);
    expect((await post('/queue/list', { pageSize: 0 })).body.code).toBe(50005);
    expect((await post('/queue/list', {})).body.pageSize).toBe(10);
  });

  it('should answer queue detail with the backlog and 16002 for an unknown queue', async () => {
    const queue = session.sim.store.admin.queues()[0];
    const { body } = await get('/queue/detail', { queueId: queue.id });
    expect(body.data).toMatchObject({
      queueId: queue.id,
      queueName: queue.queueName,
      msgNum: 0,
      connectUrl: expect.stringMatching(/^amqp:\/\//),
      createTime: queue.createTime,
    });
    expect((await get('/queue/detail', { queueId: 1 })).body.code).toBe(16002);
    expect((await del('/queue/delete', { queueId: 1 })).body.code).toBe(16002);
    expect((await post('/queue/clear', undefined, { queueId: 1 })).body.code).toBe(16002);
  });

  it('should stop at 50 queues with 16007', async () => {
    for (let i = 0; session.sim.store.admin.queues().length < 50; i++)
      expect((await post('/queue/create', { queueName: `q${i}` })).body.code).toBe(200);
    expect((await post('/queue/create', { queueName: 'overflow' })).body.code).toBe(16007);
    for (const q of session.sim.store.admin.queues().filter((x) => /\.q\d+$/.test(x.queueName))) session.sim.store.admin.deleteQueue(q.id);
  });

  describe('subscriptions', () => {
    let queueName: string;
    // A queue of their own, so each test also passes when it runs alone (-t).
    beforeAll(async () => {
      const { body } = await post('/queue/create', { queueName: 'rules' });
      expect(body.code).toBe(200);
      queueName = body.data.queueName;
    });

    it('should create, start, stop and delete under the state rules', async () => {
      const meter = productOf(session.sim, 'meter');
      const created = await post('/subscribe/create', {
        subscribeName: '订阅_1',
        queueName,
        productKey: meter.productKey,
        dataLevel: 1,
        msgTypes: [1, 6],
      });
      expect(created.body).toEqual({ code: 200, msg: '', data: { subscribeId: expect.any(Number) } });
      const id = created.body.data.subscribeId;
      expect((await get('/subscribe/detail', { subscribeId: id })).body.data).toMatchObject({
        dataLevel: 1,
        msgType: '1,6',
        status: 0,
        productKey: meter.productKey,
        queueName,
      });
      expect((await post('/subscribe/stop', undefined, { subscribeId: id })).body.code).toBe(16021);
      expect((await post('/subscribe/start', undefined, { subscribeId: id })).body.code).toBe(200);
      expect(session.sim.store.admin.queueByName(queueName)!.status).toBe(1);
      expect((await post('/subscribe/start', undefined, { subscribeId: id })).body.code).toBe(16020);
      expect((await post('/subscribe/update', { subscribeId: id, subscribeName: 'x' })).body.code).toBe(16022);
      expect((await del('/subscribe/delete', { subscribeId: id })).body.code).toBe(16019);
      expect((await del('/queue/delete', { queueId: session.sim.store.admin.queueByName(queueName)!.id })).body.code).toBe(16008);
      expect((await post('/subscribe/stop', undefined, { subscribeId: id })).body.code).toBe(200);
      expect((await del('/subscribe/delete', { subscribeId: id })).body.code).toBe(200);
      expect((await get('/subscribe/detail', { subscribeId: id })).body.code).toBe(16011);
    });

    it.each([
      ['missing name', { msgTypes: [1], dataLevel: 1 }, 50004],
      ['bad name', { subscribeName: 'a b', msgTypes: [1], dataLevel: 1 }, 50005],
      ['SaaS type on a product rule', { subscribeName: 'n', msgTypes: [101], dataLevel: 1 }, 50005],
      ['bad dataLevel', { subscribeName: 'n', msgTypes: [1], dataLevel: 3 }, 50005],
      ['device level without deviceKey', { subscribeName: 'n', msgTypes: [1], dataLevel: 2 }, 50004],
      ['unknown device', { subscribeName: 'n', msgTypes: [1], dataLevel: 2, deviceKey: 'NOPE' }, 70130],
      ['short queue name', { subscribeName: 'n', msgTypes: [1], dataLevel: 1, queueName: 'shape' }, 16002],
    ])('should refuse a product rule with %s', async (_, request, code) => {
      const meter = productOf(session.sim, 'meter');
      const { body } = await post('/subscribe/create', { queueName, productKey: meter.productKey, ...request });
      expect(body.code).toBe(code);
    });

    it('should refuse an unknown product with 70017 and an unauthorized one with 70089', async () => {
      const base = { subscribeName: 'n', queueName, dataLevel: 1, msgTypes: [1] };
      expect((await post('/subscribe/create', { ...base, productKey: 'pNOPE1' })).body.code).toBe(70017);
      expect((await post('/subscribe/create', { ...base, productKey: productOf(session.sim, 'tracker').productKey })).body.code).toBe(70089);
    });

    it('should take only SaaS types on subscribe/saas and 201 on subscribe/enduser', async () => {
      expect((await post('/subscribe/saas', { subscribeName: 's', queueName, msgTypes: [1] })).body.code).toBe(50005);
      expect((await post('/subscribe/saas', { subscribeName: 's', queueName, msgTypes: [101, 105] })).body.code).toBe(200);
      const domain = session.sim.store.admin.userDomains()[0].userDomain;
      expect((await post('/subscribe/enduser', { subscribeName: 'u', queueName, endUserDomain: domain, msgTypes: [101] })).body.code).toBe(50005);
      expect((await post('/subscribe/enduser', { subscribeName: 'u', queueName, endUserDomain: 'C.DM.0.9', msgTypes: [201] })).body.code).toBe(50005);
      expect((await post('/subscribe/enduser', { subscribeName: 'u', queueName, endUserDomain: domain, msgTypes: [201] })).body.code).toBe(200);
    });

    it('should list rules with a string queueId and the documented levels', async () => {
      const { body } = await post('/subscribe/list', { pageSize: 100 });
      expect(body.code).toBe(200);
      for (const row of body.data) {
        expect(typeof row.queueId).toBe('string');
        expect([1, 3, 5, 6]).toContain(row.subscribeLevel);
        expect(Object.keys(row).sort()).toEqual(
          ['createTime', 'projectId', 'projectName', 'queueId', 'queueName', 'status', 'subscribeId', 'subscribeLevel', 'subscribeName'].sort(),
        );
      }
      expect((await post('/subscribe/list', { pageSize: 101 })).body.code).toBe(50005);
    });

    it('should stop at 100 subscriptions with 16018', async () => {
      const meter = productOf(session.sim, 'meter');
      const body = { subscribeName: 'fill', queueName, productKey: meter.productKey, dataLevel: 1, msgTypes: [2] };
      while (session.sim.store.admin.subscriptions().length < 100) expect((await post('/subscribe/create', body)).body.code).toBe(200);
      expect((await post('/subscribe/create', body)).body.code).toBe(16018);
      expect((await post('/subscribe/saas', { subscribeName: 's', queueName, msgTypes: [101] })).body.code).toBe(16018);
    });
  });
});
