import { BusinessError } from '../http/business-error';
import { bodyText, objectBody } from '../http/body-params';
import { pageB, readPageInfoPaging, singleB } from '../http/page-info';
import { optionalText } from '../http/query-params';
import type { RouteContext, RouteDefinition } from '../router';
import type { SmsTemplate } from '../store/admin.types';
import { readEnabledFlag, readUserDomainList } from './admin-body';
import { SMS_BASE, SMS_USER_DOMAIN_CODES, characters } from './sms.common';

// SMS templates (§11.7). Only the endpoint names and methods are published. The base path, envelope B, the field
// names (stid, templateName, thirdTemplateId, content, status, enabled, userDomainList), the 500-character content
// limit (the usual provider rule), 5198 for an unknown stid, 5200 for over-long content and 5202 for a missing name
// are [INFERRED]; 5085, 5086, 5118 and 5199 follow the code list.

/** The provider's usual limit on template text [INFERRED]. */
const MAX_CONTENT = 500;
const REJECTED = 2;

function templateOf(context: RouteContext, stid: string | undefined): SmsTemplate {
  if (stid === undefined) throw new BusinessError(5118);
  const template = context.store.admin.smsTemplate(stid);
  if (!template) throw new BusinessError(5198);
  return template;
}

const list: RouteDefinition = {
  endpoint: 'sms.templateList',
  methods: ['GET'],
  path: `${SMS_BASE}/entSmsTemplateList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    return pageB(
      context.store.admin.smsTemplates().map((t) => ({ ...t, userDomainList: [...t.userDomainList] })),
      readPageInfoPaging(query, context.options.paging),
    );
  },
};

const add: RouteDefinition = {
  endpoint: 'sms.addTemplate',
  methods: ['POST'],
  path: `${SMS_BASE}/addEntSmsTemplate`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const templateName = bodyText(input, 'templateName');
    const thirdTemplateId = bodyText(input, 'thirdTemplateId');
    const content = bodyText(input, 'content');
    if (templateName === undefined) throw new BusinessError(5202);
    if (thirdTemplateId === undefined) throw new BusinessError(5085);
    if (content === undefined) throw new BusinessError(5086);
    if (characters(content) > MAX_CONTENT) throw new BusinessError(5200);
    const template: SmsTemplate = {
      stid: context.store.admin.newSmsTemplateId(),
      templateName,
      thirdTemplateId,
      content,
      status: 0,
      enabled: 1,
      createTime: context.clock.now(),
      userDomainList: [],
    };
    context.store.admin.addSmsTemplate(template);
    return singleB({ stid: template.stid });
  },
};

const enable: RouteDefinition = {
  endpoint: 'sms.enableTemplate',
  methods: ['PUT'],
  path: `${SMS_BASE}/enabledEntSmsTemplate`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const template = templateOf(context, bodyText(input, 'stid'));
    const enabled = readEnabledFlag(input);
    if (enabled === 1 && template.status === REJECTED) throw new BusinessError(5199);
    template.enabled = enabled;
    return singleB({});
  },
};

const remove: RouteDefinition = {
  endpoint: 'sms.deleteTemplate',
  methods: ['DELETE'],
  path: `${SMS_BASE}/deleteEntSmsTemplate`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const template = templateOf(context, optionalText(query, 'stid'));
    context.store.admin.deleteSmsTemplate(template.stid);
    return singleB({});
  },
};

const authorize: RouteDefinition = {
  endpoint: 'sms.templateUserDomainAuth',
  methods: ['POST'],
  path: `${SMS_BASE}/entSmsTemplateUserDomainAuth`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const template = templateOf(context, bodyText(input, 'stid'));
    template.userDomainList = readUserDomainList(input, context, SMS_USER_DOMAIN_CODES);
    return singleB({});
  },
};

export const smsTemplateRoutes: readonly RouteDefinition[] = [list, add, enable, remove, authorize];
