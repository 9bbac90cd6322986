import { BusinessError } from '../http/business-error';
import { bodyText, objectBody } from '../http/body-params';
import { pageB, readPageInfoPaging, singleB } from '../http/page-info';
import { optionalText } from '../http/query-params';
import type { RouteContext, RouteDefinition } from '../router';
import type { SmsSign } from '../store/admin.types';
import { readEnabledFlag, readUserDomainList } from './admin-body';
import { SMS_BASE, SMS_USER_DOMAIN_CODES, characters } from './sms.common';

// SMS signatures (§11.7). Only the endpoint names and methods are published. The base path, envelope B, the field
// names (ssid, signName, status, enabled, userDomainList), the 2-12 character rule (the usual provider rule),
// 5193 for a duplicate text and 5196 for an unknown ssid are [INFERRED]; 5117, 5194 and 5197 follow the code list.

/** Approval states (§11.7 [INFERRED]): 0 pending, 1 approved, 2 rejected. */
const REJECTED = 2;

function signOf(context: RouteContext, ssid: string | undefined): SmsSign {
  if (ssid === undefined) throw new BusinessError(5117);
  const sign = context.store.admin.smsSign(ssid);
  if (!sign) throw new BusinessError(5196);
  return sign;
}

const list: RouteDefinition = {
  endpoint: 'sms.signList',
  methods: ['GET'],
  path: `${SMS_BASE}/entSmsSignList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    return pageB(
      context.store.admin.smsSigns().map((s) => ({ ...s, userDomainList: [...s.userDomainList] })),
      readPageInfoPaging(query, context.options.paging),
    );
  },
};

const add: RouteDefinition = {
  endpoint: 'sms.addSign',
  methods: ['POST'],
  path: `${SMS_BASE}/addEntSmsSign`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const signName = bodyText(objectBody(body), 'signName');
    if (signName === undefined || signName.trim() === '' || characters(signName) < 2 || characters(signName) > 12) throw new BusinessError(5194);
    if (context.store.admin.smsSigns().some((s) => s.signName === signName)) throw new BusinessError(5193);
    // A new signature goes to the provider for review: pending, but already enabled for when it is approved.
    const sign: SmsSign = {
      ssid: context.store.admin.newSmsSignId(),
      signName,
      status: 0,
      enabled: 1,
      createTime: context.clock.now(),
      userDomainList: [],
    };
    context.store.admin.addSmsSign(sign);
    return singleB({ ssid: sign.ssid });
  },
};

const enable: RouteDefinition = {
  endpoint: 'sms.enableSign',
  methods: ['PUT'],
  path: `${SMS_BASE}/enabledEntSmsSign`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const sign = signOf(context, bodyText(input, 'ssid'));
    const enabled = readEnabledFlag(input);
    if (enabled === 1 && sign.status === REJECTED) throw new BusinessError(5197);
    sign.enabled = enabled;
    return singleB({});
  },
};

const remove: RouteDefinition = {
  endpoint: 'sms.deleteSign',
  methods: ['DELETE'],
  path: `${SMS_BASE}/deleteEntSmsSign`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const sign = signOf(context, optionalText(query, 'ssid'));
    context.store.admin.deleteSmsSign(sign.ssid);
    return singleB({});
  },
};

const authorize: RouteDefinition = {
  endpoint: 'sms.signUserDomainAuth',
  methods: ['POST'],
  path: `${SMS_BASE}/entSmsSignUserDomainAuth`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const sign = signOf(context, bodyText(input, 'ssid'));
    sign.userDomainList = readUserDomainList(input, context, SMS_USER_DOMAIN_CODES);
    return singleB({});
  },
};

export const smsSignRoutes: readonly RouteDefinition[] = [list, add, enable, remove, authorize];
