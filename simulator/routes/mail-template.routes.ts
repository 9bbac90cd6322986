import { BusinessError } from '../http/business-error';
import { bodyInteger, bodyText, objectBody, type Body } from '../http/body-params';
import { pageB, readPageInfoPaging, singleB } from '../http/page-info';
import { optionalInteger } from '../http/query-params';
import type { RouteContext, RouteDefinition } from '../router';
import type { MailTemplate } from '../store/admin.types';
import { readEnabledFlag, readUserDomainList } from './admin-body';
import { MAIL_BASE as BASE, MAIL_USER_DOMAIN_CODES } from './mail.common';

// Mail templates (§11.8). Only endpoint names and methods are published; the prefix (as for mail accounts), envelope
// B, every field name (templateId, templateName, templateType, subject, content, reviewStatus, reviewNote, enabled,
// userDomainList) and the meaning given to each code of the hint list are [INFERRED]:
//   5433 type missing or not 1 (verification code) / 2 (notification); 5434 id missing; 5435 no such template;
//   5436 enabling a template still in review; 5437 enabling a rejected template; 5448 name missing or over 50
//   characters; 5451 a verification-code template without `${code}`; 50004 subject or content missing.
// The hint list's 5454 ("review note") belongs to the reviewers' side, which no enterprise call reaches: the note
// reaches the owner as `reviewNote` on the list rows. Templates start in review (0) and disabled; changing the type,
// subject or content sends an approved or rejected template back to review and disables it.

const VERIFICATION_CODE = 1;
const NAME_MAX = 50;

function templateOf(context: RouteContext, id: number | undefined): MailTemplate {
  if (id === undefined) throw new BusinessError(5434);
  const template = context.store.admin.mailTemplate(id);
  if (!template) throw new BusinessError(5435);
  return template;
}

function name(input: Body): string | undefined {
  const value = bodyText(input, 'templateName');
  if (value !== undefined && (value.trim() === '' || value.length > NAME_MAX)) throw new BusinessError(5448);
  return value;
}

function type(input: Body): 1 | 2 | undefined {
  const value = bodyInteger(input, 'templateType');
  if (value !== undefined && value !== 1 && value !== 2) throw new BusinessError(5433);
  return value;
}

function checkCodePlaceholder(templateType: number, content: string): void {
  if (templateType === VERIFICATION_CODE && !content.includes('${code}')) throw new BusinessError(5451);
}

/** List rows carry everything but the content, which has its own call. */
function toRow({ content: _content, ...template }: MailTemplate): Record<string, unknown> {
  return { ...template, userDomainList: [...template.userDomainList] };
}

const list: RouteDefinition = {
  endpoint: 'mail.templateList',
  methods: ['GET'],
  path: `${BASE}/getEmailTemplateList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    return pageB(context.store.admin.mailTemplates().map(toRow), readPageInfoPaging(query, context.options.paging));
  },
};

const content: RouteDefinition = {
  endpoint: 'mail.templateContent',
  methods: ['GET'],
  path: `${BASE}/getEmailTemplateContent`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const template = templateOf(context, optionalInteger(query, 'templateId'));
    return singleB({ templateId: template.templateId, content: template.content });
  },
};

const add: RouteDefinition = {
  endpoint: 'mail.addTemplate',
  methods: ['POST'],
  path: `${BASE}/addEmailTemplate`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const templateName = name(input);
    if (templateName === undefined) throw new BusinessError(5448);
    const templateType = type(input);
    if (templateType === undefined) throw new BusinessError(5433);
    const subject = bodyText(input, 'subject', true);
    const text = bodyText(input, 'content', true);
    checkCodePlaceholder(templateType, text);
    const now = context.clock.now();
    const template: MailTemplate = {
      templateId: context.store.admin.newId(),
      templateName,
      templateType,
      subject,
      content: text,
      reviewStatus: 0,
      reviewNote: '',
      enabled: 0,
      userDomainList: [],
      createTime: now,
      updateTime: now,
    };
    context.store.admin.addMailTemplate(template);
    return singleB({ templateId: template.templateId });
  },
};

const set: RouteDefinition = {
  endpoint: 'mail.setTemplate',
  methods: ['PUT'],
  path: `${BASE}/setEmailTemplate`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const template = templateOf(context, bodyInteger(input, 'templateId'));
    const templateName = name(input);
    const templateType = type(input) ?? template.templateType;
    const subject = bodyText(input, 'subject') ?? template.subject;
    const text = bodyText(input, 'content') ?? template.content;
    checkCodePlaceholder(templateType, text);
    const reviewed = templateType !== template.templateType || subject !== template.subject || text !== template.content;
    Object.assign(template, {
      templateName: templateName ?? template.templateName,
      templateType,
      subject,
      content: text,
      updateTime: context.clock.now(),
    });
    if (reviewed) Object.assign(template, { reviewStatus: 0, reviewNote: '', enabled: 0 });
    return singleB({});
  },
};

const enable: RouteDefinition = {
  endpoint: 'mail.enableTemplate',
  methods: ['PUT'],
  path: `${BASE}/enabledEmailTemplate`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const template = templateOf(context, bodyInteger(input, 'templateId'));
    const enabled = readEnabledFlag(input);
    if (enabled === 1 && template.reviewStatus === 0) throw new BusinessError(5436);
    if (enabled === 1 && template.reviewStatus === 2) throw new BusinessError(5437);
    template.enabled = enabled;
    return singleB({});
  },
};

const remove: RouteDefinition = {
  endpoint: 'mail.deleteTemplate',
  methods: ['DELETE'],
  path: `${BASE}/deleteEmailTemplate`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const template = templateOf(context, optionalInteger(query, 'templateId'));
    context.store.admin.deleteMailTemplate(template.templateId);
    return singleB({});
  },
};

// Body `{ templateId, userDomainList }`, the list replacing the authorized set [INFERRED].
const authorize: RouteDefinition = {
  endpoint: 'mail.templateUserDomainAuth',
  methods: ['POST'],
  path: `${BASE}/emailTemplateUserDomainAuth`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const template = templateOf(context, bodyInteger(input, 'templateId'));
    template.userDomainList = readUserDomainList(input, context, MAIL_USER_DOMAIN_CODES);
    return singleB({});
  },
};

export const mailTemplateRoutes: readonly RouteDefinition[] = [list, content, add, set, enable, remove, authorize];
