import { signedSession } from './support/signed-session';

const MAIL = '/v2/enduser/enterpriseapi';

interface TemplateRow {
  templateId: number;
  templateName: string;
  templateType: number;
  reviewStatus: number;
  reviewNote: string;
  enabled: number;
  userDomainList: string[];
}

describe('mail user-domain authorization and templates (§11.8, inferred)', () => {
  const session = signedSession(MAIL);
  let domains: string[];
  beforeAll(() => {
    domains = session.sim.store.admin.userDomains().map((d) => d.userDomain);
  });

  const send = (method: string, path: string, body?: unknown, query: Record<string, string | number> = {}) =>
    session.send(method, path, { query, body });
  const rows = async (): Promise<TemplateRow[]> => (await send('GET', '/getEmailTemplateList', undefined, { pageSize: 100 })).body.data.list;
  const row = async (id: number) => (await rows()).find((t) => t.templateId === id)!;
  const add = async (fields: Record<string, unknown> = {}) => {
    const { body } = await send('POST', '/addEmailTemplate', {
      templateName: 'Welcome',
      templateType: 2,
      subject: 'Hi',
      content: '<p>Hello</p>',
      ...fields,
    });
    expect(body.code).toBe(200);
    return body.data.templateId as number;
  };

  describe('account authorization', () => {
    it('should replace the authorized set and list it on the account rows', async () => {
      const auth = (list: unknown) => send('POST', '/emailAccountUserDomainAuth', { accountId: 4101, userDomainList: list });
      const listed = async () =>
        (await send('GET', '/getEmailAccountList')).body.data.list.find((a: { accountId: number }) => a.accountId === 4101).userDomainList;
      expect(await listed()).toEqual([domains[0]]);
      expect((await auth([domains[1], domains[1]])).body).toEqual({ code: 200, msg: '', data: {}, extMsg: null });
      expect(await listed()).toEqual([domains[1]]);
      expect((await auth([])).body.code).toBe(200);
      expect(await listed()).toEqual([]);
    });

    it.each([
      ['no list', { accountId: 4101 }, 5432],
      ['a list that is not an array', { accountId: 4101, userDomainList: 'C.DM.1.1' }, 5432],
      ['51 domains', { accountId: 4101, userDomainList: Array.from({ length: 51 }, (_, i) => `C.DM.1.${i}`) }, 5449],
      ['an unknown domain', { accountId: 4101, userDomainList: ['C.DM.0.404'] }, 5015],
      ['a number for a domain', { accountId: 4101, userDomainList: [7] }, 50005],
      ['no account id', { userDomainList: [] }, 5430],
      ['an unknown account', { accountId: 1, userDomainList: [] }, 5431],
    ])('should refuse %s with %i', async (_label, request, code) => {
      expect((await send('POST', '/emailAccountUserDomainAuth', request)).body).toEqual({ code, msg: expect.any(String), data: null, extMsg: null });
    });
  });

  describe('templates', () => {
    it('should list the seeded templates without content, with review state and note', async () => {
      const { body } = await send('GET', '/getEmailTemplateList');
      expect(body).toMatchObject({ code: 200, extMsg: null, data: { total: 3, pageNum: 1 } });
      expect(body.data.list.map((t: TemplateRow) => [t.templateId, t.templateType, t.reviewStatus, t.enabled])).toEqual([
        [4201, 1, 1, 1],
        [4202, 2, 2, 0],
        [4203, 1, 0, 0],
      ]);
      for (const t of body.data.list) expect(t).not.toHaveProperty('content');
      expect(body.data.list[1].reviewNote).toMatch(/external download/);
      expect(body.data.list[0].userDomainList).toEqual([domains[0]]);
    });

    it('should page the list', async () => {
      const { body } = await send('GET', '/getEmailTemplateList', undefined, { page: 2, pageSize: 2 });
      expect(body.data).toMatchObject({ total: 3, pageNum: 2, size: 1 });
    });

    it('should hand the content out through its own call', async () => {
      expect((await send('GET', '/getEmailTemplateContent', undefined, { templateId: 4201 })).body).toEqual({
        code: 200,
        msg: '',
        data: { templateId: 4201, content: expect.stringContaining('${code}') },
        extMsg: null,
      });
      expect((await send('GET', '/getEmailTemplateContent')).body.code).toBe(5434);
      expect((await send('GET', '/getEmailTemplateContent', undefined, { templateId: 1 })).body.code).toBe(5435);
    });

    it('should add a template in review and disabled', async () => {
      const id = await add({ templateName: 'Signup code', templateType: 1, content: 'Code: ${code}' });
      expect(await row(id)).toMatchObject({
        templateName: 'Signup code',
        templateType: 1,
        reviewStatus: 0,
        reviewNote: '',
        enabled: 0,
        userDomainList: [],
      });
      expect((await send('GET', '/getEmailTemplateContent', undefined, { templateId: id })).body.data.content).toBe('Code: ${code}');
    });

    it.each([
      ['no name', { templateName: undefined }, 5448],
      ['a name of 51 characters', { templateName: 'x'.repeat(51) }, 5448],
      ['no type', { templateType: undefined }, 5433],
      ['type 3', { templateType: 3 }, 5433],
      ['no subject', { subject: undefined }, 50004],
      ['no content', { content: undefined }, 50004],
      ['a verification code without ${code}', { templateType: 1, content: 'Your code is {code}' }, 5451],
    ])('should refuse a new template with %s by %i', async (_label, change, code) => {
      const request = { templateName: 'n', templateType: 2, subject: 's', content: 'c', ...change };
      expect((await send('POST', '/addEmailTemplate', request)).body).toEqual({ code, msg: expect.any(String), data: null, extMsg: null });
    });

    it('should keep the review on a rename and restart it on a content change', async () => {
      const id = await add();
      session.sim.store.admin.reviewMailTemplate(id, { approved: true });
      expect((await send('PUT', '/enabledEmailTemplate', { templateId: id, enabled: 1 })).body.code).toBe(200);
      expect((await send('PUT', '/setEmailTemplate', { templateId: id, templateName: 'Greeting' })).body.code).toBe(200);
      expect(await row(id)).toMatchObject({ templateName: 'Greeting', reviewStatus: 1, enabled: 1 });
      expect((await send('PUT', '/setEmailTemplate', { templateId: id, content: '<p>Hello again</p>' })).body.code).toBe(200);
      expect(await row(id)).toMatchObject({ templateName: 'Greeting', reviewStatus: 0, enabled: 0 });
    });

    it('should clear the review note when a rejected template is changed', async () => {
      expect((await send('PUT', '/setEmailTemplate', { templateId: 4202, content: '<p>Update from the App.</p>' })).body.code).toBe(200);
      expect(await row(4202)).toMatchObject({ reviewStatus: 0, reviewNote: '' });
    });

    it.each([
      ['no id', {}, 5434],
      ['an unknown id', { templateId: 1 }, 5435],
      ['a name of 51 characters', { templateId: 4201, templateName: 'x'.repeat(51) }, 5448],
      ['type 0', { templateId: 4201, templateType: 0 }, 5433],
      ['verification content without ${code}', { templateId: 4201, content: 'no placeholder' }, 5451],
      ['a new subject', { templateId: 4203, subject: 'Reset' }, 200],
    ])('should answer a change with %s by %i', async (_label, request, code) => {
      expect((await send('PUT', '/setEmailTemplate', request)).body.code).toBe(code);
    });

    it('should refuse turning a notification without ${code} into a verification-code template', async () => {
      const id = await add();
      expect((await send('PUT', '/setEmailTemplate', { templateId: id, templateType: 1 })).body.code).toBe(5451);
      expect((await send('PUT', '/setEmailTemplate', { templateId: id, templateType: 1, content: '${code}' })).body.code).toBe(200);
      expect((await row(id)).templateType).toBe(1);
    });

    it('should enable only approved templates and check the flag and id', async () => {
      const pending = await add();
      const rejected = await add();
      session.sim.store.admin.reviewMailTemplate(rejected, { approved: false, note: 'Too short' });
      expect((await send('PUT', '/enabledEmailTemplate', { templateId: pending, enabled: 1 })).body.code).toBe(5436);
      expect((await send('PUT', '/enabledEmailTemplate', { templateId: rejected, enabled: 1 })).body.code).toBe(5437);
      expect((await send('PUT', '/enabledEmailTemplate', { templateId: rejected, enabled: 0 })).body.code).toBe(200);
      expect((await row(rejected)).reviewNote).toBe('Too short');
      expect((await send('PUT', '/enabledEmailTemplate', { templateId: pending })).body.code).toBe(5078);
      expect((await send('PUT', '/enabledEmailTemplate', { templateId: pending, enabled: 2 })).body.code).toBe(5079);
      expect((await send('PUT', '/enabledEmailTemplate', { enabled: 0 })).body.code).toBe(5434);
      expect((await send('PUT', '/enabledEmailTemplate', { templateId: 1, enabled: 0 })).body.code).toBe(5435);
      session.sim.store.admin.reviewMailTemplate(pending, { approved: true });
      expect((await send('PUT', '/enabledEmailTemplate', { templateId: pending, enabled: 1 })).body.code).toBe(200);
      expect((await row(pending)).enabled).toBe(1);
    });

    it('should refuse a review that rejects without a note', () => {
      expect(() => session.sim.store.admin.reviewMailTemplate(4203, { approved: false, note: ' ' })).toThrow(/review note/);
    });

    it('should delete once, then answer 5435', async () => {
      const id = await add();
      expect((await send('DELETE', '/deleteEmailTemplate', undefined, { templateId: id })).body).toEqual({
        code: 200,
        msg: '',
        data: {},
        extMsg: null,
      });
      expect((await send('DELETE', '/deleteEmailTemplate', undefined, { templateId: id })).body.code).toBe(5435);
      expect((await send('DELETE', '/deleteEmailTemplate')).body.code).toBe(5434);
      expect((await rows()).some((t) => t.templateId === id)).toBe(false);
    });

    it('should authorize a template to user domains, replacing the set', async () => {
      const auth = (list: unknown, templateId: unknown = 4203) => send('POST', '/emailTemplateUserDomainAuth', { templateId, userDomainList: list });
      expect((await auth(domains)).body.code).toBe(200);
      expect((await row(4203)).userDomainList).toEqual(domains);
      expect((await auth([domains[1]])).body.code).toBe(200);
      expect((await row(4203)).userDomainList).toEqual([domains[1]]);
      expect((await auth(undefined)).body.code).toBe(5432);
      expect((await auth(Array.from({ length: 51 }, () => domains[0]))).body.code).toBe(5449);
      expect((await auth(['C.DM.0.404'])).body.code).toBe(5015);
      expect((await send('POST', '/emailTemplateUserDomainAuth', { userDomainList: [] })).body.code).toBe(5434);
      expect((await auth([], 1)).body.code).toBe(5435);
      expect((await row(4203)).userDomainList).toEqual([domains[1]]);
    });
  });
});
