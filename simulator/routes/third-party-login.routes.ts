import { BusinessError } from '../http/business-error';
import { objectBody } from '../http/body-params';
import { requiredString } from '../http/body-fields';
import { singleB } from '../http/page-info';
import { optionalText, requiredText } from '../http/query-params';
import type { RouteContext, RouteDefinition } from '../router';
import type { ThirdPartyLoginConfig } from '../store/user-domain-auth.types';

// Third-party login configuration of an App (§11.8): the App's id and secret at WeChat, Apple, Google, ... so
// its end users can sign in with those accounts. Only the endpoint names and methods are published; the prefix,
// envelope B, the body {userDomain, platform, appId, appSecret}, the platform names and these choices are
// [INFERRED]: add replaces an existing config of the same platform (add-or-replace), get answers a plain array
// (no paging: an App has a handful) with the appSecret in it, as entUserDomainList hands out userDomainSecret
// (§6.7), and deleting a platform that is not configured succeeds without effect (no code is published for it).
// Codes: 5023 / 5015 missing / unknown user domain, 5362 platform missing, 5363 platform not supported,
// 50004 appId or appSecret missing.

const BASE = '/v2/enduser/enterpriseapi';
export const THIRD_PARTY_PLATFORMS: ReadonlySet<string> = new Set(['wechat', 'qq', 'alipay', 'apple', 'google', 'facebook', 'twitter']);

function knownDomain(context: RouteContext, userDomain: string): string {
  if (!context.store.admin.userDomain(userDomain)) throw new BusinessError(5015);
  return userDomain;
}

function supported(platform: string): string {
  if (!THIRD_PARTY_PLATFORMS.has(platform)) throw new BusinessError(5363);
  return platform;
}

function toRow(config: ThirdPartyLoginConfig): Record<string, unknown> {
  return { ...config };
}

const get: RouteDefinition = {
  endpoint: 'enduser.getThirdpartyConfig',
  methods: ['GET'],
  path: `${BASE}/getEnterpriseThirdpartyConfig`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const userDomain = knownDomain(context, requiredText(query, 'userDomain', 5023));
    const platform = optionalText(query, 'platform');
    const configs = context.store.admin.domainAuth.thirdPartyConfigs(userDomain).filter((c) => platform === undefined || c.platform === platform);
    return singleB(configs.map(toRow));
  },
};

const add: RouteDefinition = {
  endpoint: 'enduser.addThirdpartyConfig',
  methods: ['POST'],
  path: `${BASE}/addEnterpriseThirdpartyConfig`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const userDomain = requiredString(input, 'userDomain', 5023);
    const platform = supported(requiredString(input, 'platform', 5362));
    const appId = requiredString(input, 'appId', 50004);
    const appSecret = requiredString(input, 'appSecret', 50004);
    knownDomain(context, userDomain);
    const now = context.clock.now();
    context.store.admin.domainAuth.putThirdPartyConfig({ userDomain, platform, appId, appSecret, createTime: now, updateTime: now });
    return singleB({});
  },
};

const remove: RouteDefinition = {
  endpoint: 'enduser.deleteThirdpartyConfig',
  methods: ['DELETE'],
  path: `${BASE}/deleteEnterpriseThirdpartyConfig`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const userDomain = requiredText(query, 'userDomain', 5023);
    const platform = supported(requiredText(query, 'platform', 5362));
    knownDomain(context, userDomain);
    context.store.admin.domainAuth.deleteThirdPartyConfig(userDomain, platform);
    return singleB({});
  },
};

export const thirdPartyLoginRoutes: readonly RouteDefinition[] = [get, add, remove];
