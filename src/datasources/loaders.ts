import type { Apis } from './apis';
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

/** New loaders for every request: nothing cached here may outlive the request that loaded it. */
export function createLoaders(apis: Apis, pageSize: number): Loaders {
  return {
    ...createProductLoaders(apis.products, pageSize),
    ...createProjectLoaders(apis.projects, pageSize),
    ...createDeviceLoaders(apis.devices, apis.gateways, pageSize),
    ...createDeviceGroupLoaders(apis.deviceGroups, pageSize),
    ...createDeviceDataLoaders(apis.history, apis.locations, pageSize),
    ...createRuleLoaders(apis.rules, pageSize),
    ...createEndUserLoaders(apis.endUsers, pageSize),
    ...createUserDomainAuthLoaders(apis.userDomainProducts, apis.thirdPartyLogins, pageSize),
    ...createSmsLoaders(apis.sms, pageSize),
    ...createMailLoaders(apis.mail, pageSize),
    ...createMailTemplateLoaders(apis.mailTemplates, pageSize),
  };
}
