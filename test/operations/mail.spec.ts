import { captureLogs } from '../helpers/log-capture';
import { startHarness, type Harness } from '../helpers/harness';

describe('mail accounts (inferred endpoints)', () => {
  let h: Harness;
  const log = captureLogs('trace');
  beforeAll(async () => {
    h = await startHarness({ overrides: { logger: log.logger } });
  });
  afterAll(() => h.close());

  const PASSWORD = 'smtp-password-0987654321';

  it('should list accounts without their passwords', async () => {
    const { data, errors } = await h.execute<{ mailAccounts: { totalCount: number; edges: Array<{ node: { username: string } }> } }>(
      '{ mailAccounts(first: 5) { totalCount edges { node { id name smtpServer smtpPort username senderAddress enabled createdAt } } } }',
    );
    expect(errors).toBeUndefined();
    const [seeded] = h.sim.store.admin.mailAccounts();
    expect(data!.mailAccounts.edges[0].node.username).toBe(seeded.account);
    expect(JSON.stringify(data)).not.toContain(seeded.password);
  });

  it('should take the password write-only and keep it out of SDL, responses and logs', async () => {
    const created = await h.execute<{ createMailAccount: { id: string; smtpPort: number } }>(
      'mutation($p: String!) { createMailAccount(input: { name: "Alerts", smtpServer: "smtp.example.org", smtpPort: 587, username: "alerts", password: $p, senderAddress: "alerts@example.org" }) { id smtpPort } }',
      { p: PASSWORD },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createMailAccount.id;
    expect(h.sim.store.admin.mailAccount(Number(id))!.password).toBe(PASSWORD);
    const updated = await h.execute<{ updateMailAccount: { smtpPort: number } }>(
      'mutation($id: ID!) { updateMailAccount(input: { id: $id, smtpPort: 465, password: "next-password-abc" }) { smtpPort } }',
      { id },
    );
    expect(updated.data!.updateMailAccount.smtpPort).toBe(465);
    const { data } = await h.execute<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(data!._service.sdl.match(/type MailAccount \{[^}]*\}/)![0]).not.toMatch(/password/i);
    expect(log.text()).not.toContain(PASSWORD);
    expect(log.text()).not.toContain('next-password-abc');
    const disabled = await h.execute<{ setMailAccountEnabled: { enabled: boolean } }>(
      'mutation($id: ID!) { setMailAccountEnabled(id: $id, enabled: false) { enabled } }',
      { id },
    );
    expect(disabled.data!.setMailAccountEnabled.enabled).toBe(false);
    expect((await h.execute('mutation($id: ID!) { deleteMailAccount(id: $id) }', { id })).data).toEqual({ deleteMailAccount: id });
    const again = await h.execute('mutation($id: ID!) { deleteMailAccount(id: $id) }', { id });
    expect(again.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5431 } });
  });

  it('should validate before any upstream call', async () => {
    h.sim.log.clear();
    const { errors } = await h.execute(
      'mutation { createMailAccount(input: { name: "x", smtpServer: "smtp.example.org", smtpPort: 70000, username: "u", password: "p", senderAddress: "not-mail" }) { id } }',
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errors![0].message).toMatch(/smtpPort must be 1-65535.*senderAddress must be an e-mail address|senderAddress.*smtpPort/);
    expect(h.sim.log.count()).toBe(0);
  });

  describe('user-domain authorization', () => {
    const authorize = (id: string, userDomains: string[]) =>
      h.execute<{ setMailAccountUserDomains: { authorizedUserDomains: string[] } }>(
        'mutation($id: ID!, $d: [String!]!) { setMailAccountUserDomains(id: $id, userDomains: $d) { authorizedUserDomains } }',
        { id, d: userDomains },
      );

    it('should list the authorized user domains and replace them as a whole', async () => {
      const domains = h.sim.store.admin.userDomains().map((d) => d.userDomain);
      const listed = async () =>
        (
          await h.execute<{ mailAccounts: { edges: Array<{ node: { id: string; authorizedUserDomains: string[] } }> } }>(
            '{ mailAccounts(first: 10) { edges { node { id authorizedUserDomains } } } }',
          )
        ).data!.mailAccounts.edges.find((e) => e.node.id === '4101')!.node.authorizedUserDomains;
      expect(await listed()).toEqual([domains[0]]);
      expect((await authorize('4101', [domains[1], domains[0]])).data!.setMailAccountUserDomains.authorizedUserDomains).toEqual([
        domains[1],
        domains[0],
      ]);
      expect(h.sim.store.admin.mailAccount(4101)!.userDomainList).toEqual([domains[1], domains[0]]);
      expect((await authorize('4101', [])).data!.setMailAccountUserDomains.authorizedUserDomains).toEqual([]);
      expect(await listed()).toEqual([]);
    });

    it('should refuse an unknown user domain as NOT_FOUND and keep the set', async () => {
      const [domain] = h.sim.store.admin.userDomains();
      await authorize('4101', [domain.userDomain]);
      const { errors } = await authorize('4101', ['C.DM.0.404']);
      expect(errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5015 } });
      expect(h.sim.store.admin.mailAccount(4101)!.userDomainList).toEqual([domain.userDomain]);
    });

    it('should answer NOT_FOUND for an unknown account', async () => {
      expect((await authorize('1', [])).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5431 } });
    });

    it.each([
      ['a malformed domain', '4101', ['C.DM/1'], 'userDomain must be'],
      ['a repeated domain', '4101', ['C.DM.1.1', 'C.DM.1.1'], 'must not repeat'],
      ['51 domains', '4101', Array.from({ length: 51 }, (_, i) => `C.DM.1.${i}`), 'at most 50'],
      ['a malformed id', 'abc', [], 'id must be'],
    ])('should refuse %s before any upstream call', async (_label, id, userDomains, message) => {
      h.sim.log.clear();
      const { errors } = await authorize(id, userDomains);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(errors![0].message).toContain(message);
      expect(h.sim.log.count()).toBe(0);
    });
  });
});
