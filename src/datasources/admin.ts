import type { InferredPaths } from '../config';
import type { PlatformClient } from './platform-client';
import { HttpEndUserApi, type EndUserApi } from './end-user.api';
import { createEndUserLoaders, type EndUserLoaders } from './end-user.loaders';
import { HttpBindingApi, type BindingApi } from './binding.api';
import { HttpRuleApi, type RuleApi } from './rule.api';
import { createRuleLoaders, type RuleLoaders } from './rule.loaders';
import { HttpProjectApi, type ProjectApi } from './project.api';
import { createProjectLoaders, type ProjectLoaders } from './project.loaders';
import { HttpDeviceGroupApi, type DeviceGroupApi } from './device-group.api';
import { createDeviceGroupLoaders, type DeviceGroupLoaders } from './device-group.loaders';
import { HttpSmsApi, type SmsApi } from './sms.api';
import { createSmsLoaders, type SmsLoaders } from './sms.loaders';
import { HttpMailApi, type MailApi } from './mail.api';
import { createMailLoaders, type MailLoaders } from './mail.loaders';
import { HttpMailTemplateApi, type MailTemplateApi } from './mail-template.api';
import { createMailTemplateLoaders, type MailTemplateLoaders } from './mail-template.loaders';
import { HttpUserDomainProductApi, type UserDomainProductApi } from './user-domain-product.api';
import { HttpThirdPartyLoginApi, type ThirdPartyLoginApi } from './third-party-login.api';
import { createUserDomainAuthLoaders, type UserDomainAuthLoaders } from './user-domain-auth.loaders';

/** Datasources of the platform-administration areas (reference §6.6, §6.7, §11). */
export interface AdminApis {
  rules: RuleApi;
  endUsers: EndUserApi;
  bindings: BindingApi;
  projects: ProjectApi;
  deviceGroups: DeviceGroupApi;
  sms: SmsApi;
  mail: MailApi;
  mailTemplates: MailTemplateApi;
  userDomainProducts: UserDomainProductApi;
  thirdPartyLogins: ThirdPartyLoginApi;
}

export type AdminLoaders = RuleLoaders & EndUserLoaders & ProjectLoaders & DeviceGroupLoaders & SmsLoaders & MailLoaders & MailTemplateLoaders & UserDomainAuthLoaders;

/** The reference's inference for the §11 paths; `Config.inferredPaths` overrides them. */
export const DEFAULT_INFERRED_PATHS: InferredPaths = Object.freeze({
  projects: '/v2/quecproductmgr/r1/openapi/project',
  deviceGroups: '/v2/devicegroup/enterpriseapi',
  deviceUserList: '/v2/binding/enterpriseapi/deviceUserList',
  bindingWrites: '/v2/binding/enterpriseapi',
  sms: '/v2/sms/enterpriseapi',
  mail: '/v2/enduser/enterpriseapi',
  endUserAdmin: '/v2/enduser/enterpriseapi',
});

/** HTTP implementations, with any of `overrides` (fakes in tests) taking their place. */
export function createAdminApis(client: PlatformClient, paths: InferredPaths = DEFAULT_INFERRED_PATHS, overrides: Partial<AdminApis> = {}): AdminApis {
  return {
    rules: overrides.rules ?? new HttpRuleApi(client),
    endUsers: overrides.endUsers ?? new HttpEndUserApi(client, paths.deviceUserList),
    bindings: overrides.bindings ?? new HttpBindingApi(client, paths.bindingWrites),
    projects: overrides.projects ?? new HttpProjectApi(client, paths.projects),
    deviceGroups: overrides.deviceGroups ?? new HttpDeviceGroupApi(client, paths.deviceGroups),
    sms: overrides.sms ?? new HttpSmsApi(client, paths.sms),
    mail: overrides.mail ?? new HttpMailApi(client, paths.mail),
    mailTemplates: overrides.mailTemplates ?? new HttpMailTemplateApi(client, paths.mail),
    userDomainProducts: overrides.userDomainProducts ?? new HttpUserDomainProductApi(client, paths.endUserAdmin),
    thirdPartyLogins: overrides.thirdPartyLogins ?? new HttpThirdPartyLoginApi(client, paths.endUserAdmin),
  };
}

export function createAdminLoaders(apis: AdminApis, pageSize: number): AdminLoaders {
  return {
    ...createRuleLoaders(apis.rules, pageSize),
    ...createEndUserLoaders(apis.endUsers, pageSize),
    ...createProjectLoaders(apis.projects, pageSize),
    ...createDeviceGroupLoaders(apis.deviceGroups, pageSize),
    ...createSmsLoaders(apis.sms, pageSize),
    ...createMailLoaders(apis.mail, pageSize),
    ...createMailTemplateLoaders(apis.mailTemplates, pageSize),
    ...createUserDomainAuthLoaders(apis.userDomainProducts, apis.thirdPartyLogins, pageSize),
  };
}
