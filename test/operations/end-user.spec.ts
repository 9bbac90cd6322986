import { captureLogs } from '../helpers/log-capture';
import { startHarness, type Harness } from '../helpers/harness';

describe('end users and bindings', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const admin = () => h.sim.store.admin;

  it('should list user domains as a connection without their secrets', async () => {
    const { data, errors } = await h.execute<{ userDomains: { totalCount: number; edges: Array<{ node: { domain: string; enabled: boolean } }> } }>(
      '{ userDomains(first: 10) { totalCount edges { cursor node { id domain type remark enabled createdAt updatedAt } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.userDomains.totalCount).toBe(admin().userDomains().length);
    expect(data!.userDomains.edges.map((e) => e.node.domain)).toEqual(
      admin()
        .userDomains()
        .map((d) => d.userDomain),
    );
    const secrets = admin()
      .userDomains()
      .map((d) => d.userDomainSecret);
    expect(JSON.stringify(data)).not.toMatch(new RegExp(secrets.join('|')));
  });

  it('should keep user-domain secrets out of trace-level logs and error responses', async () => {
    const log = captureLogs('trace');
    const traced = await startHarness({ overrides: { logger: log.logger } });
    try {
      await traced.execute('{ userDomains(first: 10) { edges { node { domain } } } }');
      // Twice: 5032 is a token error, so the first one is answered by a new login and one retry (reference §12.15).
      traced.sim.faults.inject('enduser.domainList', { code: 5032, times: 2 });
      const failed = await traced.execute('{ userDomains(first: 10) { edges { node { domain } } } }');
      const secrets = traced.sim.store.admin.userDomains().map((d) => d.userDomainSecret);
      expect(log.lines().length).toBeGreaterThan(0);
      for (const secret of secrets) {
        expect(log.text()).not.toContain(secret);
        expect(JSON.stringify(failed)).not.toContain(secret);
      }
      expect(failed.errors![0].extensions).toEqual({ code: 'UPSTREAM_ERROR', upstream: { code: 5032, msg: 'token verification failed' } });
    } finally {
      await traced.close();
    }
  });

  it('should never name userDomainSecret in the SDL', async () => {
    const { data } = await h.execute<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(data!._service.sdl).toContain('type UserDomain');
    expect(data!._service.sdl).not.toContain('userDomainSecret');
    const type = await h.execute<{ __type: { fields: Array<{ name: string }> } }>('{ __type(name: "UserDomain") { fields { name } } }');
    expect(type.data!.__type.fields.map((f) => f.name).filter((name) => /secret|key|password/i.test(name))).toEqual([]);
  });

  it('should page the users of a domain across upstream pages from PageInfo', async () => {
    const domain = admin().userDomains()[0].userDomain;
    const expected = admin()
      .users(domain)
      .map((u) => u.uid);
    const small = await startHarness({ env: { QUEC_PAGE_SIZE: '3' } });
    try {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: {
          data?: {
            endUsers: {
              totalCount: number;
              edges: Array<{ node: { uid: string; status: string } }>;
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          } | null;
        } = await small.execute(
          'query($d: String!, $a: String) { endUsers(userDomain: $d, first: 4, after: $a) { totalCount edges { node { uid status } } pageInfo { hasNextPage endCursor } } }',
          { d: domain, a: after },
        );
        expect(page.data!.endUsers.totalCount).toBe(expected.length);
        seen.push(...page.data!.endUsers.edges.map((e) => e.node.uid));
        if (!page.data!.endUsers.pageInfo.hasNextPage) break;
        after = page.data!.endUsers.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
      const queries = small.sim.log
        .entries()
        .filter((e) => e.endpoint === 'enduser.domainUserList')
        .map((e) => e.query);
      expect(queries[0]).toEqual({ userDomain: domain, page: '1', pageSize: '3' });
      // Users listed once are not fetched again for their detail fields.
      expect(small.sim.log.count('enduser.userInfo')).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('should answer an unknown user domain with NOT_FOUND', async () => {
    const { errors } = await h.execute('{ endUsers(userDomain: "C.DM.1.9", first: 1) { totalCount } }');
    expect(errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5015 } });
  });

  it("should show a user's devices with their binding role and detail", async () => {
    const binding = admin()
      .bindings()
      .find((b) => b.deviceType === 2)!;
    const { data, errors } = await h.execute<{
      endUser: {
        uid: string;
        devices: { totalCount: number; edges: Array<{ role: string; node: { productKey: string; deviceKey: string; name: string } }> };
      };
    }>(
      'query($u: String!) { endUser(uid: $u) { uid nickname status registeredAt devices(first: 50) { totalCount edges { role boundAt node { productKey deviceKey name } } } } }',
      { u: binding.uid },
    );
    expect(errors).toBeUndefined();
    const edges = data!.endUser.devices.edges;
    expect(data!.endUser.devices.totalCount).toBe(
      admin()
        .bindings()
        .filter((b) => b.uid === binding.uid).length,
    );
    const shared = edges.find((e) => e.node.deviceKey === binding.deviceKey)!;
    expect(shared.role).toBe('SHARED');
    expect(shared.node.name).toBe(h.sim.store.device(binding.productKey, binding.deviceKey)!.deviceName);
  });

  it('should show the users bound to a device', async () => {
    const binding = admin()
      .bindings()
      .find((b) => b.deviceType === 2)!;
    const { data, errors } = await h.execute<{ device: { boundUsers: { edges: Array<{ role: string; node: { uid: string; status: string } }> } } }>(
      'query($p: String!, $d: String!) { device(productKey: $p, deviceKey: $d) { boundUsers(first: 10) { totalCount edges { role node { uid nickname status } } } } }',
      { p: binding.productKey, d: binding.deviceKey },
    );
    expect(errors).toBeUndefined();
    const roles = Object.fromEntries(data!.device.boundUsers.edges.map((e) => [e.node.uid, e.role]));
    expect(roles).toEqual({ [binding.ownerUid!]: 'OWNER', [binding.uid]: 'SHARED' });
    // status is not in bound-user rows, so it is loaded per user on demand.
    for (const edge of data!.device.boundUsers.edges) expect(['ENABLED', 'DISABLED']).toContain(edge.node.status);
  });

  it('should list users with bound devices of a product', async () => {
    const { productKey } = admin().bindings()[0];
    const { data, errors } = await h.execute<{ boundEndUsers: { totalCount: number } }>(
      'query($p: String) { boundEndUsers(productKey: $p, first: 5) { totalCount edges { node { uid } } } }',
      { p: productKey },
    );
    expect(errors).toBeUndefined();
    expect(data!.boundEndUsers.totalCount).toBe(
      new Set(
        admin()
          .bindings()
          .filter((b) => b.productKey === productKey)
          .map((b) => b.uid),
      ).size,
    );
  });

  it('should disable and enable a user idempotently', async () => {
    const uid = admin().users()[0].uid;
    for (const status of ['DISABLED', 'DISABLED', 'ENABLED']) {
      const { data, errors } = await h.execute<{ setEndUserStatus: { status: string } }>(
        'mutation($u: String!, $s: EndUserStatus!) { setEndUserStatus(uid: $u, status: $s) { uid status } }',
        { u: uid, s: status },
      );
      expect(errors).toBeUndefined();
      expect(data!.setEndUserStatus.status).toBe(status);
    }
    expect(
      h.sim.log
        .entries()
        .filter((e) => e.endpoint === 'enduser.setUserStatus')
        .at(-1)!.query,
    ).toEqual({ uid, status: '1' });
  });

  it('should refuse a malformed uid before any upstream call', async () => {
    h.sim.log.clear();
    const { errors } = await h.execute('mutation { setEndUserStatus(uid: "no spaces", status: ENABLED) { uid } }');
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(h.sim.log.count()).toBe(0);
  });

  it('should check binding codes: match, mismatch, never reported', async () => {
    const [reported] = h.sim.store.devices().filter((d) => admin().bindingCode(d.productKey, d.deviceKey));
    const code = admin().bindingCode(reported.productKey, reported.deviceKey)!;
    const check = (deviceKey: string, bindingCode: string) =>
      h.execute<{ bindingCodeCheck: { valid: boolean; reason: string | null } }>(
        'query($p: String!, $d: String!, $c: String!) { bindingCodeCheck(productKey: $p, deviceKey: $d, bindingCode: $c) { valid reason } }',
        { p: reported.productKey, d: deviceKey, c: bindingCode },
      );
    expect((await check(reported.deviceKey, code)).data!.bindingCodeCheck).toEqual({ valid: true, reason: null });
    expect((await check(reported.deviceKey, 'ffffffff0')).data!.bindingCodeCheck).toEqual({
      valid: false,
      reason: 'bindingCode verification failed',
    });
    const silent = h.sim.store.devices(reported.productKey).find((d) => !admin().bindingCode(d.productKey, d.deviceKey))!;
    expect((await check(silent.deviceKey, code)).data!.bindingCodeCheck).toEqual({ valid: false, reason: 'bindingCode not reported' });
    const checked = (await check(reported.deviceKey, 'ffffffff0')).data!.bindingCodeCheck;
    expect(checked.valid).toBe(false);
    const entry = h.sim.log
      .entries()
      .filter((e) => e.endpoint === 'binding.verifyBindingCode')
      .at(-1)!;
    expect(entry).toMatchObject({
      method: 'POST',
      query: { pk: reported.productKey, dk: reported.deviceKey, bindingCode: 'ffffffff0', isBinding: '0' },
    });
  });

  it('should resolve EndUser representations with one upstream call per distinct uid', async () => {
    const [a, b] = admin().users();
    h.sim.log.clear();
    const { data, errors } = await h.execute<{ _entities: Array<{ uid: string; nickname: string } | null> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on EndUser { uid nickname } } }',
      {
        r: [
          { __typename: 'EndUser', uid: a.uid },
          { __typename: 'EndUser', uid: b.uid },
          { __typename: 'EndUser', uid: a.uid },
          { __typename: 'EndUser', uid: 'C0' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { uid: a.uid, nickname: a.nikeName },
      { uid: b.uid, nickname: b.nikeName },
      { uid: a.uid, nickname: a.nikeName },
      null,
    ]);
    expect(h.sim.log.counters()).toEqual({ 'enduser.userInfo': 3 });
  });
});
