import { createMailTemplateLoaders } from '../../src/datasources/notifications/mail-template.loaders';
import type { MailTemplateApi, MailTemplateDto } from '../../src/datasources/notifications/mail-template.api';
import { upstreamErrorFromCode } from '../../src/errors';

/** Templates 1..n; content "body <id>"; id 13 fails with an upstream outage, unknown ids answer 5435. */
function fakeApi(n: number): MailTemplateApi & { calls: string[] } {
  const rows: MailTemplateDto[] = Array.from({ length: n }, (_, i) => ({ templateId: i + 1, templateName: `t${i + 1}` }));
  const calls: string[] = [];
  const unused = () => Promise.reject(new Error('not used'));
  return {
    calls,
    async listTemplates({ pageNum, pageSize }) {
      calls.push(`list ${pageNum}`);
      return { rows: rows.slice((pageNum - 1) * pageSize, pageNum * pageSize), total: rows.length };
    },
    async getTemplateContent(templateId) {
      calls.push(`content ${templateId}`);
      if (templateId === 13) throw upstreamErrorFromCode('mail.templateContent', { code: 50000, msg: 'service exception' });
      if (templateId > n) throw upstreamErrorFromCode('mail.templateContent', { code: 5435, msg: 'template does not exist' });
      return { templateId, content: `body ${templateId}` };
    },
    createTemplate: unused,
    updateTemplate: unused,
    setTemplateEnabled: unused,
    deleteTemplate: unused,
    setTemplateUserDomains: unused,
  };
}

describe('mailTemplateContent', () => {
  it('should return one result per key in key order: content, null for a gone template, the Error for a failed call', async () => {
    const { mailTemplateContent } = createMailTemplateLoaders(fakeApi(20), 10);
    const results = await mailTemplateContent.loadMany([3, 99, 13, 1]);
    expect(results.slice(0, 2)).toEqual(['body 3', null]);
    expect(results[2]).toBeInstanceOf(Error);
    expect(results[3]).toBe('body 1');
  });

  it('should make one call per distinct template', async () => {
    const api = fakeApi(5);
    const { mailTemplateContent } = createMailTemplateLoaders(api, 10);
    await Promise.all([2, 4, 2, 2, 4].map((id) => mailTemplateContent.load(id)));
    expect(api.calls.sort()).toEqual(['content 2', 'content 4']);
  });
});

describe('mailTemplateById', () => {
  it('should walk every list page once and answer null for an unknown id', async () => {
    const api = fakeApi(25);
    const { mailTemplateById } = createMailTemplateLoaders(api, 10);
    const results = await mailTemplateById.loadMany([25, 1, 26, 12]);
    expect(results.map((r) => (r && !(r instanceof Error) ? r.templateName : r))).toEqual(['t25', 't1', null, 't12']);
    expect(api.calls.sort()).toEqual(['list 1', 'list 2', 'list 3']);
  });
});
