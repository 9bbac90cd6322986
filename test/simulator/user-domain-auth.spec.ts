import { productOf } from './support/seed-lookup';
import { signedSession } from './support/signed-session';

const ENDUSER = '/v2/enduser/enterpriseapi';

describe('user-domain product authorization and third-party login (§11.8, inferred)', () => {
  const session = signedSession(ENDUSER);
  const send = (method: string, path: string, body?: unknown, query: Record<string, string | number> = {}) =>
    session.send(method, path, { query, body });
  const consumer = () => session.sim.store.admin.userDomains().find((d) => d.userDomainType === '1')!;
  const installer = () => session.sim.store.admin.userDomains().find((d) => d.userDomainType === '2')!;
  const keysOf = (domain: string) => session.sim.store.admin.domainAuth.productAuths({ userDomain: domain }).map((a) => a.productKey);

  describe('seed', () => {
    it('should authorize direct and gateway products to the consumer App and gateways and sub-devices to the installer App', () => {
      const authorized = session.sim.store.authorizedProducts();
      const ofTypes = (types: number[]) =>
        authorized
          .filter((p) => types.includes(p.accessType))
          .map((p) => p.productKey)
          .sort();
      expect([...keysOf(consumer().userDomain)].sort()).toEqual(ofTypes([0, 1]));
      expect([...keysOf(installer().userDomain)].sort()).toEqual(ofTypes([1, 2]));
      const unauthorized = session.sim.store
        .products()
        .filter((p) => !p.authorized)
        .map((p) => p.productKey);
      expect(unauthorized.length).toBeGreaterThan(0);
      expect(session.sim.store.admin.domainAuth.productAuths().filter((a) => unauthorized.includes(a.productKey))).toEqual([]);
    });

    it('should configure WeChat and Apple login for the consumer App and Google for the installer App', () => {
      expect(
        session.sim.store.admin.domainAuth
          .thirdPartyConfigs(consumer().userDomain)
          .map((c) => c.platform)
          .sort(),
      ).toEqual(['apple', 'wechat']);
      expect(session.sim.store.admin.domainAuth.thirdPartyConfigs(installer().userDomain).map((c) => c.platform)).toEqual(['google']);
    });
  });

  describe('product authorization', () => {
    it('should list the products of a user domain in a PageInfo, oldest authorization first', async () => {
      const domain = consumer().userDomain;
      const auths = session.sim.store.admin.domainAuth.productAuths({ userDomain: domain });
      const { body } = await send('GET', '/userDomainProductAuthList', undefined, { userDomain: domain, page: 1, pageSize: 2 });
      expect(body).toMatchObject({
        code: 200,
        msg: '',
        extMsg: null,
        data: { total: auths.length, pageNum: 1, pageSize: 2, size: 2, hasNextPage: true },
      });
      const first = session.sim.store.product(auths[0].productKey)!;
      expect(body.data.list[0]).toEqual({
        productId: first.productId,
        productKey: first.productKey,
        productName: first.productName,
        authTime: auths[0].authTime,
      });
      expect(body.data.list[1].productKey).toBe(auths[1].productKey);
    });

    it('should list the user domains of a product', async () => {
      const gateway = productOf(session.sim, 'cellular-gateway');
      const { body } = await send('GET', '/productAuthUserDomainList', undefined, { productKey: gateway.productKey });
      expect(body.data.total).toBe(2);
      expect(body.data.list.map((r: { userDomain: string }) => r.userDomain).sort()).toEqual([consumer().userDomain, installer().userDomain].sort());
      expect(body.data.list[0]).toEqual({ userDomainId: expect.any(Number), userDomain: expect.any(String), authTime: expect.any(Number) });
    });

    it.each([
      ['GET', '/userDomainProductAuthList', {}, 5023],
      ['GET', '/userDomainProductAuthList', { userDomain: 'C.DM.0.0' }, 5015],
      ['GET', '/productAuthUserDomainList', {}, 5066],
      ['GET', '/productAuthUserDomainList', { productKey: 'pNOPE1' }, 70017],
      ['DELETE', '/deleteUserDomainProductAuth', { productKey: 'pNOPE1' }, 5023],
      ['DELETE', '/deleteUserDomainProductAuth', { userDomain: 'C.DM.0.0' }, 5066],
      ['DELETE', '/deleteUserDomainProductAuth', { userDomain: 'C.DM.0.0', productKey: 'pNOPE1' }, 5015],
    ])('should answer %s %s %j with %i in envelope B', async (method, path, query, code) => {
      expect((await send(method, path, undefined, query)).body).toEqual({ code, msg: expect.any(String), data: null, extMsg: null });
    });

    it('should refuse products that do not exist or are not authorized to the SaaS app', async () => {
      const unauthorized = session.sim.store.products().find((p) => !p.authorized)!;
      const domain = installer().userDomain;
      expect((await send('POST', '/addUserDomainProductAuth', { userDomain: domain, productKey: 'pNOPE1' })).body.code).toBe(70017);
      expect((await send('POST', '/addUserDomainProductAuth', { userDomain: domain, productKey: unauthorized.productKey })).body.code).toBe(70089);
      expect((await send('GET', '/productAuthUserDomainList', undefined, { productKey: unauthorized.productKey })).body.code).toBe(70089);
      expect((await send('DELETE', '/deleteUserDomainProductAuth', undefined, { userDomain: domain, productKey: 'pNOPE1' })).body.code).toBe(70017);
    });

    it.each([
      [{}, 5023],
      [{ userDomain: 'C.DM.1.1' }, 5066],
      [{ userDomain: 'C.DM.0.0', productKey: 'pNOPE1' }, 5015],
      [{ userDomain: 7, productKey: 'p1' }, 50005],
    ])('should refuse the authorization %j with %i', async (request, code) => {
      expect((await send('POST', '/addUserDomainProductAuth', request)).body.code).toBe(code);
    });

    it('should authorize once, refuse a repeat with 5227, revoke once and refuse a second revoke with 5229', async () => {
      const domain = installer().userDomain;
      const plug = productOf(session.sim, 'plug');
      expect(keysOf(domain)).not.toContain(plug.productKey);
      const request = { userDomain: domain, productKey: plug.productKey };
      expect((await send('POST', '/addUserDomainProductAuth', request)).body).toEqual({ code: 200, msg: '', data: {}, extMsg: null });
      expect(keysOf(domain).at(-1)).toBe(plug.productKey);
      expect((await send('POST', '/addUserDomainProductAuth', request)).body.code).toBe(5227);
      expect((await send('DELETE', '/deleteUserDomainProductAuth', undefined, request)).body).toEqual({ code: 200, msg: '', data: {}, extMsg: null });
      expect(keysOf(domain)).not.toContain(plug.productKey);
      expect((await send('DELETE', '/deleteUserDomainProductAuth', undefined, request)).body.code).toBe(5229);
    });

    it('should refuse a sub-device product for a consumer App with 5226', async () => {
      const subDevice = session.sim.store.authorizedProducts().find((p) => p.accessType === 2)!;
      const { body } = await send('POST', '/addUserDomainProductAuth', { userDomain: consumer().userDomain, productKey: subDevice.productKey });
      expect(body.code).toBe(5226);
      expect(keysOf(consumer().userDomain)).not.toContain(subDevice.productKey);
    });

    it('should refuse user domains of another type with 5224 and disabled ones with 5225', async () => {
      const domain = installer();
      const request = { userDomain: domain.userDomain, productKey: productOf(session.sim, 'plug').productKey };
      try {
        domain.enable = false;
        expect((await send('POST', '/addUserDomainProductAuth', request)).body.code).toBe(5225);
        domain.userDomainType = '9';
        expect((await send('POST', '/addUserDomainProductAuth', request)).body.code).toBe(5224);
      } finally {
        domain.enable = true;
        domain.userDomainType = '2';
      }
      expect(keysOf(domain.userDomain)).not.toContain(request.productKey);
    });
  });

  describe('third-party login config', () => {
    it('should answer the configs of an App as an array, secrets included as upstream hands them back', async () => {
      const domain = consumer().userDomain;
      const { body } = await send('GET', '/getEnterpriseThirdpartyConfig', undefined, { userDomain: domain });
      expect(body).toMatchObject({ code: 200, msg: '', extMsg: null });
      expect(body.data).toEqual(session.sim.store.admin.domainAuth.thirdPartyConfigs(domain).map((c) => ({ ...c })));
      expect(body.data[0].appSecret).toMatch(/^tps_/);
      const filtered = await send('GET', '/getEnterpriseThirdpartyConfig', undefined, { userDomain: domain, platform: 'apple' });
      expect(filtered.body.data.map((c: { platform: string }) => c.platform)).toEqual(['apple']);
    });

    it('should add, replace in place (keeping createTime) and delete a config', async () => {
      const domain = installer().userDomain;
      const add = (appId: string, appSecret: string) =>
        send('POST', '/addEnterpriseThirdpartyConfig', { userDomain: domain, platform: 'alipay', appId, appSecret });
      expect((await add('2021000', 'first-secret')).body).toEqual({ code: 200, msg: '', data: {}, extMsg: null });
      const created = { ...session.sim.store.admin.domainAuth.thirdPartyConfig(domain, 'alipay')! };
      expect(created).toMatchObject({ appId: '2021000', appSecret: 'first-secret' });
      expect((await add('2021001', 'second-secret')).body.code).toBe(200);
      expect(session.sim.store.admin.domainAuth.thirdPartyConfigs(domain).filter((c) => c.platform === 'alipay')).toEqual([
        { ...created, appId: '2021001', appSecret: 'second-secret', updateTime: expect.any(Number) },
      ]);
      const remove = () => send('DELETE', '/deleteEnterpriseThirdpartyConfig', undefined, { userDomain: domain, platform: 'alipay' });
      expect((await remove()).body).toEqual({ code: 200, msg: '', data: {}, extMsg: null });
      expect(session.sim.store.admin.domainAuth.thirdPartyConfig(domain, 'alipay')).toBeUndefined();
      expect((await remove()).body.code).toBe(200);
    });

    const full = { userDomain: 'C.DM.0.0', platform: 'wechat', appId: 'wx1', appSecret: 's' };
    it.each([
      [{ ...full, userDomain: undefined }, 5023],
      [{ ...full, platform: undefined }, 5362],
      [{ ...full, platform: '' }, 5362],
      [{ ...full, platform: 'myspace' }, 5363],
      [{ ...full, appId: undefined }, 50004],
      [{ ...full, appSecret: '' }, 50004],
      [full, 5015],
    ])('should refuse the config %j with %i', async (request, code) => {
      expect((await send('POST', '/addEnterpriseThirdpartyConfig', request)).body).toEqual({
        code,
        msg: expect.any(String),
        data: null,
        extMsg: null,
      });
    });

    it.each([
      ['GET', {}, 5023],
      ['GET', { userDomain: 'C.DM.0.0' }, 5015],
      ['DELETE', { platform: 'wechat' }, 5023],
      ['DELETE', { userDomain: 'C.DM.1.1' }, 5362],
      ['DELETE', { userDomain: 'C.DM.1.1', platform: 'myspace' }, 5363],
      ['DELETE', { userDomain: 'C.DM.0.0', platform: 'wechat' }, 5015],
    ])('should answer %s %j with %i', async (method, query, code) => {
      const path = method === 'GET' ? '/getEnterpriseThirdpartyConfig' : '/deleteEnterpriseThirdpartyConfig';
      expect((await send(method, path, undefined, query)).body.code).toBe(code);
    });
  });
});
