import { startHarness, type Harness } from '../helpers/harness';

interface TemplateNode {
  id: string;
  name: string;
  type: string | null;
  subject: string | null;
  review: string;
  reviewNote: string | null;
  enabled: boolean;
  authorizedUserDomains: string[];
  content?: string | null;
}

const FIELDS = 'id name type subject review reviewNote enabled authorizedUserDomains createdAt updatedAt';

describe('mail templates (inferred endpoints)', () => {
  let h: Harness;
  let domains: string[];
  beforeAll(async () => {
    h = await startHarness();
    domains = h.sim.store.admin.userDomains().map((d) => d.userDomain);
  });
  afterAll(() => h.close());

  /** Business calls since the last clear, by endpoint; the service's own login is not one. */
  const businessCalls = () => Object.fromEntries(Object.entries(h.sim.log.counters()).filter(([endpoint]) => !endpoint.startsWith('auth.')));

  const create = async (input: Record<string, unknown>) => {
    const { data, errors } = await h.execute<{ createMailTemplate: TemplateNode }>(
      `mutation($input: CreateMailTemplateInput!) { createMailTemplate(input: $input) { ${FIELDS} content } }`,
      { input: { name: 'Welcome', type: 'NOTIFICATION', subject: 'Welcome', content: '<p>Hello</p>', ...input } },
    );
    expect(errors).toBeUndefined();
    return data!.createMailTemplate;
  };

  describe('reading', () => {
    it('should list templates with their review, and a review note only when rejected', async () => {
      h.sim.log.clear();
      const { data, errors } = await h.execute<{ mailTemplates: { totalCount: number; edges: Array<{ node: TemplateNode }> } }>(
        `{ mailTemplates(first: 10) { totalCount edges { node { ${FIELDS} } } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data!.mailTemplates.totalCount).toBe(h.sim.store.admin.mailTemplates().length);
      const [approved, rejected, pending] = data!.mailTemplates.edges.map((e) => e.node);
      expect(approved).toMatchObject({
        id: '4201',
        type: 'VERIFICATION_CODE',
        review: 'APPROVED',
        reviewNote: null,
        enabled: true,
        authorizedUserDomains: [domains[0]],
      });
      expect(rejected).toMatchObject({
        id: '4202',
        type: 'NOTIFICATION',
        review: 'REJECTED',
        reviewNote: h.sim.store.admin.mailTemplate(4202)!.reviewNote,
        enabled: false,
      });
      expect(pending).toMatchObject({ id: '4203', review: 'PENDING', reviewNote: null });
      expect(businessCalls()).toEqual({ 'mail.templateList': 1 });
    });

    it('should make no content call when content is not selected', async () => {
      h.sim.log.clear();
      await h.execute('{ mailTemplates(first: 10) { edges { node { id subject } } } mailTemplate(id: "4201") { name } }');
      expect(h.sim.log.count('mail.templateContent')).toBe(0);
    });

    it('should load the content of N templates with exactly N content calls, once per template per request', async () => {
      const seeded = h.sim.store.admin.mailTemplates();
      h.sim.log.clear();
      const { data, errors } = await h.execute<{ mailTemplates: { edges: Array<{ node: TemplateNode }> }; mailTemplate: TemplateNode }>(
        '{ mailTemplates(first: 10) { edges { node { id content } } } mailTemplate(id: "4201") { content } }',
      );
      expect(errors).toBeUndefined();
      expect(data!.mailTemplates.edges.map((e) => e.node.content)).toEqual(seeded.map((t) => t.content));
      expect(data!.mailTemplate.content).toBe(h.sim.store.admin.mailTemplate(4201)!.content);
      // 4201 is asked for twice (list and by id) but fetched once.
      expect(h.sim.log.count('mail.templateContent')).toBe(seeded.length);
      expect(h.sim.log.count('mail.templateList')).toBe(1);
    });

    it('should answer null for an unknown template and refuse a malformed id before any call', async () => {
      expect((await h.execute('{ mailTemplate(id: "999") { id } }')).data).toEqual({ mailTemplate: null });
      h.sim.log.clear();
      const { errors } = await h.execute('{ mailTemplate(id: "x") { id } }');
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(h.sim.log.count()).toBe(0);
    });
  });

  describe('writing', () => {
    it('should create a template in review, disabled, with its content', async () => {
      const created = await create({ name: 'Signup code', type: 'VERIFICATION_CODE', subject: 'Your code', content: 'Code: ${code}' });
      expect(created).toMatchObject({
        name: 'Signup code',
        type: 'VERIFICATION_CODE',
        review: 'PENDING',
        reviewNote: null,
        enabled: false,
        authorizedUserDomains: [],
        content: 'Code: ${code}',
      });
      expect(h.sim.store.admin.mailTemplate(Number(created.id))).toMatchObject({ templateType: 1, subject: 'Your code', reviewStatus: 0 });
    });

    it('should send a changed template back to review, keep it on a rename, and hand back the new content', async () => {
      const { id } = await create({});
      h.sim.store.admin.reviewMailTemplate(Number(id), { approved: true });
      const renamed = await h.execute<{ updateMailTemplate: TemplateNode }>(
        'mutation($id: ID!) { updateMailTemplate(input: { id: $id, name: "Hello" }) { name review } }',
        { id },
      );
      expect(renamed.data!.updateMailTemplate).toEqual({ name: 'Hello', review: 'APPROVED' });
      const changed = await h.execute<{ updateMailTemplate: TemplateNode }>(
        'mutation($id: ID!) { updateMailTemplate(input: { id: $id, subject: "Hi", content: "<p>Hi</p>" }) { subject review enabled content } }',
        { id },
      );
      expect(changed.errors).toBeUndefined();
      expect(changed.data!.updateMailTemplate).toEqual({ subject: 'Hi', review: 'PENDING', enabled: false, content: '<p>Hi</p>' });
    });

    it('should read the current type before sending content without ${code}, and refuse it', async () => {
      h.sim.log.clear();
      const { errors } = await h.execute('mutation { updateMailTemplate(input: { id: "4201", content: "no placeholder" }) { id } }');
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(errors![0].message).toContain('${code}');
      expect(businessCalls()).toEqual({ 'mail.templateList': 1 });
      expect(h.sim.store.admin.mailTemplate(4201)!.content).toContain('${code}');
    });

    it('should read the current content before turning a template into a verification-code one', async () => {
      const { id } = await create({ content: '<p>No code here</p>' });
      h.sim.log.clear();
      const refused = await h.execute('mutation($id: ID!) { updateMailTemplate(input: { id: $id, type: VERIFICATION_CODE }) { id } }', { id });
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(businessCalls()).toEqual({ 'mail.templateContent': 1 });
      const accepted = await h.execute<{ updateMailTemplate: TemplateNode }>(
        'mutation($id: ID!) { updateMailTemplate(input: { id: $id, type: VERIFICATION_CODE, content: "${code}" }) { type } }',
        { id },
      );
      expect(accepted.data!.updateMailTemplate.type).toBe('VERIFICATION_CODE');
    });

    it('should enable only an approved template', async () => {
      const { id } = await create({});
      const enable = (enabled: boolean) =>
        h.execute<{ setMailTemplateEnabled: TemplateNode }>(
          'mutation($id: ID!, $e: Boolean!) { setMailTemplateEnabled(id: $id, enabled: $e) { enabled review } }',
          { id, e: enabled },
        );
      expect((await enable(true)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 5436 } });
      h.sim.store.admin.reviewMailTemplate(Number(id), { approved: false, note: 'Say who sends it.' });
      expect((await enable(true)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 5437 } });
      const rejected = await h.execute<{ mailTemplate: TemplateNode }>('query($id: ID!) { mailTemplate(id: $id) { review reviewNote } }', { id });
      expect(rejected.data!.mailTemplate).toEqual({ review: 'REJECTED', reviewNote: 'Say who sends it.' });
      h.sim.store.admin.reviewMailTemplate(Number(id), { approved: true });
      expect((await enable(true)).data!.setMailTemplateEnabled).toEqual({ enabled: true, review: 'APPROVED' });
      expect((await enable(true)).data!.setMailTemplateEnabled.enabled).toBe(true);
      expect((await enable(false)).data!.setMailTemplateEnabled.enabled).toBe(false);
    });

    it('should delete a template, and answer NOT_FOUND for a second delete', async () => {
      const { id } = await create({});
      expect((await h.execute('mutation($id: ID!) { deleteMailTemplate(id: $id) }', { id })).data).toEqual({ deleteMailTemplate: id });
      expect(h.sim.store.admin.mailTemplate(Number(id))).toBeUndefined();
      const again = await h.execute('mutation($id: ID!) { deleteMailTemplate(id: $id) }', { id });
      expect(again.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5435 } });
    });

    it('should answer NOT_FOUND when changing a template that does not exist', async () => {
      const { errors } = await h.execute('mutation { setMailTemplateEnabled(id: "999", enabled: false) { id } }');
      expect(errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5435 } });
    });
  });

  describe('user-domain authorization', () => {
    const authorize = (id: string, userDomains: string[]) =>
      h.execute<{ setMailTemplateUserDomains: TemplateNode }>(
        'mutation($id: ID!, $d: [String!]!) { setMailTemplateUserDomains(id: $id, userDomains: $d) { id authorizedUserDomains } }',
        { id, d: userDomains },
      );

    it('should replace the authorized set, and revoke all with []', async () => {
      const { data, errors } = await authorize('4203', domains);
      expect(errors).toBeUndefined();
      expect(data!.setMailTemplateUserDomains.authorizedUserDomains).toEqual(domains);
      expect(h.sim.store.admin.mailTemplate(4203)!.userDomainList).toEqual(domains);
      expect((await authorize('4203', [domains[1]])).data!.setMailTemplateUserDomains.authorizedUserDomains).toEqual([domains[1]]);
      expect((await authorize('4203', [])).data!.setMailTemplateUserDomains.authorizedUserDomains).toEqual([]);
    });

    it('should refuse an unknown user domain and keep the set', async () => {
      await authorize('4203', [domains[0]]);
      const { errors } = await authorize('4203', [domains[1], 'C.DM.0.404']);
      expect(errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5015 } });
      expect(h.sim.store.admin.mailTemplate(4203)!.userDomainList).toEqual([domains[0]]);
    });
  });

  describe('validation', () => {
    it.each([
      [
        'a verification code without ${code}',
        'mutation { createMailTemplate(input: { name: "n", type: VERIFICATION_CODE, subject: "s", content: "Your code is {code}" }) { id } }',
        '${code}',
      ],
      [
        'an empty name',
        'mutation { createMailTemplate(input: { name: "", type: NOTIFICATION, subject: "s", content: "c" }) { id } }',
        'name must not be empty',
      ],
      [
        'a long name',
        `mutation { createMailTemplate(input: { name: "${'x'.repeat(51)}", type: NOTIFICATION, subject: "s", content: "c" }) { id } }`,
        'name must be at most 50',
      ],
      [
        'an empty subject',
        'mutation { createMailTemplate(input: { name: "n", type: NOTIFICATION, subject: "", content: "c" }) { id } }',
        'subject must not be empty',
      ],
      [
        'an empty content',
        'mutation { createMailTemplate(input: { name: "n", type: NOTIFICATION, subject: "s", content: "" }) { id } }',
        'content must not be empty',
      ],
      ['a change with nothing to change', 'mutation { updateMailTemplate(input: { id: "4201" }) { id } }', 'Nothing to change'],
      ['a change of a malformed id', 'mutation { updateMailTemplate(input: { id: "x", name: "n" }) { id } }', 'id must be'],
      [
        'a change to verification code without ${code}',
        'mutation { updateMailTemplate(input: { id: "4202", type: VERIFICATION_CODE, content: "none" }) { id } }',
        '${code}',
      ],
      ['an enable of a malformed id', 'mutation { setMailTemplateEnabled(id: "0", enabled: true) { id } }', 'id must be'],
      ['a delete of a malformed id', 'mutation { deleteMailTemplate(id: "-1") }', 'id must be'],
      ['a malformed user domain', 'mutation { setMailTemplateUserDomains(id: "4201", userDomains: ["C.DM 1"]) { id } }', 'userDomain must be'],
      [
        'a repeated user domain',
        'mutation { setMailTemplateUserDomains(id: "4201", userDomains: ["C.DM.1.1", "C.DM.1.1"]) { id } }',
        'must not repeat',
      ],
      [
        '51 user domains',
        `mutation { setMailTemplateUserDomains(id: "4201", userDomains: ${JSON.stringify(Array.from({ length: 51 }, (_, i) => `C.DM.1.${i}`))}) { id } }`,
        'at most 50',
      ],
    ])('should refuse %s before any upstream call', async (_label, query, message) => {
      h.sim.log.clear();
      const { errors } = await h.execute(query);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(errors![0].message).toContain(message);
      expect(h.sim.log.count()).toBe(0);
    });
  });
});
