import { startHarness, type Harness } from '../helpers/harness';

const SIGNATURE = 'id text approval enabled authorizedUserDomains';
const TEMPLATE = 'id name providerTemplateId content approval enabled authorizedUserDomains';

interface Signature {
  id: string;
  text: string;
  approval: string;
  enabled: boolean;
  authorizedUserDomains: string[];
}

describe('SMS signature and template writes (inferred endpoints)', () => {
  let h: Harness;
  let domains: string[];
  beforeAll(async () => {
    h = await startHarness();
    domains = h.sim.store.admin.userDomains().map((d) => d.userDomain);
  });
  afterAll(() => h.close());

  /** Runs a mutation that must fail and returns the first error's extensions. */
  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    const { data, errors } = await h.execute(query, variables);
    expect(data ?? null).toBeNull();
    return { message: errors![0].message, extensions: errors![0].extensions };
  };

  describe('signatures', () => {
    /** A signature of the test's own, so a test that changes one also passes when it runs alone (`-t`). */
    const ownSignature = async (text: string) => {
      const { data, errors } = await h.execute<{ createSmsSignature: { id: string } }>(
        'mutation($t: String!) { createSmsSignature(input: { text: $t }) { id } }',
        { t: text },
      );
      expect(errors).toBeUndefined();
      return data!.createSmsSignature.id;
    };

    it('should show the seeded authorizations on the list', async () => {
      const { data } = await h.execute<{ smsSignatures: { edges: Array<{ node: Signature }> } }>(
        `{ smsSignatures(first: 10) { edges { node { ${SIGNATURE} } } } }`,
      );
      expect(data!.smsSignatures.edges[0].node).toEqual({
        id: 'C1',
        text: 'Acme IoT',
        approval: 'APPROVED',
        enabled: true,
        authorizedUserDomains: domains,
      });
    });

    it('should create a signature PENDING and enabled with one add call and one list re-read', async () => {
      h.sim.log.clear();
      const { data, errors } = await h.execute<{ createSmsSignature: Signature }>(
        `mutation { createSmsSignature(input: { text: "Acme Home" }) { ${SIGNATURE} } }`,
      );
      expect(errors).toBeUndefined();
      expect(data!.createSmsSignature).toEqual({ id: 'C4', text: 'Acme Home', approval: 'PENDING', enabled: true, authorizedUserDomains: [] });
      expect(h.sim.log.counters()).toEqual({ 'sms.addSign': 1, 'sms.signList': 1 });
      expect(h.sim.log.entries()[0].body).toEqual({ signName: 'Acme Home' });
      expect(h.sim.store.admin.smsSign('C4')).toMatchObject({ signName: 'Acme Home', status: 0 });
    });

    it('should refuse a duplicate text as BAD_USER_INPUT (upstream 5193)', async () => {
      const { extensions } = await refusal('mutation { createSmsSignature(input: { text: "Acme IoT" }) { id } }');
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 5193 } });
    });

    it('should disable and enable a signature, the same value twice giving the same result', async () => {
      const id = await ownSignature('Acme Toggle');
      for (const enabled of [false, false, true]) {
        const { data, errors } = await h.execute<{ setSmsSignatureEnabled: Signature }>(
          'mutation($id: ID!, $e: Boolean!) { setSmsSignatureEnabled(id: $id, enabled: $e) { id enabled } }',
          { id, e: enabled },
        );
        expect(errors).toBeUndefined();
        expect(data!.setSmsSignatureEnabled).toEqual({ id, enabled });
        expect(h.sim.store.admin.smsSign(id)!.enabled).toBe(enabled ? 1 : 0);
      }
    });

    it('should refuse to enable a REJECTED signature (upstream 5197)', async () => {
      const { extensions } = await refusal('mutation { setSmsSignatureEnabled(id: "C3", enabled: true) { id } }');
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 5197 } });
      expect(h.sim.store.admin.smsSign('C3')!.enabled).toBe(0);
    });

    it('should replace the authorized user domains and revoke them all with an empty list', async () => {
      const id = await ownSignature('Acme Domains');
      const set = (list: string[]) =>
        h.execute<{ setSmsSignatureUserDomains: Signature }>(
          'mutation($id: ID!, $d: [String!]!) { setSmsSignatureUserDomains(id: $id, userDomains: $d) { id authorizedUserDomains } }',
          { id, d: list },
        );
      const [first, second] = domains;
      expect((await set([second, first])).data!.setSmsSignatureUserDomains).toEqual({ id, authorizedUserDomains: [second, first] });
      expect(h.sim.log.entries().at(-2)!.body).toEqual({ ssid: id, userDomainList: [second, first] });
      expect((await set([first])).data!.setSmsSignatureUserDomains.authorizedUserDomains).toEqual([first]);
      expect((await set([])).data!.setSmsSignatureUserDomains.authorizedUserDomains).toEqual([]);
      expect(h.sim.store.admin.smsSign(id)!.userDomainList).toEqual([]);
    });

    it('should refuse an unknown user domain as NOT_FOUND (upstream 5015) and keep the old set', async () => {
      const { extensions } = await refusal('mutation { setSmsSignatureUserDomains(id: "C1", userDomains: ["C.DM.0.404"]) { id } }');
      expect(extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5015 } });
      expect(h.sim.store.admin.smsSign('C1')!.userDomainList).toEqual(domains);
    });

    it('should delete a signature once; a second delete and later writes are NOT_FOUND (upstream 5196)', async () => {
      const id = await ownSignature('Acme Gone');
      expect((await h.execute('mutation($id: ID!) { deleteSmsSignature(id: $id) }', { id })).data).toEqual({ deleteSmsSignature: id });
      expect(h.sim.store.admin.smsSign(id)).toBeUndefined();
      for (const query of [
        'mutation($id: ID!) { deleteSmsSignature(id: $id) }',
        'mutation($id: ID!) { setSmsSignatureEnabled(id: $id, enabled: true) { id } }',
        'mutation($id: ID!) { setSmsSignatureUserDomains(id: $id, userDomains: []) { id } }',
      ]) {
        expect((await refusal(query, { id })).extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5196 } });
      }
    });

    it.each([
      ['mutation { createSmsSignature(input: { text: "A" }) { id } }', 'at least 2 characters'],
      ['mutation { createSmsSignature(input: { text: "Thirteen char" }) { id } }', 'at most 12 characters'],
      ['mutation { createSmsSignature(input: { text: "    " }) { id } }', 'must not be blank'],
      ['mutation { setSmsSignatureEnabled(id: "C 1", enabled: true) { id } }', 'id must be'],
      ['mutation { deleteSmsSignature(id: "") }', 'id must be'],
      ['mutation { setSmsSignatureUserDomains(id: "C1", userDomains: ["bad domain!"]) { id } }', 'userDomain must be'],
      ['mutation { setSmsSignatureUserDomains(id: "C1", userDomains: ["C.DM.1.1", "C.DM.1.1"]) { id } }', 'must not repeat'],
    ])('should refuse %s before any upstream call', async (query, message) => {
      h.sim.log.clear();
      const refused = await refusal(query);
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(refused.message).toContain(message);
      expect(h.sim.log.count()).toBe(0);
    });

    it('should refuse more than 50 user domains before any upstream call', async () => {
      h.sim.log.clear();
      const list = Array.from({ length: 51 }, (_, i) => `C.DM.1.${i}`);
      const refused = await refusal('mutation($d: [String!]!) { setSmsSignatureUserDomains(id: "C1", userDomains: $d) { id } }', { d: list });
      expect(refused).toMatchObject({ message: expect.stringContaining('at most 50'), extensions: { code: 'BAD_USER_INPUT' } });
      expect(h.sim.log.count()).toBe(0);
    });
  });

  describe('templates', () => {
    const create = `mutation($c: String!) { createSmsTemplate(input: { name: "Reset code", providerTemplateId: "SMS_3001", content: $c }) { ${TEMPLATE} } }`;
    /** A template of the test's own, so a test that changes one also passes when it runs alone (`-t`). */
    const ownTemplate = async () => {
      const { data, errors } = await h.execute<{ createSmsTemplate: { id: string } }>(create, { c: 'Code ${code}' });
      expect(errors).toBeUndefined();
      return data!.createSmsTemplate.id;
    };

    it('should show the seeded authorizations on the list', async () => {
      const { data } = await h.execute<{ smsTemplates: { edges: Array<{ node: { id: string; authorizedUserDomains: string[] } }> } }>(
        '{ smsTemplates(first: 10) { edges { node { id authorizedUserDomains } } } }',
      );
      expect(data!.smsTemplates.edges.map((e) => e.node)).toEqual([
        { id: 'C1', authorizedUserDomains: [domains[0]] },
        { id: 'C2', authorizedUserDomains: [] },
      ]);
    });

    it('should create a template PENDING and enabled, sending the upstream field names', async () => {
      h.sim.log.clear();
      const { data, errors } = await h.execute<{ createSmsTemplate: Record<string, unknown> }>(create, { c: 'Reset with ${code}' });
      expect(errors).toBeUndefined();
      expect(data!.createSmsTemplate).toEqual({
        id: 'C3',
        name: 'Reset code',
        providerTemplateId: 'SMS_3001',
        content: 'Reset with ${code}',
        approval: 'PENDING',
        enabled: true,
        authorizedUserDomains: [],
      });
      expect(h.sim.log.entries()[0]).toMatchObject({
        endpoint: 'sms.addTemplate',
        body: { templateName: 'Reset code', thirdTemplateId: 'SMS_3001', content: 'Reset with ${code}' },
      });
    });

    it('should disable and enable a template, and refuse to enable a REJECTED one (upstream 5199)', async () => {
      const id = await ownTemplate();
      for (const enabled of [false, true, true]) {
        const { data } = await h.execute<{ setSmsTemplateEnabled: { enabled: boolean } }>(
          'mutation($id: ID!, $e: Boolean!) { setSmsTemplateEnabled(id: $id, enabled: $e) { enabled } }',
          { id, e: enabled },
        );
        expect(data!.setSmsTemplateEnabled.enabled).toBe(enabled);
      }
      const { extensions } = await refusal('mutation { setSmsTemplateEnabled(id: "C2", enabled: true) { id } }');
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 5199 } });
    });

    it('should replace the authorized user domains, and refuse an unknown one as NOT_FOUND (upstream 5015)', async () => {
      const id = await ownTemplate();
      const { data } = await h.execute<{ setSmsTemplateUserDomains: { authorizedUserDomains: string[] } }>(
        'mutation($id: ID!, $d: [String!]!) { setSmsTemplateUserDomains(id: $id, userDomains: $d) { authorizedUserDomains } }',
        { id, d: domains },
      );
      expect(data!.setSmsTemplateUserDomains.authorizedUserDomains).toEqual(domains);
      const { extensions } = await refusal('mutation($id: ID!) { setSmsTemplateUserDomains(id: $id, userDomains: ["C.DM.0.404"]) { id } }', {
        id,
      });
      expect(extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5015 } });
      expect(h.sim.store.admin.smsTemplate(id)!.userDomainList).toEqual(domains);
    });

    it('should delete a template once; a second delete is NOT_FOUND (upstream 5198)', async () => {
      const id = await ownTemplate();
      const remove = 'mutation($id: ID!) { deleteSmsTemplate(id: $id) }';
      expect((await h.execute(remove, { id })).data).toEqual({ deleteSmsTemplate: id });
      expect(h.sim.store.admin.smsTemplate(id)).toBeUndefined();
      expect((await refusal(remove, { id })).extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5198 } });
    });

    it.each([
      ['mutation { createSmsTemplate(input: { name: "", providerTemplateId: "SMS_1", content: "c" }) { id } }', 'name must not be empty'],
      ['mutation { createSmsTemplate(input: { name: "n", providerTemplateId: "", content: "c" }) { id } }', 'providerTemplateId must be'],
      ['mutation { createSmsTemplate(input: { name: "n", providerTemplateId: "SMS 1", content: "c" }) { id } }', 'providerTemplateId must be'],
      ['mutation { createSmsTemplate(input: { name: "n", providerTemplateId: "SMS_1", content: "" }) { id } }', 'content must not be empty'],
      [
        `mutation { createSmsTemplate(input: { name: "n", providerTemplateId: "SMS_1", content: "${'x'.repeat(501)}" }) { id } }`,
        'at most 500 characters',
      ],
      ['mutation { setSmsTemplateEnabled(id: "C/1", enabled: true) { id } }', 'id must be'],
      ['mutation { deleteSmsTemplate(id: "C1;") }', 'id must be'],
      ['mutation { setSmsTemplateUserDomains(id: "C1", userDomains: ["C.DM.1.1", "C.DM.1.1"]) { id } }', 'must not repeat'],
    ])('should refuse %s before any upstream call', async (query, message) => {
      h.sim.log.clear();
      const refused = await refusal(query);
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(refused.message).toContain(message);
      expect(h.sim.log.count()).toBe(0);
    });

    it('should accept content of exactly 500 characters', async () => {
      const { data, errors } = await h.execute<{ createSmsTemplate: { content: string } }>(create, { c: '短'.repeat(500) });
      expect(errors).toBeUndefined();
      expect(data!.createSmsTemplate.content).toHaveLength(500);
    });
  });
});
