import { captureLogs } from '../helpers/log-capture';
import { startHarness, type Harness } from '../helpers/harness';

describe('SMS accounts, signatures and templates (inferred endpoints)', () => {
  let h: Harness;
  const log = captureLogs('trace');
  beforeAll(async () => {
    h = await startHarness({ overrides: { logger: log.logger } });
  });
  afterAll(() => h.close());

  const SECRET = 'sms-secret-value-1234567890';

  it('should list accounts, signatures and templates as connections without provider keys', async () => {
    const { data, errors } = await h.execute<{
      smsAccounts: { totalCount: number };
      smsSignatures: { edges: Array<{ node: { approval: string } }> };
      smsTemplates: { edges: Array<{ node: { content: string } }> };
    }>(
      '{ smsAccounts(first: 10) { totalCount edges { node { id name platform enabled createdAt } } } smsSignatures(first: 10) { edges { node { id text approval enabled } } } smsTemplates(first: 10) { edges { node { id name providerTemplateId content approval } } } }',
    );
    expect(errors).toBeUndefined();
    const accounts = h.sim.store.admin.smsAccounts();
    expect(data!.smsAccounts.totalCount).toBe(accounts.length);
    expect(data!.smsSignatures.edges.map((e) => e.node.approval)).toEqual(['APPROVED', 'PENDING', 'REJECTED']);
    const text = JSON.stringify(data);
    for (const a of accounts) {
      expect(text).not.toContain(a.accessSecret);
      expect(text).not.toContain(a.accessKey);
    }
  });

  it('should take provider keys write-only on create and update', async () => {
    const created = await h.execute<{ createSmsAccount: { id: string; name: string; enabled: boolean } }>(
      'mutation($s: String!) { createSmsAccount(input: { name: "Twilio", platform: "twilio", accessKey: "AC123", accessSecret: $s }) { id name enabled } }',
      { s: SECRET },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createSmsAccount.id;
    expect(h.sim.store.admin.smsAccount(Number(id))!.accessSecret).toBe(SECRET);
    const updated = await h.execute(
      'mutation($id: ID!) { updateSmsAccount(input: { id: $id, accessKey: "AC999", accessSecret: "rotated-secret-xyz" }) { id name } }',
      { id },
    );
    expect(updated.errors).toBeUndefined();
    expect(h.sim.store.admin.smsAccount(Number(id))!.accessSecret).toBe('rotated-secret-xyz');
    const { data } = await h.execute<{ _service: { sdl: string } }>('{ _service { sdl } }');
    const type = data!._service.sdl.match(/type SmsAccount \{[^}]*\}/)![0];
    expect(type).not.toMatch(/access|secret|key/i);
    expect(log.text()).not.toContain(SECRET);
    expect(log.text()).not.toContain('rotated-secret-xyz');
  });

  it('should keep a refused secret out of the error', async () => {
    const { errors } = await h.execute(
      'mutation($s: String!) { createSmsAccount(input: { name: "Twilio", platform: "twilio", accessKey: "AC1", accessSecret: $s }) { id } }',
      { s: 'dupe-secret-abcdef' },
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 5201 } });
    expect(JSON.stringify(errors)).not.toContain('dupe-secret-abcdef');
  });

  it('should enable, disable and delete an account', async () => {
    const [account] = h.sim.store.admin.smsAccounts();
    for (const enabled of [false, false, true]) {
      const { data } = await h.execute<{ setSmsAccountEnabled: { enabled: boolean } }>(
        'mutation($id: ID!, $e: Boolean!) { setSmsAccountEnabled(id: $id, enabled: $e) { enabled } }',
        { id: String(account.accountId), e: enabled },
      );
      expect(data!.setSmsAccountEnabled.enabled).toBe(enabled);
    }
    const id = String(account.accountId);
    expect((await h.execute('mutation($id: ID!) { deleteSmsAccount(id: $id) }', { id })).data).toEqual({ deleteSmsAccount: id });
    const again = await h.execute('mutation($id: ID!) { deleteSmsAccount(id: $id) }', { id });
    expect(again.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5188 } });
  });

  it('should validate before any upstream call', async () => {
    h.sim.log.clear();
    const cases = [
      [
        'mutation { createSmsAccount(input: { name: "x", platform: "pigeon", accessKey: "k", accessSecret: "s" }) { id } }',
        'platform must be one of',
      ],
      ['mutation { updateSmsAccount(input: { id: "3101", accessKey: "k" }) { id } }', 'replaced together'],
      ['mutation { updateSmsAccount(input: { id: "3101" }) { id } }', 'Nothing to change'],
      ['mutation { setSmsAccountEnabled(id: "x", enabled: true) { id } }', 'id must be'],
    ];
    for (const [query, message] of cases) {
      const { errors } = await h.execute(query);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(errors![0].message).toContain(message);
    }
    expect(h.sim.log.count()).toBe(0);
  });
});
