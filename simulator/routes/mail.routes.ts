import { BusinessError } from '../http/business-error';
import { bodyInteger, bodyText, objectBody, type Body } from '../http/body-params';
import { pageB, readPageInfoPaging, singleB } from '../http/page-info';
import { optionalInteger } from '../http/query-params';
import type { RouteContext, RouteDefinition } from '../router';
import type { MailAccount } from '../store/admin.types';
import { readEnabledFlag, readUserDomainList } from './admin-body';
import { MAIL_BASE as BASE, MAIL_USER_DOMAIN_CODES } from './mail.common';

// Mail accounts (§11.8). Only names and methods are published; the prefix (`/v2/enduser/enterpriseapi`, the
// reference notes mail may live under `/v2/mail`), envelope B, field names and the code for each missing field
// (5423-5447) are [INFERRED].

function accountOf(context: RouteContext, id: number | undefined): MailAccount {
  if (id === undefined) throw new BusinessError(5430);
  const account = context.store.admin.mailAccount(id);
  if (!account) throw new BusinessError(5431);
  return account;
}

function port(input: Body): number | undefined {
  const value = bodyInteger(input, 'smtpPort');
  if (value !== undefined && (value < 1 || value > 65535)) throw new BusinessError(5444);
  return value;
}

const list: RouteDefinition = {
  endpoint: 'mail.accountList',
  methods: ['GET'],
  path: `${BASE}/getEmailAccountList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    // Rows carry the SMTP password, as upstream hands credentials back elsewhere (§6.7 userDomainSecret).
    return pageB(
      context.store.admin.mailAccounts().map((a) => ({ ...a })),
      readPageInfoPaging(query, context.options.paging),
    );
  },
};

const add: RouteDefinition = {
  endpoint: 'mail.addAccount',
  methods: ['POST'],
  path: `${BASE}/addEmailAccount`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const accountName = bodyText(input, 'accountName');
    const smtpServer = bodyText(input, 'smtpServer');
    const smtpPort = port(input);
    const account = bodyText(input, 'account');
    const password = bodyText(input, 'password');
    const senderAddress = bodyText(input, 'senderAddress');
    if (accountName === undefined) throw new BusinessError(5442);
    if (smtpServer === undefined) throw new BusinessError(5423);
    if (smtpPort === undefined) throw new BusinessError(5424);
    if (account === undefined) throw new BusinessError(5425);
    if (password === undefined) throw new BusinessError(5426);
    if (senderAddress === undefined) throw new BusinessError(5427);
    if (!/^[^@\s]+@[^@\s]+$/.test(senderAddress)) throw new BusinessError(5447);
    const record: MailAccount = {
      accountId: context.store.admin.newId(),
      accountName,
      smtpServer,
      smtpPort,
      account,
      password,
      senderAddress,
      enabled: 1,
      createTime: context.clock.now(),
      userDomainList: [],
    };
    context.store.admin.addMailAccount(record);
    return singleB({ accountId: record.accountId });
  },
};

const set: RouteDefinition = {
  endpoint: 'mail.setAccount',
  methods: ['PUT'],
  path: `${BASE}/setEmailAccount`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const account = accountOf(context, bodyInteger(input, 'accountId'));
    const senderAddress = bodyText(input, 'senderAddress');
    if (senderAddress !== undefined && !/^[^@\s]+@[^@\s]+$/.test(senderAddress)) throw new BusinessError(5447);
    account.accountName = bodyText(input, 'accountName') ?? account.accountName;
    account.smtpServer = bodyText(input, 'smtpServer') ?? account.smtpServer;
    account.smtpPort = port(input) ?? account.smtpPort;
    account.account = bodyText(input, 'account') ?? account.account;
    account.password = bodyText(input, 'password') ?? account.password;
    account.senderAddress = senderAddress ?? account.senderAddress;
    return singleB({});
  },
};

const enable: RouteDefinition = {
  endpoint: 'mail.enableAccount',
  methods: ['PUT'],
  path: `${BASE}/enabledEmailAccount`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const account = accountOf(context, bodyInteger(input, 'accountId'));
    account.enabled = readEnabledFlag(input);
    return singleB({});
  },
};

const remove: RouteDefinition = {
  endpoint: 'mail.deleteAccount',
  methods: ['DELETE'],
  path: `${BASE}/deleteEmailAccount`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const account = accountOf(context, optionalInteger(query, 'accountId'));
    context.store.admin.deleteMailAccount(account.accountId);
    return singleB({});
  },
};

// Body `{ accountId, userDomainList }`, the list replacing the authorized set [INFERRED].
const authorize: RouteDefinition = {
  endpoint: 'mail.accountUserDomainAuth',
  methods: ['POST'],
  path: `${BASE}/emailAccountUserDomainAuth`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const account = accountOf(context, bodyInteger(input, 'accountId'));
    account.userDomainList = readUserDomainList(input, context, MAIL_USER_DOMAIN_CODES);
    return singleB({});
  },
};

export const mailRoutes: readonly RouteDefinition[] = [list, add, set, enable, remove, authorize];
