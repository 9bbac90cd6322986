import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './connection.type';
import { MessageQueue } from './messaging/message-queue.type';
import { MessageSubscription } from './messaging/message-subscription.type';
import { EndUser, UserDomain, type EndUserSource } from './end-users/end-user.type';
import { Device, type DeviceSource } from './devices/device.type';
import { BindingRole } from './admin.enums';
import { Project } from './catalog/project.type';
import { DeviceGroup, DeviceGroupTask } from './devices/device-group.type';
import { SmsAccount, SmsSignature, SmsTemplate } from './notifications/sms.type';
import { MailAccount } from './notifications/mail.type';

@ObjectType({ description: 'A message queue in a list.' })
export class MessageQueueEdge {
  @Field({ description: 'Opaque position of this queue in the list.' })
  cursor!: string;

  @Field(() => MessageQueue, { description: 'The queue.' })
  node!: MessageQueue;
}

@ObjectType({ description: 'A page of message queues.' })
export class MessageQueueConnection {
  @Field(() => [MessageQueueEdge], { description: 'The queues of this page.' })
  edges!: MessageQueueEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of queues in the whole list.' })
  totalCount!: number;
}

@ObjectType({ description: 'A message subscription in a list.' })
export class MessageSubscriptionEdge {
  @Field({ description: 'Opaque position of this subscription in the list.' })
  cursor!: string;

  @Field(() => MessageSubscription, { description: 'The subscription.' })
  node!: MessageSubscription;
}

@ObjectType({ description: 'A page of message subscriptions.' })
export class MessageSubscriptionConnection {
  @Field(() => [MessageSubscriptionEdge], { description: 'The subscriptions of this page.' })
  edges!: MessageSubscriptionEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of subscriptions in the whole list.' })
  totalCount!: number;
}

@ObjectType({ description: 'A user domain in a list.' })
export class UserDomainEdge {
  @Field({ description: 'Opaque position of this user domain in the list.' })
  cursor!: string;

  @Field(() => UserDomain, { description: 'The user domain.' })
  node!: UserDomain;
}

@ObjectType({ description: 'A page of user domains.' })
export class UserDomainConnection {
  @Field(() => [UserDomainEdge], { description: 'The user domains of this page.' })
  edges!: UserDomainEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of user domains in the whole list.' })
  totalCount!: number;
}

@ObjectType({ description: 'An end user in a list.' })
export class EndUserEdge {
  @Field({ description: 'Opaque position of this user in the list.' })
  cursor!: string;

  @Field(() => EndUser, { description: 'The end user.' })
  node!: EndUserSource;
}

@ObjectType({ description: 'A page of end users.' })
export class EndUserConnection {
  @Field(() => [EndUserEdge], { description: 'The users of this page.' })
  edges!: EndUserEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of users in the whole list.' })
  totalCount!: number;
}

@ObjectType({ description: 'A device bound to (or shared with) an end user.' })
export class BoundDeviceEdge {
  @Field({ description: 'Opaque position of this device in the list.' })
  cursor!: string;

  @Field(() => Device, { description: 'The device.' })
  node!: DeviceSource;

  @Field(() => BindingRole, { nullable: true, description: 'Whether the user owns the device or had it shared.' })
  role!: BindingRole | null;

  @Field(() => Date, { nullable: true, description: 'When the device was bound.' })
  boundAt!: Date | null;
}

@ObjectType({ description: "A page of an end user's devices." })
export class BoundDeviceConnection {
  @Field(() => [BoundDeviceEdge], { description: 'The devices of this page.' })
  edges!: BoundDeviceEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of devices bound to the user.' })
  totalCount!: number;
}

@ObjectType({ description: 'An end user bound to a device.' })
export class DeviceUserEdge {
  @Field({ description: 'Opaque position of this user in the list.' })
  cursor!: string;

  @Field(() => EndUser, { description: 'The end user.' })
  node!: EndUserSource;

  @Field(() => BindingRole, { nullable: true, description: 'Whether the user owns the device or had it shared; null when the platform does not say.' })
  role!: BindingRole | null;
}

@ObjectType({ description: 'A page of the end users bound to a device.' })
export class DeviceUserConnection {
  @Field(() => [DeviceUserEdge], { description: 'The users of this page.' })
  edges!: DeviceUserEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of users bound to the device.' })
  totalCount!: number;
}

@ObjectType({ description: 'A project in a list.' })
export class ProjectEdge {
  @Field({ description: 'Opaque position of this project in the list.' })
  cursor!: string;

  @Field(() => Project, { description: 'The project.' })
  node!: Project;
}

@ObjectType({ description: 'A page of projects.' })
export class ProjectConnection {
  @Field(() => [ProjectEdge], { description: 'The projects of this page.' })
  edges!: ProjectEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of projects in the whole list.' })
  totalCount!: number;
}

@ObjectType({ description: 'A device group in a list.' })
export class DeviceGroupEdge {
  @Field({ description: 'Opaque position of this group in the list.' })
  cursor!: string;

  @Field(() => DeviceGroup, { description: 'The group.' })
  node!: DeviceGroup;
}

@ObjectType({ description: 'A page of device groups.' })
export class DeviceGroupConnection {
  @Field(() => [DeviceGroupEdge], { description: 'The groups of this page.' })
  edges!: DeviceGroupEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of groups in the whole list.' })
  totalCount!: number;
}

@ObjectType({ description: 'A group control task in a list.' })
export class DeviceGroupTaskEdge {
  @Field({ description: 'Opaque position of this task in the list.' })
  cursor!: string;

  @Field(() => DeviceGroupTask, { description: 'The task.' })
  node!: DeviceGroupTask;
}

@ObjectType({ description: 'A page of group control tasks.' })
export class DeviceGroupTaskConnection {
  @Field(() => [DeviceGroupTaskEdge], { description: 'The tasks of this page.' })
  edges!: DeviceGroupTaskEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of tasks in the whole list.' })
  totalCount!: number;
}

@ObjectType({ description: 'Outcome of adding devices to or removing them from a group.' })
export class GroupDevicesPayload {
  @Field(() => DeviceGroup, { nullable: true, description: 'The group afterwards.' })
  group!: DeviceGroup | null;

  @Field(() => Int, { description: 'Devices sent to the platform.' })
  deviceCount!: number;

  @Field(() => Int, { description: 'Upstream calls it took (100 devices per call).' })
  upstreamCalls!: number;
}

@ObjectType({ description: 'An SMS account in a list.' })
export class SmsAccountEdge {
  @Field({ description: 'Opaque position in the list.' })
  cursor!: string;

  @Field(() => SmsAccount, { description: 'The SMS account.' })
  node!: SmsAccount;
}

@ObjectType({ description: 'A page of SMS accounts.' })
export class SmsAccountConnection {
  @Field(() => [SmsAccountEdge], { description: 'The SMS accounts of this page.' })
  edges!: SmsAccountEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of SMS accounts in the whole list.' })
  totalCount!: number;
}

@ObjectType({ description: 'An SMS signature in a list.' })
export class SmsSignatureEdge {
  @Field({ description: 'Opaque position in the list.' })
  cursor!: string;

  @Field(() => SmsSignature, { description: 'The SMS signature.' })
  node!: SmsSignature;
}

@ObjectType({ description: 'A page of SMS signatures.' })
export class SmsSignatureConnection {
  @Field(() => [SmsSignatureEdge], { description: 'The SMS signatures of this page.' })
  edges!: SmsSignatureEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of SMS signatures in the whole list.' })
  totalCount!: number;
}

@ObjectType({ description: 'An SMS template in a list.' })
export class SmsTemplateEdge {
  @Field({ description: 'Opaque position in the list.' })
  cursor!: string;

  @Field(() => SmsTemplate, { description: 'The SMS template.' })
  node!: SmsTemplate;
}

@ObjectType({ description: 'A page of SMS templates.' })
export class SmsTemplateConnection {
  @Field(() => [SmsTemplateEdge], { description: 'The SMS templates of this page.' })
  edges!: SmsTemplateEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of SMS templates in the whole list.' })
  totalCount!: number;
}

@ObjectType({ description: 'An SMTP account in a list.' })
export class MailAccountEdge {
  @Field({ description: 'Opaque position in the list.' })
  cursor!: string;

  @Field(() => MailAccount, { description: 'The SMTP account.' })
  node!: MailAccount;
}

@ObjectType({ description: 'A page of SMTP accounts.' })
export class MailAccountConnection {
  @Field(() => [MailAccountEdge], { description: 'The SMTP accounts of this page.' })
  edges!: MailAccountEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of SMTP accounts in the whole list.' })
  totalCount!: number;
}
