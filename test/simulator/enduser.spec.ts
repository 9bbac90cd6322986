import { suiteRulesWith } from '../helpers/strict-profile';
import { productOf } from './support/seed-lookup';
import { signedSession } from './support/signed-session';

const ENDUSER = '/v2/enduser/enterpriseapi';
const BINDING = '/v2/binding/enterpriseapi';

const PAGE_INFO_KEYS = [
  'total',
  'list',
  'pageNum',
  'pageSize',
  'size',
  'startRow',
  'endRow',
  'pages',
  'prePage',
  'nextPage',
  'isFirstPage',
  'isLastPage',
  'hasPreviousPage',
  'hasNextPage',
  'navigatePages',
  'navigatepageNums',
  'navigateFirstPage',
  'navigateLastPage',
].sort();

describe('end users and bindings (§6.7, envelope B)', () => {
  const session = signedSession('');
  const get = (path: string, query: Record<string, string | number> = {}) => session.send('GET', path, { query });

  it('should answer user domains in envelope B with a full PageInfo', async () => {
    const { body } = await get(`${ENDUSER}/entUserDomainList`);
    expect(Object.keys(body).sort()).toEqual(['code', 'data', 'extMsg', 'msg']);
    expect(body).toMatchObject({ code: 200, msg: '', extMsg: null });
    expect(Object.keys(body.data).sort()).toEqual(PAGE_INFO_KEYS);
    const n = session.sim.store.admin.userDomains().length;
    expect(body.data).toMatchObject({
      total: n,
      pageNum: 1,
      pageSize: 10,
      size: n,
      startRow: 1,
      endRow: n,
      pages: 1,
      prePage: 0,
      nextPage: 0,
      isFirstPage: true,
      isLastPage: true,
      hasNextPage: false,
      navigatePages: 8,
      navigatepageNums: [1],
    });
    expect(body.data.list[0]).toHaveProperty('userDomainSecret');
  });

  it('should page with page/pageSize and compute PageInfo neighbours', async () => {
    const domain = session.sim.store.admin.userDomains()[0].userDomain;
    const total = session.sim.store.admin.users(domain).length;
    const { body } = await get(`${ENDUSER}/userDomainUserList`, { userDomain: domain, page: 2, pageSize: 3 });
    expect(body.data).toMatchObject({
      total,
      pageNum: 2,
      pageSize: 3,
      size: 3,
      startRow: 4,
      endRow: 6,
      prePage: 1,
      nextPage: 3,
      hasPreviousPage: true,
      isFirstPage: false,
    });
    const beyond = await get(`${ENDUSER}/userDomainUserList`, { userDomain: domain, page: 99, pageSize: 3 });
    expect(beyond.body.data).toMatchObject({ list: [], size: 0, startRow: 0, endRow: 0, nextPage: 0 });
    expect((await get(`${ENDUSER}/userDomainUserList`, { userDomain: domain, pageSize: 0 })).body.code).toBe(50005);
  });

  it.each([
    [`${ENDUSER}/userDomainUserList`, {}, 5023],
    [`${ENDUSER}/userDomainUserList`, { userDomain: 'C.DM.0.0' }, 5015],
    [`${ENDUSER}/userInfo`, {}, 5065],
    [`${ENDUSER}/userInfo`, { uid: 'C0' }, 5033],
    [`${ENDUSER}/setUserStatus`, { uid: 'C0', status: 1 }, 5033],
    [`${BINDING}/userDeviceList`, { uid: 'C0' }, 5033],
    [`${BINDING}/getUserListByBind`, { pk: 'pNOPE1' }, 5327],
    [`${BINDING}/getUserListByBind`, { uid: 'C0' }, 5370],
    [`${BINDING}/deviceUserList`, {}, 5066],
  ])('should answer %s %j with %i in envelope B', async (path, query, code) => {
    const { body } = await get(path, query);
    expect(body).toEqual({ code, msg: expect.any(String), data: null, extMsg: null });
  });

  it('should refuse a missing or out-of-range user status', async () => {
    const uid = session.sim.store.admin.users()[0].uid;
    expect((await get(`${ENDUSER}/setUserStatus`, { uid })).body.code).toBe(5487);
    expect((await get(`${ENDUSER}/setUserStatus`, { uid, status: 2 })).body.code).toBe(5488);
    expect((await get(`${ENDUSER}/setUserStatus`, { uid, status: 0 })).body).toEqual({ code: 200, msg: '', data: {}, extMsg: null });
    expect(session.sim.store.admin.user(uid)!.status).toBe(0);
  });

  it("should list a user's devices with binding fields", async () => {
    const binding = session.sim.store.admin.bindings()[0];
    const { body } = await get(`${BINDING}/userDeviceList`, { uid: binding.uid });
    const row = body.data.list.find((r: { deviceKey: string }) => r.deviceKey === binding.deviceKey);
    expect(row).toMatchObject({
      productKey: binding.productKey,
      uid: binding.uid,
      deviceType: 1,
      bindStatus: 1,
      deviceBindTimeTs: binding.bindTime,
      deviceBindTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });
  });

  it('should verify binding codes from query parameters of a POST', async () => {
    const device = session.sim.store
      .devices(productOf(session.sim, 'meter').productKey)
      .find((d) => session.sim.store.admin.bindingCode(d.productKey, d.deviceKey))!;
    const code = session.sim.store.admin.bindingCode(device.productKey, device.deviceKey)!;
    const verify = (query: Record<string, string>) => session.send('POST', `${BINDING}/verifyBindingCode`, { query });
    expect((await verify({ pk: device.productKey, dk: device.deviceKey, bindingCode: code })).body).toEqual({
      code: 200,
      msg: '',
      data: 0,
      extMsg: null,
    });
    expect((await verify({ pk: device.productKey, dk: device.deviceKey, bindingCode: `x${code}` })).body.code).toBe(5462);
    expect((await verify({ pk: device.productKey, dk: device.deviceKey, bindingCode: 'bad code!' })).body.code).toBe(5213);
    expect((await verify({ pk: device.productKey, dk: device.deviceKey })).body.code).toBe(5179);
    expect((await verify({ dk: device.deviceKey, bindingCode: code })).body.code).toBe(5066);
  });
});

describe('end-user paging without the strict page-size cap', () => {
  // The refusal of a pageSize above 100; the strict cap cuts it down instead (strict-mode.test.ts).
  const session = signedSession('', { strict: suiteRulesWith({ pageSizeCap: 0 }) });

  it('should answer 50005 for a pageSize above 100', async () => {
    const domain = session.sim.store.admin.userDomains()[0].userDomain;
    const { body } = await session.send('GET', `${ENDUSER}/userDomainUserList`, { query: { userDomain: domain, pageSize: 101 } });
    expect(body.code).toBe(50005);
  });
});
