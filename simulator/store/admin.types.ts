import type { UserDomainAuthSeed } from './user-domain-auth.types';

// Records of the platform-administration areas: message queues and subscriptions (§6.6), end users and
// bindings (§6.7, §11.5), device groups (§11.6). Field names follow upstream where rows are echoed.

/** A queue as stored; `queueName` is the full `a.<identifierId>.<name>` form (§6.6). */
export interface Queue {
  id: number;
  queueName: string;
  queueDesc: string;
  /** 0 not enabled, 1 enabled, 2 suspended (§5). */
  status: 0 | 1 | 2;
  isFree: 0 | 1;
  createTime: number;
  updateTime: number | null;
  /** Backlog, for queue/detail. */
  msgNum: number;
}

/** 1 product, 2 device, 5 end-user domain, 6 SaaS (create levels; list renders 1/3/6, §5). */
export type SubscriptionKind = 'product' | 'device' | 'saas' | 'enduser';

export interface Subscription {
  id: number;
  subscribeName: string;
  queueId: number;
  kind: SubscriptionKind;
  productKey: string | null;
  deviceKey: string | null;
  endUserDomain: string | null;
  msgTypes: number[];
  /** 0 not started, 1 running (§5). */
  status: 0 | 1;
  createTime: number;
  updateTime: number;
}

export interface UserDomain {
  userDomainId: number;
  userDomain: string;
  userDomainType: string;
  /** Handed out by entUserDomainList (§6.7); a credential, never logged. */
  userDomainSecret: string;
  entId: number;
  remark: string;
  enable: boolean;
  addTime: number;
  updateTime: number;
}

export interface EndUser {
  uid: string;
  userDomain: string;
  nikeName: string;
  phone: string;
  email: string;
  lang: string;
  /** 0 disabled, 1 normal. */
  status: 0 | 1;
  logonMode: number;
  registerTime: number;
  lastLoginTime: number;
}

export interface Binding {
  uid: string;
  productKey: string;
  deviceKey: string;
  /** 1 own, 2 shared. */
  deviceType: 1 | 2;
  ownerUid: string | null;
  bindTime: number;
  /** 1 SN, 2 Wi-Fi, 3 PK/DK, 4 Bluetooth. */
  bindingType: 1 | 2 | 3 | 4;
}

export interface DeviceGroup {
  id: number;
  name: string;
  parentId: number | null;
  description: string;
  address: string;
  manager: string;
  createTime: number;
  updateTime: number;
}

export interface GroupControlTask {
  taskId: number;
  dgid: number;
  type: string;
  operate: string;
  data: string;
  /** 0 waiting, 1 running, 2 finished, 3 failed [INFERRED]. */
  status: 0 | 1 | 2 | 3;
  total: number;
  success: number;
  fail: number;
  createTime: number;
}

/** An SMS provider account (§11.7 [INFERRED] fields); `accessSecret` is a provider credential. */
export interface SmsAccount {
  accountId: number;
  accountName: string;
  /** Provider, e.g. "aliyun", "tencent" [INFERRED]. */
  smsPlatform: string;
  accessKey: string;
  accessSecret: string;
  /** 1 enabled, 0 disabled [INFERRED]. */
  enabled: 0 | 1;
  createTime: number;
}

export interface SmsSign {
  ssid: string;
  signName: string;
  /** 0 pending, 1 approved, 2 rejected [INFERRED]. */
  status: 0 | 1 | 2;
  enabled: 0 | 1;
  createTime: number;
  /** User domains (Apps) allowed to send with it; replaced as a whole by entSmsSignUserDomainAuth [INFERRED]. */
  userDomainList: string[];
}

export interface SmsTemplate {
  stid: string;
  templateName: string;
  thirdTemplateId: string;
  content: string;
  status: 0 | 1 | 2;
  enabled: 0 | 1;
  createTime: number;
  /** User domains (Apps) allowed to send with it; replaced as a whole by entSmsTemplateUserDomainAuth [INFERRED]. */
  userDomainList: string[];
}

/** An SMTP mail account (§11.8 [INFERRED] fields); `password` is a credential. */
export interface MailAccount {
  accountId: number;
  accountName: string;
  smtpServer: string;
  smtpPort: number;
  account: string;
  password: string;
  senderAddress: string;
  enabled: 0 | 1;
  createTime: number;
  /** User domains (Apps) allowed to send through the account; replaced as a whole (§11.8 [INFERRED]). */
  userDomainList: string[];
}

/** A mail template (§11.8 [INFERRED] fields); its content is read through a call of its own. */
export interface MailTemplate {
  templateId: number;
  templateName: string;
  /** 1 verification code (content must hold `${code}`), 2 notification [INFERRED]. */
  templateType: 1 | 2;
  subject: string;
  content: string;
  /** 0 in review, 1 approved, 2 rejected [INFERRED]. */
  reviewStatus: 0 | 1 | 2;
  /** The reviewer's reason when rejected, else "". */
  reviewNote: string;
  enabled: 0 | 1;
  userDomainList: string[];
  createTime: number;
  updateTime: number;
}

export interface AdminSeed {
  /** Account identifier used in full queue names (`a.<id>.<name>`) and as entUserId/userId. */
  accountId: number;
  entId: number;
  queues: Queue[];
  subscriptions: Subscription[];
  userDomains: UserDomain[];
  users: EndUser[];
  bindings: Binding[];
  /** deviceKey-of -> binding code the device reported (verifyBindingCode). */
  bindingCodes: Array<{ productKey: string; deviceKey: string; code: string }>;
  groups: DeviceGroup[];
  /** Device memberships: device id -> group ids (mirrored onto Device.groupIds). */
  memberships: Array<{ deviceId: number; groupId: number }>;
  smsAccounts: SmsAccount[];
  smsSigns: SmsSign[];
  smsTemplates: SmsTemplate[];
  mailAccounts: MailAccount[];
  mailTemplates: MailTemplate[];
  /** Product authorizations and third-party login configs of the user domains (§11.8). */
  domainAuth: UserDomainAuthSeed;
}
