import type { NonEmptyArray } from 'type-graphql';
import { MessageQueueResolver } from '../resolvers/message-queue.resolver';
import { MessageSubscriptionResolver } from '../resolvers/message-subscription.resolver';
import { EndUserResolver, UserDomainResolver } from '../resolvers/end-user.resolver';
import { BindingResolver } from '../resolvers/binding.resolver';
import { DeviceAdminResolver } from '../resolvers/device-admin.resolver';
import { resolveEndUserReference } from '../resolvers/end-user.reference';
import { ProductProjectResolver, ProjectResolver } from '../resolvers/project.resolver';
import { resolveProjectReference } from '../resolvers/project.reference';
import { DeviceGroupResolver, DeviceGroupsOfDeviceResolver } from '../resolvers/device-group.resolver';
import { resolveDeviceGroupReference } from '../resolvers/device-group.reference';
import { SmsResolver } from '../resolvers/sms.resolver';
import { SmsSignatureResolver } from '../resolvers/sms-signature.resolver';
import { SmsTemplateResolver } from '../resolvers/sms-template.resolver';
import { MailResolver } from '../resolvers/mail.resolver';
import { MailTemplateResolver } from '../resolvers/mail-template.resolver';
import { ProductUserDomainsResolver, UserDomainAuthResolver } from '../resolvers/user-domain-auth.resolver';

/** Resolvers of the platform-administration areas, registered by build-schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ADMIN_RESOLVERS: NonEmptyArray<Function> = [
  MessageQueueResolver,
  MessageSubscriptionResolver,
  EndUserResolver,
  UserDomainResolver,
  BindingResolver,
  DeviceAdminResolver,
  ProjectResolver,
  ProductProjectResolver,
  DeviceGroupResolver,
  DeviceGroupsOfDeviceResolver,
  SmsResolver,
  SmsSignatureResolver,
  SmsTemplateResolver,
  MailResolver,
  MailTemplateResolver,
  UserDomainAuthResolver,
  ProductUserDomainsResolver,
];

/** Adds the `__resolveReference` of the administration entities to the resolver map. */
export function addAdminReferenceResolvers(resolvers: Record<string, Record<string, unknown>>): void {
  resolvers.EndUser = { ...resolvers.EndUser, __resolveReference: resolveEndUserReference };
  resolvers.Project = { ...resolvers.Project, __resolveReference: resolveProjectReference };
  resolvers.DeviceGroup = { ...resolvers.DeviceGroup, __resolveReference: resolveDeviceGroupReference };
}
