import type { InferredPaths } from '../config';
import type { PlatformClient } from './platform/platform-client';
import { lazyGroups, type GroupBuilder } from './lazy-groups';
import { HttpProductApi, type ProductApi } from './catalog/product.api';
import { HttpProjectApi, type ProjectApi } from './catalog/project.api';
import { HttpDeviceApi, type DeviceApi } from './devices/device.api';
import { HttpGatewayApi, type GatewayApi } from './devices/gateway.api';
import { HttpDeviceLifecycleApi, type DeviceLifecycleApi } from './devices/device-lifecycle.api';
import { HttpDeviceGroupApi, type DeviceGroupApi } from './devices/device-group.api';
import { HttpCommandApi, type CommandApi } from './device-data/command.api';
import { HttpHistoryApi, type HistoryApi } from './device-data/history.api';
import { HttpLocationApi, type LocationApi } from './device-data/location.api';
import { HttpRuleApi, type RuleApi } from './messaging/rule.api';
import { HttpEndUserApi, type EndUserApi } from './end-users/end-user.api';
import { HttpBindingApi, type BindingApi } from './end-users/binding.api';
import { HttpUserDomainProductApi, type UserDomainProductApi } from './end-users/user-domain-product.api';
import { HttpThirdPartyLoginApi, type ThirdPartyLoginApi } from './end-users/third-party-login.api';
import { HttpSmsApi, type SmsApi } from './notifications/sms.api';
import { HttpMailApi, type MailApi } from './notifications/mail.api';
import { HttpMailTemplateApi, type MailTemplateApi } from './notifications/mail-template.api';

/** Every datasource of one request, by domain. */
export interface Apis {
  // catalog
  products: ProductApi;
  projects: ProjectApi;
  // devices
  devices: DeviceApi;
  gateways: GatewayApi;
  lifecycle: DeviceLifecycleApi;
  deviceGroups: DeviceGroupApi;
  // device data
  commands: CommandApi;
  history: HistoryApi;
  locations: LocationApi;
  // messaging
  rules: RuleApi;
  // end users
  endUsers: EndUserApi;
  bindings: BindingApi;
  userDomainProducts: UserDomainProductApi;
  thirdPartyLogins: ThirdPartyLoginApi;
  // notifications
  sms: SmsApi;
  mail: MailApi;
  mailTemplates: MailTemplateApi;
}

/** Our inference for the paths the public documentation does not give (§11); `Config.inferredPaths` overrides them. */
export const DEFAULT_INFERRED_PATHS: InferredPaths = Object.freeze({
  projects: '/v2/quecproductmgr/r1/openapi/project',
  deviceGroups: '/v2/devicegroup/enterpriseapi',
  deviceUserList: '/v2/binding/enterpriseapi/deviceUserList',
  bindingWrites: '/v2/binding/enterpriseapi',
  sms: '/v2/sms/enterpriseapi',
  mail: '/v2/enduser/enterpriseapi',
  endUserAdmin: '/v2/enduser/enterpriseapi',
});

/** How datasources talk to the platform beyond paths: opt-ins for what the platform does not document. */
export interface ApiOptions {
  /** Send `deviceName` to the device list (QUEC_DEVICE_NAME_FILTER); off by default, as it is undocumented. */
  deviceNameFilter?: boolean;
}

type ApiArgs = [client: PlatformClient, paths: InferredPaths, overrides: Partial<Apis>, options: ApiOptions];

/** Every datasource, with its override (a fake in tests) taking its place; one is built when a request first uses it. */
const apiGroups: GroupBuilder<ApiArgs, Apis>[] = [
  (client, _paths, overrides) => ({ products: overrides.products ?? new HttpProductApi(client) }),
  (client, paths, overrides) => ({ projects: overrides.projects ?? new HttpProjectApi(client, paths.projects) }),
  (client, _paths, overrides, options) => ({ devices: overrides.devices ?? new HttpDeviceApi(client, options.deviceNameFilter === true) }),
  (client, _paths, overrides) => ({ gateways: overrides.gateways ?? new HttpGatewayApi(client) }),
  (client, _paths, overrides) => ({ lifecycle: overrides.lifecycle ?? new HttpDeviceLifecycleApi(client) }),
  (client, paths, overrides) => ({ deviceGroups: overrides.deviceGroups ?? new HttpDeviceGroupApi(client, paths.deviceGroups) }),
  (client, _paths, overrides) => ({ commands: overrides.commands ?? new HttpCommandApi(client) }),
  (client, _paths, overrides) => ({ history: overrides.history ?? new HttpHistoryApi(client) }),
  (client, _paths, overrides) => ({ locations: overrides.locations ?? new HttpLocationApi(client) }),
  (client, _paths, overrides) => ({ rules: overrides.rules ?? new HttpRuleApi(client) }),
  (client, paths, overrides) => ({ endUsers: overrides.endUsers ?? new HttpEndUserApi(client, paths.deviceUserList) }),
  (client, paths, overrides) => ({ bindings: overrides.bindings ?? new HttpBindingApi(client, paths.bindingWrites) }),
  (client, paths, overrides) => ({ userDomainProducts: overrides.userDomainProducts ?? new HttpUserDomainProductApi(client, paths.endUserAdmin) }),
  (client, paths, overrides) => ({ thirdPartyLogins: overrides.thirdPartyLogins ?? new HttpThirdPartyLoginApi(client, paths.endUserAdmin) }),
  (client, paths, overrides) => ({ sms: overrides.sms ?? new HttpSmsApi(client, paths.sms) }),
  (client, paths, overrides) => ({ mail: overrides.mail ?? new HttpMailApi(client, paths.mail) }),
  (client, paths, overrides) => ({ mailTemplates: overrides.mailTemplates ?? new HttpMailTemplateApi(client, paths.mail) }),
];

const LazyApis = lazyGroups<ApiArgs, Apis>(apiGroups, [{} as PlatformClient, DEFAULT_INFERRED_PATHS, {}, {}]);

/** New HTTP datasources over the shared client, with any of `overrides` (fakes in tests) taking their place. */
export function createApis(
  client: PlatformClient,
  paths: InferredPaths = DEFAULT_INFERRED_PATHS,
  overrides: Partial<Apis> = {},
  options: ApiOptions = {},
): Apis {
  return new LazyApis(client, paths, overrides, options);
}
