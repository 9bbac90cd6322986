import { captureLogs } from '../helpers/log-capture';
import { WIDE_COST_BUDGET, startHarness, type Harness } from '../helpers/harness';

interface DomainRow {
  domain: string;
  authorizedProducts: { totalCount: number; edges: Array<{ node: { productKey: string; name: string; accessType?: string } }> };
}

describe('user-domain product authorization (inferred endpoints)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: WIDE_COST_BUDGET });
    // Warm the token so the counts below are of business calls only.
    await h.execute('{ products(first: 1) { totalCount } }');
  });
  afterAll(() => h.close());

  const auth = () => h.sim.store.admin.domainAuth;
  const domains = () => h.sim.store.admin.userDomains();
  const consumer = () => domains().find((d) => d.userDomainType === '1')!.userDomain;
  const installer = () => domains().find((d) => d.userDomainType === '2')!.userDomain;
  const keysOf = (userDomain: string) =>
    auth()
      .productAuths({ userDomain })
      .map((a) => a.productKey);
  const productOfType = (accessType: number) => h.sim.store.authorizedProducts().find((p) => p.accessType === accessType)!;

  describe('UserDomain.authorizedProducts', () => {
    it('should list the products of every domain from one call per domain, names from the rows and no product detail call', async () => {
      h.sim.log.clear();
      const { data, errors } = await h.execute<{ userDomains: { edges: Array<{ node: DomainRow }> } }>(
        '{ userDomains(first: 10) { edges { node { domain authorizedProducts(first: 50) { totalCount edges { node { productKey name } } } } } } }',
      );
      expect(errors).toBeUndefined();
      for (const { node } of data!.userDomains.edges) {
        expect(node.authorizedProducts.totalCount).toBe(keysOf(node.domain).length);
        expect(node.authorizedProducts.edges.map((e) => e.node)).toEqual(
          keysOf(node.domain).map((pk) => ({ productKey: pk, name: h.sim.store.product(pk)!.productName })),
        );
      }
      expect(h.sim.log.counters()).toEqual({ 'enduser.domainList': 1, 'enduser.domainProductAuthList': domains().length });
    });

    it('should load fields the rows lack through the product loader, once per distinct product', async () => {
      h.sim.log.clear();
      const { data, errors } = await h.execute<{ userDomains: { edges: Array<{ node: DomainRow }> } }>(
        '{ userDomains(first: 10) { edges { node { domain authorizedProducts(first: 50) { edges { node { productKey accessType } } } } } } }',
      );
      expect(errors).toBeUndefined();
      const distinct = new Set(
        auth()
          .productAuths()
          .map((a) => a.productKey),
      );
      // Gateway products are authorized to both Apps, so distinct < listed: the loader deduplicates them.
      expect(distinct.size).toBeLessThan(auth().productAuths().length);
      expect(h.sim.log.counters()).toEqual({
        'enduser.domainList': 1,
        'enduser.domainProductAuthList': domains().length,
        'product.detail': distinct.size,
      });
      const gateway = data!.userDomains.edges
        .flatMap((e) => e.node.authorizedProducts.edges)
        .find((e) => e.node.productKey === productOfType(1).productKey);
      expect(gateway!.node.accessType).toBe('GATEWAY');
    });

    it('should page across upstream pages', async () => {
      const small = await startHarness({ env: { QUEC_PAGE_SIZE: '2' } });
      try {
        const domain = consumer();
        const seen: string[] = [];
        let after: string | null = null;
        for (;;) {
          const result: {
            data?: {
              userDomains: {
                edges: Array<{
                  node: {
                    domain: string;
                    authorizedProducts: { edges: Array<{ node: { productKey: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
                  };
                }>;
              };
            } | null;
          } = await small.execute(
            'query($after: String) { userDomains(first: 10) { edges { node { domain authorizedProducts(first: 3, after: $after) { edges { node { productKey } } pageInfo { hasNextPage endCursor } } } } } }',
            { after },
          );
          const node = result.data!.userDomains.edges.find((e) => e.node.domain === domain)!.node;
          seen.push(...node.authorizedProducts.edges.map((e) => e.node.productKey));
          if (!node.authorizedProducts.pageInfo.hasNextPage) break;
          after = node.authorizedProducts.pageInfo.endCursor;
        }
        expect(seen).toEqual(small.sim.store.admin.domainAuth.productAuths({ userDomain: domain }).map((a) => a.productKey));
      } finally {
        await small.close();
      }
    });
  });

  describe('Product.authorizedUserDomains', () => {
    it('should list the domains of N products with one call per distinct product, however often a product appears', async () => {
      const products = h.sim.store.authorizedProducts();
      const repeated = products[0].productKey;
      h.sim.log.clear();
      const { data, errors } = await h.execute<{
        products: { edges: Array<{ node: { productKey: string; authorizedUserDomains: Array<{ domain: string; id: string }> } }> };
        a: { authorizedUserDomains: unknown[] };
        b: { authorizedUserDomains: unknown[] };
      }>(
        'query($pk: String!) { products(first: 50) { edges { node { productKey authorizedUserDomains { domain id } } } } a: product(productKey: $pk) { authorizedUserDomains { domain } } b: product(productKey: $pk) { authorizedUserDomains { domain } } }',
        { pk: repeated },
      );
      expect(errors).toBeUndefined();
      const listed = data!.products.edges.map((e) => e.node);
      expect(listed.length).toBe(products.length);
      for (const product of listed) {
        const expected = auth()
          .productAuths({ productKey: product.productKey })
          .map((a) => ({ domain: a.userDomain, id: String(h.sim.store.admin.userDomain(a.userDomain)!.userDomainId) }));
        expect(product.authorizedUserDomains).toEqual(expected);
      }
      expect(data!.a.authorizedUserDomains).toEqual(data!.b.authorizedUserDomains);
      // No entUserDomainList: domain and id come with the rows.
      expect(h.sim.log.count('enduser.productAuthDomainList')).toBe(products.length);
      expect(h.sim.log.count('enduser.domainList')).toBe(0);
      const perProduct = h.sim.log
        .entries()
        .filter((e) => e.endpoint === 'enduser.productAuthDomainList')
        .map((e) => e.query.productKey);
      expect(new Set(perProduct).size).toBe(perProduct.length);
    });

    it('should read the domain list once for every domain field the rows lack', async () => {
      h.sim.log.clear();
      const { data, errors } = await h.execute<{
        products: { edges: Array<{ node: { authorizedUserDomains: Array<{ domain: string; type: string; enabled: boolean }> } }> };
      }>('{ products(first: 50) { edges { node { authorizedUserDomains { domain type enabled remark createdAt } } } } }');
      expect(errors).toBeUndefined();
      const rows = data!.products.edges.flatMap((e) => e.node.authorizedUserDomains);
      expect(rows.length).toBe(auth().productAuths().length);
      for (const row of rows) expect(row).toMatchObject({ type: h.sim.store.admin.userDomain(row.domain)!.userDomainType, enabled: true });
      expect(h.sim.log.count('enduser.domainList')).toBe(1);
    });
  });

  describe('authorize and revoke', () => {
    const authorize =
      'mutation($d: String!, $pk: String!) { authorizeProductToUserDomain(userDomain: $d, productKey: $pk) { domain id type authorizedProducts(first: 50) { edges { node { productKey } } } } }';
    const revoke =
      'mutation($d: String!, $pk: String!) { revokeProductFromUserDomain(userDomain: $d, productKey: $pk) { domain authorizedProducts(first: 50) { totalCount edges { node { productKey } } } } }';

    it('should authorize, treat a repeat as success, revoke, and answer a second revoke NOT_FOUND', async () => {
      const domain = installer();
      const pk = productOfType(0).productKey;
      expect(keysOf(domain)).not.toContain(pk);
      const first = await h.execute<{
        authorizeProductToUserDomain: {
          domain: string;
          id: string;
          type: string;
          authorizedProducts: { edges: Array<{ node: { productKey: string } }> };
        };
      }>(authorize, { d: domain, pk });
      expect(first.errors).toBeUndefined();
      expect(first.data!.authorizeProductToUserDomain).toMatchObject({
        domain,
        id: String(h.sim.store.admin.userDomain(domain)!.userDomainId),
        type: '2',
      });
      expect(first.data!.authorizeProductToUserDomain.authorizedProducts.edges.map((e) => e.node.productKey)).toEqual(keysOf(domain));
      expect(keysOf(domain)).toContain(pk);

      h.sim.log.clear();
      const again = await h.execute(authorize, { d: domain, pk });
      expect(again.errors).toBeUndefined();
      expect(h.sim.log.entries().find((e) => e.endpoint === 'enduser.addDomainProductAuth')!.code).toBe(5227);
      expect(keysOf(domain).filter((k) => k === pk)).toHaveLength(1);

      const revoked = await h.execute<{ revokeProductFromUserDomain: { authorizedProducts: { edges: Array<{ node: { productKey: string } }> } } }>(
        revoke,
        { d: domain, pk },
      );
      expect(revoked.errors).toBeUndefined();
      expect(revoked.data!.revokeProductFromUserDomain.authorizedProducts.edges.map((e) => e.node.productKey)).not.toContain(pk);
      expect(keysOf(domain)).not.toContain(pk);
      const second = await h.execute(revoke, { d: domain, pk });
      expect(second.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5229 } });
    });

    it('should re-read both sides of the authorization after a write in the same operation', async () => {
      const pk = productOfType(0).productKey;
      expect(
        auth()
          .productAuths({ productKey: pk })
          .map((a) => a.userDomain),
      ).toEqual([consumer()]);
      const selection = `authorizedProducts(first: 50) { edges { node { productKey authorizedUserDomains { domain } } } }`;
      type Result = { authorizedProducts: { edges: Array<{ node: { productKey: string; authorizedUserDomains: Array<{ domain: string }> } }> } };
      // `a` repeats an existing authorization and loads the product's domains; `b` adds one, which must show.
      const { data, errors } = await h.execute<{ a: Result; b: Result }>(
        `mutation($c: String!, $i: String!, $pk: String!) { a: authorizeProductToUserDomain(userDomain: $c, productKey: $pk) { ${selection} } b: authorizeProductToUserDomain(userDomain: $i, productKey: $pk) { ${selection} } }`,
        { c: consumer(), i: installer(), pk },
      );
      try {
        expect(errors).toBeUndefined();
        const domainsOf = (result: Result) =>
          result.authorizedProducts.edges.find((e) => e.node.productKey === pk)!.node.authorizedUserDomains.map((d) => d.domain);
        expect(domainsOf(data!.a)).toEqual([consumer()]);
        expect(domainsOf(data!.b)).toEqual([consumer(), installer()]);
      } finally {
        await h.execute(revoke, { d: installer(), pk });
      }
      expect(keysOf(installer())).not.toContain(pk);
    });

    it.each([
      ['a sub-device product for a consumer App', () => ({ d: consumer(), pk: productOfType(2).productKey }), 'BAD_USER_INPUT', 5226],
      ['an unknown user domain', () => ({ d: 'C.DM.0.0', pk: productOfType(0).productKey }), 'NOT_FOUND', 5015],
      ['an unknown product', () => ({ d: consumer(), pk: 'pNOPE1' }), 'NOT_FOUND', 70017],
      [
        'a product not authorized to the SaaS app',
        () => ({ d: consumer(), pk: h.sim.store.products().find((p) => !p.authorized)!.productKey }),
        'FORBIDDEN',
        70089,
      ],
    ])('should refuse %s', async (_case, variables, code, upstream) => {
      const { errors } = await h.execute(authorize, variables());
      expect(errors![0].extensions).toMatchObject({ code, upstream: { code: upstream } });
    });

    it.each([
      [5224, 'BAD_USER_INPUT'],
      [5225, 'BAD_USER_INPUT'],
    ])('should map the user-domain type refusal %i to %s', async (upstream, code) => {
      const domain = h.sim.store.admin.userDomain(installer())!;
      const saved = { type: domain.userDomainType, enable: domain.enable };
      try {
        if (upstream === 5224) domain.userDomainType = '9';
        else domain.enable = false;
        const { errors } = await h.execute(authorize, { d: domain.userDomain, pk: productOfType(0).productKey });
        expect(errors![0].extensions).toMatchObject({ code, upstream: { code: upstream } });
      } finally {
        domain.userDomainType = saved.type;
        domain.enable = saved.enable;
      }
    });

    it('should validate before any upstream call', async () => {
      h.sim.log.clear();
      const cases: Array<[string, Record<string, string>, string]> = [
        [authorize, { d: 'C.DM 1', pk: 'p1' }, 'userDomain must be'],
        [authorize, { d: 'C.DM.1.1', pk: 'p 1' }, 'productKey must be'],
        [revoke, { d: '', pk: 'p1' }, 'userDomain must be'],
        [revoke, { d: 'C.DM.1.1', pk: 'x'.repeat(33) }, 'productKey must be'],
      ];
      for (const [query, variables, message] of cases) {
        const { errors } = await h.execute(query, variables);
        expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
        expect(errors![0].message).toContain(message);
      }
      expect(h.sim.log.count()).toBe(0);
    });
  });
});

describe('third-party login config (inferred endpoints)', () => {
  let h: Harness;
  const log = captureLogs('trace');
  beforeAll(async () => {
    h = await startHarness({ overrides: { logger: log.logger } });
    await h.execute('{ products(first: 1) { totalCount } }');
  });
  afterAll(() => h.close());

  const SECRET = 'tp-secret-value-1234567890';
  const ROTATED = 'tp-rotated-secret-0987654321';
  const auth = () => h.sim.store.admin.domainAuth;
  const domainOfType = (type: string) => h.sim.store.admin.userDomains().find((d) => d.userDomainType === type)!.userDomain;
  const set = 'mutation($input: SetThirdPartyLoginConfigInput!) { setThirdPartyLoginConfig(input: $input) { platform appId createdAt updatedAt } }';
  const remove = 'mutation($d: String!, $p: ThirdPartyLoginPlatform!) { deleteThirdPartyLoginConfig(userDomain: $d, platform: $p) }';

  it('should list the logins of every App without their secrets', async () => {
    h.sim.log.clear();
    const { data, errors } = await h.execute<{
      userDomains: { edges: Array<{ node: { domain: string; thirdPartyLogins: Array<{ platform: string; appId: string; createdAt: Date }> } }> };
    }>('{ userDomains(first: 10) { edges { node { domain thirdPartyLogins { platform appId createdAt updatedAt } } } } }');
    expect(errors).toBeUndefined();
    for (const { node } of data!.userDomains.edges) {
      const stored = auth().thirdPartyConfigs(node.domain);
      expect(node.thirdPartyLogins).toEqual(
        stored.map((c) => ({
          platform: c.platform.toUpperCase(),
          appId: c.appId,
          createdAt: new Date(c.createTime),
          updatedAt: new Date(c.updateTime),
        })),
      );
      for (const c of stored) expect(JSON.stringify(data)).not.toContain(c.appSecret);
    }
    expect(data!.userDomains.edges.flatMap((e) => e.node.thirdPartyLogins).length).toBeGreaterThan(0);
    expect(h.sim.log.counters()).toEqual({ 'enduser.domainList': 1, 'enduser.getThirdpartyConfig': h.sim.store.admin.userDomains().length });
  });

  it('should drop the appSecret in the datasource, before anything can keep it', async () => {
    const domain = domainOfType('1');
    const rows = await h.app.createContext().apis.thirdPartyLogins.listConfigs(domain);
    expect(rows.length).toBe(auth().thirdPartyConfigs(domain).length);
    for (const row of rows) expect(Object.keys(row)).not.toContain('appSecret');
  });

  it('should add a config with a write-only secret, then replace it in place', async () => {
    const domain = domainOfType('2');
    const created = await h.execute<{ setThirdPartyLoginConfig: { platform: string; appId: string; createdAt: string } }>(set, {
      input: { userDomain: domain, platform: 'ALIPAY', appId: '2021000', appSecret: SECRET },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.setThirdPartyLoginConfig).toMatchObject({ platform: 'ALIPAY', appId: '2021000' });
    expect(auth().thirdPartyConfig(domain, 'alipay')!.appSecret).toBe(SECRET);

    const replaced = await h.execute<{ setThirdPartyLoginConfig: { platform: string; appId: string; createdAt: string } }>(set, {
      input: { userDomain: domain, platform: 'ALIPAY', appId: '2021001', appSecret: ROTATED },
    });
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data!.setThirdPartyLoginConfig).toEqual({
      ...created.data!.setThirdPartyLoginConfig,
      appId: '2021001',
      updatedAt: expect.any(Date),
    });
    expect(
      auth()
        .thirdPartyConfigs(domain)
        .filter((c) => c.platform === 'alipay'),
    ).toHaveLength(1);
    expect(auth().thirdPartyConfig(domain, 'alipay')!.appSecret).toBe(ROTATED);

    const text = JSON.stringify([created, replaced]);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(ROTATED);
    expect(log.lines().length).toBeGreaterThan(0);
    expect(log.text()).not.toContain(SECRET);
    expect(log.text()).not.toContain(ROTATED);
  });

  it('should delete a configured platform once and answer a second delete NOT_FOUND without calling delete', async () => {
    const domain = domainOfType('2');
    expect(auth().thirdPartyConfig(domain, 'google')).toBeDefined();
    h.sim.log.clear();
    expect((await h.execute(remove, { d: domain, p: 'GOOGLE' })).data).toEqual({ deleteThirdPartyLoginConfig: 'GOOGLE' });
    expect(h.sim.log.counters()).toEqual({ 'enduser.getThirdpartyConfig': 1, 'enduser.deleteThirdpartyConfig': 1 });
    expect(auth().thirdPartyConfig(domain, 'google')).toBeUndefined();
    h.sim.log.clear();
    const again = await h.execute(remove, { d: domain, p: 'GOOGLE' });
    expect(again.errors![0].extensions).toEqual({ code: 'NOT_FOUND' });
    expect(h.sim.log.count('enduser.deleteThirdpartyConfig')).toBe(0);
  });

  it.each([
    ['an unknown App', { userDomain: 'C.DM.0.0', platform: 'WECHAT' }, undefined, 'NOT_FOUND', 5015],
    ['a platform upstream does not support', { userDomain: 'C.DM.1.1', platform: 'WECHAT' }, 5363, 'BAD_USER_INPUT', 5363],
    ['an upstream "platform missing" answer', { userDomain: 'C.DM.1.1', platform: 'WECHAT' }, 5362, 'BAD_USER_INPUT', 5362],
  ])('should keep the secret out of the error for %s', async (_case, input, fault, code, upstream) => {
    if (fault !== undefined) h.sim.faults.inject('enduser.addThirdpartyConfig', { code: fault });
    const leaked = `leak-${upstream}-secret-abcdef`;
    const userDomain = input.userDomain === 'C.DM.1.1' ? domainOfType('1') : input.userDomain;
    const { errors } = await h.execute(set, { input: { ...input, userDomain, appId: 'wx1', appSecret: leaked } });
    expect(errors![0].extensions).toMatchObject({ code, upstream: { code: upstream } });
    expect(JSON.stringify(errors)).not.toContain(leaked);
    expect(log.text()).not.toContain(leaked);
  });

  it('should never name a secret in an output type of the SDL', async () => {
    const { data } = await h.execute<{ _service: { sdl: string } }>('{ _service { sdl } }');
    const sdl = data!._service.sdl;
    // Field definitions only (descriptions may say "secret" when they explain that it is write-only).
    const secretField = /^\s+\w*secret\w*\s*[:(]/im;
    expect(sdl).toMatch(/input SetThirdPartyLoginConfigInput \{[^}]*\n\s+appSecret: String!/);
    const outputTypes = sdl.match(/^type \w+[^{]*\{[^}]*\}/gm)!;
    expect(outputTypes.length).toBeGreaterThan(10);
    expect(outputTypes.filter((t) => secretField.test(t))).toEqual([]);
    const type = await h.execute<{ __type: { fields: Array<{ name: string }> } }>('{ __type(name: "ThirdPartyLoginConfig") { fields { name } } }');
    expect(type.data!.__type.fields.map((f) => f.name)).toEqual(['platform', 'appId', 'createdAt', 'updatedAt']);
  });

  it('should validate before any upstream call', async () => {
    h.sim.log.clear();
    const domain = domainOfType('1');
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [set, { input: { userDomain: domain, platform: 'OTHER', appId: 'a', appSecret: 's' } }, 'platform must be one of'],
      [set, { input: { userDomain: 'C.DM 1', platform: 'WECHAT', appId: 'a', appSecret: 's' } }, 'userDomain must be'],
      [set, { input: { userDomain: domain, platform: 'WECHAT', appId: 'a b', appSecret: 's' } }, 'appId must be'],
      [set, { input: { userDomain: domain, platform: 'WECHAT', appId: 'x'.repeat(129), appSecret: 's' } }, 'appId must be'],
      [set, { input: { userDomain: domain, platform: 'WECHAT', appId: 'a', appSecret: '' } }, 'appSecret must'],
      [set, { input: { userDomain: domain, platform: 'WECHAT', appId: 'a', appSecret: `${SECRET} with spaces` } }, 'appSecret must'],
      [set, { input: { userDomain: domain, platform: 'WECHAT', appId: 'a', appSecret: SECRET.repeat(20) } }, 'appSecret must'],
      [remove, { d: domain, p: 'OTHER' }, 'platform must be one of'],
      [remove, { d: 'C.DM 1', p: 'WECHAT' }, 'userDomain must be'],
    ];
    for (const [query, variables, message] of cases) {
      const { errors } = await h.execute(query, variables);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(errors![0].message).toContain(message);
      expect(JSON.stringify(errors)).not.toContain(SECRET);
    }
    expect(h.sim.log.count()).toBe(0);
  });
});
