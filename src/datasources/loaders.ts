import type { Apis } from './apis';
import { lazyGroups, type GroupBuilder } from './lazy-groups';
import { createProductLoaders, type ProductLoaders } from './catalog/product.loaders';
import { createProjectLoaders, type ProjectLoaders } from './catalog/project.loaders';
import { createDeviceLoaders, type DeviceLoaders } from './devices/device.loaders';
import { createDeviceGroupLoaders, type DeviceGroupLoaders } from './devices/device-group.loaders';
import { createDeviceDataLoaders, type DeviceDataLoaders } from './device-data/device-data.loaders';
import { createRuleLoaders, type RuleLoaders } from './messaging/rule.loaders';
import { createEndUserLoaders, type EndUserLoaders } from './end-users/end-user.loaders';
import { createUserDomainAuthLoaders, type UserDomainAuthLoaders } from './end-users/user-domain-auth.loaders';
import { createSmsLoaders, type SmsLoaders } from './notifications/sms.loaders';
import { createMailLoaders, type MailLoaders } from './notifications/mail.loaders';
import { createMailTemplateLoaders, type MailTemplateLoaders } from './notifications/mail-template.loaders';

export type { Apis } from './apis';

export type Loaders = ProductLoaders &
  ProjectLoaders &
  DeviceLoaders &
  DeviceGroupLoaders &
  DeviceDataLoaders &
  RuleLoaders &
  EndUserLoaders &
  UserDomainAuthLoaders &
  SmsLoaders &
  MailLoaders &
  MailTemplateLoaders;

/**
 * Every loader group; a request builds a group the first time one of its loaders is read (a device query never builds
 * the mail or SMS loaders). Append new groups here.
 */
const loaderGroups: GroupBuilder<[Apis, number], Loaders>[] = [
  (apis, pageSize) => createProductLoaders(apis.products, pageSize),
  (apis, pageSize) => createProjectLoaders(apis.projects, pageSize),
  (apis, pageSize) => createDeviceLoaders(apis.devices, apis.gateways, pageSize),
  (apis, pageSize) => createDeviceGroupLoaders(apis.deviceGroups, pageSize),
  (apis, pageSize) => createDeviceDataLoaders(apis.history, apis.locations, pageSize),
  (apis, pageSize) => createRuleLoaders(apis.rules, pageSize),
  (apis, pageSize) => createEndUserLoaders(apis.endUsers, pageSize),
  (apis, pageSize) => createUserDomainAuthLoaders(apis.userDomainProducts, apis.thirdPartyLogins, pageSize),
  (apis, pageSize) => createSmsLoaders(apis.sms, pageSize),
  (apis, pageSize) => createMailLoaders(apis.mail, pageSize),
  (apis, pageSize) => createMailTemplateLoaders(apis.mailTemplates, pageSize),
];

const LazyLoaders = lazyGroups<[Apis, number], Loaders>(loaderGroups, [{} as Apis, 1]);

/** New loaders for every request: nothing cached here may outlive the request that loaded it. */
export function createLoaders(apis: Apis, pageSize: number): Loaders {
  return new LazyLoaders(apis, pageSize);
}
