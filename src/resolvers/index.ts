import type { NonEmptyArray } from 'type-graphql';
import type { GraphResolvers } from '../schema/build-schema';
import { ProductResolver } from './catalog/product.resolver';
import { DeviceResolver } from './devices/device.resolver';
import { DeviceDataResolver } from './device-data/device-data.resolver';
import { CommandResolver } from './device-data/command.resolver';
import { DeviceLifecycleResolver } from './devices/device-lifecycle.resolver';
import { PushMessageResolver } from './messaging/push-message.resolver';
import { MessageQueueResolver } from './messaging/message-queue.resolver';
import { MessageSubscriptionResolver } from './messaging/message-subscription.resolver';
import { EndUserResolver, UserDomainResolver } from './end-users/end-user.resolver';
import { BindingResolver } from './end-users/binding.resolver';
import { DeviceEndUsersResolver } from './end-users/device-end-users.resolver';
import { ProductProjectResolver, ProjectResolver } from './catalog/project.resolver';
import { DeviceGroupResolver, DeviceGroupsOfDeviceResolver } from './devices/device-group.resolver';
import { SmsResolver } from './notifications/sms.resolver';
import { SmsSignatureResolver } from './notifications/sms-signature.resolver';
import { SmsTemplateResolver } from './notifications/sms-template.resolver';
import { MailResolver } from './notifications/mail.resolver';
import { MailTemplateResolver } from './notifications/mail-template.resolver';
import { ProductUserDomainsResolver, UserDomainAuthResolver } from './end-users/user-domain-auth.resolver';
import { DeviceCountsResolver, ProductDeviceCountsResolver } from './devices/device-counts.resolver';
import { CommandLookupResolver } from './device-data/command-lookup.resolver';
import { resolveProductReference } from './catalog/product.reference';
import { resolveProjectReference } from './catalog/project.reference';
import { resolveDeviceReference } from './devices/device.reference';
import { resolveDeviceGroupReference } from './devices/device-group.reference';
import { resolveEndUserReference } from './end-users/end-user.reference';
import { loadProductDetail } from './catalog/product.detail';
import { loadDeviceDetail } from './devices/device.detail';
import { loadEndUserDetail } from './end-users/end-user.detail';
import { loadUserDomainDetail } from './end-users/user-domain.detail';
import { scopeAuthChecker } from '../auth/callers/auth-checker';
import { costTable } from './cost.table';
import { DeviceIdResolver, EndUserIdResolver, ProductIdResolver } from './global-id.resolver';
import { LiveDeviceResolver } from './device-data/live-device.resolver';

// Import order is type-graphql's field order in the SDL: keep it when adding resolvers (append new ones last).
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as NonEmptyArray<Function>
const resolverClasses: NonEmptyArray<Function> = [
  // catalog
  ProductResolver,
  ProjectResolver,
  ProductProjectResolver,
  // devices
  DeviceResolver,
  DeviceLifecycleResolver,
  DeviceGroupResolver,
  DeviceGroupsOfDeviceResolver,
  // device data
  DeviceDataResolver,
  CommandResolver,
  // messaging
  MessageQueueResolver,
  MessageSubscriptionResolver,
  PushMessageResolver,
  // end users
  EndUserResolver,
  UserDomainResolver,
  BindingResolver,
  DeviceEndUsersResolver,
  UserDomainAuthResolver,
  ProductUserDomainsResolver,
  // notifications
  SmsResolver,
  SmsSignatureResolver,
  SmsTemplateResolver,
  MailResolver,
  MailTemplateResolver,
  // dashboards
  ProductDeviceCountsResolver,
  DeviceCountsResolver,
  CommandLookupResolver,
  // global ids
  ProductIdResolver,
  DeviceIdResolver,
  EndUserIdResolver,
  // live device state (push)
  LiveDeviceResolver,
];

/** The one registration list: every resolver, entity reference and detail loader the graph serves. */
export const graphResolvers: GraphResolvers = {
  resolverClasses,
  references: {
    Product: resolveProductReference,
    Project: resolveProjectReference,
    Device: resolveDeviceReference,
    DeviceGroup: resolveDeviceGroupReference,
    EndUser: resolveEndUserReference,
  },
  details: {
    Product: loadProductDetail,
    Device: loadDeviceDetail,
    EndUser: loadEndUserDetail,
    UserDomain: loadUserDomainDetail,
  },
  authChecker: scopeAuthChecker,
  costs: costTable,
};
