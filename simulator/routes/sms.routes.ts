import { BusinessError } from '../http/business-error';
import { bodyInteger, bodyText, objectBody } from '../http/body-params';
import { pageB, readPageInfoPaging, singleB } from '../http/page-info';
import { optionalInteger } from '../http/query-params';
import type { RouteContext, RouteDefinition } from '../router';
import type { SmsAccount } from '../store/admin.types';
import { smsSignRoutes } from './sms-sign.routes';
import { smsTemplateRoutes } from './sms-template.routes';
import { readEnabledFlag } from './admin-body';
import { SMS_BASE } from './sms.common';

// SMS accounts (§11.7). Only endpoint names and methods are published; the base path, envelope B and every
// field name below (accountId, accountName, smsPlatform, accessKey, accessSecret, enabled) are
// [INFERRED] from the error-code list (5078-5201) and App SDK configuration names.

const BASE = SMS_BASE;
const PLATFORMS = new Set(['aliyun', 'tencent', 'huawei', 'twilio']);

/** The list hands the provider credentials back, as the platform's user-domain list does with its secret. */
function toAccountRow(account: SmsAccount): Record<string, unknown> {
  return { ...account };
}

function accountOf(context: RouteContext, id: number | undefined): SmsAccount {
  if (id === undefined) throw new BusinessError(5187);
  const account = context.store.admin.smsAccount(id);
  if (!account) throw new BusinessError(5188);
  return account;
}

const accountList: RouteDefinition = {
  endpoint: 'sms.accountList',
  methods: ['GET'],
  path: `${BASE}/entSmsAccountList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    return pageB(context.store.admin.smsAccounts().map(toAccountRow), readPageInfoPaging(query, context.options.paging));
  },
};

const addAccount: RouteDefinition = {
  endpoint: 'sms.addAccount',
  methods: ['POST'],
  path: `${BASE}/addEntSmsAccount`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const smsPlatform = bodyText(input, 'smsPlatform');
    const accountName = bodyText(input, 'accountName');
    const accessKey = bodyText(input, 'accessKey');
    const accessSecret = bodyText(input, 'accessSecret');
    if (smsPlatform === undefined) throw new BusinessError(5180);
    if (!PLATFORMS.has(smsPlatform)) throw new BusinessError(5181);
    if (accountName === undefined) throw new BusinessError(5182);
    if (accessKey === undefined) throw new BusinessError(5183);
    if (accessSecret === undefined) throw new BusinessError(5184);
    if (context.store.admin.smsAccounts().some((a) => a.accountName === accountName)) throw new BusinessError(5201);
    const account: SmsAccount = {
      accountId: context.store.admin.newId(),
      accountName,
      smsPlatform,
      accessKey,
      accessSecret,
      enabled: 1,
      createTime: context.clock.now(),
    };
    context.store.admin.addSmsAccount(account);
    return singleB({ accountId: account.accountId });
  },
};

const setAccount: RouteDefinition = {
  endpoint: 'sms.setAccount',
  methods: ['PUT'],
  path: `${BASE}/setEntSmsAccount`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const account = accountOf(context, bodyInteger(input, 'accountId'));
    const accountName = bodyText(input, 'accountName');
    if (accountName !== undefined && context.store.admin.smsAccounts().some((a) => a.accountName === accountName && a !== account))
      throw new BusinessError(5201);
    account.accountName = accountName ?? account.accountName;
    account.accessKey = bodyText(input, 'accessKey') ?? account.accessKey;
    account.accessSecret = bodyText(input, 'accessSecret') ?? account.accessSecret;
    return singleB({});
  },
};

const enableAccount: RouteDefinition = {
  endpoint: 'sms.enableAccount',
  methods: ['PUT'],
  path: `${BASE}/enabledEntSmsAccount`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const account = accountOf(context, bodyInteger(input, 'accountId'));
    account.enabled = readEnabledFlag(input);
    return singleB({});
  },
};

const deleteAccount: RouteDefinition = {
  endpoint: 'sms.deleteAccount',
  methods: ['DELETE'],
  path: `${BASE}/deleteEntSmsAccount`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const account = accountOf(context, optionalInteger(query, 'accountId'));
    context.store.admin.deleteSmsAccount(account.accountId);
    return singleB({});
  },
};

/** Accounts here; signatures and templates in their own files. */
export const smsRoutes: readonly RouteDefinition[] = [
  accountList,
  addAccount,
  setAccount,
  enableAccount,
  deleteAccount,
  ...smsSignRoutes,
  ...smsTemplateRoutes,
];
