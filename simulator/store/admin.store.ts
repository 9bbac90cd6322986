import type { Device } from './store.types';
import type {
  AdminSeed,
  Binding,
  DeviceGroup,
  EndUser,
  GroupControlTask,
  MailAccount,
  MailTemplate,
  Queue,
  SmsAccount,
  SmsSign,
  SmsTemplate,
  Subscription,
  UserDomain,
} from './admin.types';
import { UserDomainAuthStore } from './user-domain-auth.store';

/** Documented account limits (§6.6). */
export const MAX_QUEUES = 50;
export const MAX_SUBSCRIPTIONS = 100;

/**
 * State of the administration areas (§6.6, §6.7, §11.5, §11.6). Reached as `SimulatorStore.admin`; routes mutate
 * it only through these methods so the group membership index and `Device.groupIds` stay in step.
 */
export class AdminStore {
  readonly accountId: number;
  readonly entId: number;
  private readonly queuesById = new Map<number, Queue>();
  private readonly subscriptionsById = new Map<number, Subscription>();
  private readonly domains: UserDomain[];
  private readonly usersByUid = new Map<string, EndUser>();
  private readonly bindingList: Binding[];
  private readonly codes = new Map<string, string>();
  private readonly groupsById = new Map<number, DeviceGroup>();
  private readonly members = new Map<number, Set<number>>();
  private readonly tasksById = new Map<number, GroupControlTask>();
  private readonly smsAccountsById = new Map<number, SmsAccount>();
  private readonly smsSignsById = new Map<string, SmsSign>();
  private readonly smsTemplatesById = new Map<string, SmsTemplate>();
  private nextSmsSignNo: number;
  private nextSmsTemplateNo: number;
  private readonly mailAccountsById = new Map<number, MailAccount>();
  private readonly mailTemplatesById = new Map<number, MailTemplate>();
  /** Product authorizations and third-party login configs of the user domains (§11.8). */
  readonly domainAuth: UserDomainAuthStore;
  private nextId: number;

  constructor(
    seed: AdminSeed,
    private readonly deviceById: (id: number) => Device | undefined,
  ) {
    this.accountId = seed.accountId;
    this.entId = seed.entId;
    for (const queue of seed.queues) this.queuesById.set(queue.id, queue);
    for (const sub of seed.subscriptions) this.subscriptionsById.set(sub.id, sub);
    this.domains = [...seed.userDomains];
    for (const user of seed.users) this.usersByUid.set(user.uid, user);
    this.bindingList = [...seed.bindings];
    for (const { productKey, deviceKey, code } of seed.bindingCodes) this.codes.set(`${productKey}\u0000${deviceKey}`, code);
    for (const group of seed.groups) this.groupsById.set(group.id, group);
    for (const { deviceId, groupId } of seed.memberships) this.addMember(groupId, deviceId);
    for (const account of seed.smsAccounts) this.smsAccountsById.set(account.accountId, account);
    for (const sign of seed.smsSigns) this.smsSignsById.set(sign.ssid, sign);
    for (const template of seed.smsTemplates) this.smsTemplatesById.set(template.stid, template);
    this.nextSmsSignNo = 1 + Math.max(0, ...seed.smsSigns.map((s) => serialOf(s.ssid)));
    this.nextSmsTemplateNo = 1 + Math.max(0, ...seed.smsTemplates.map((t) => serialOf(t.stid)));
    for (const account of seed.mailAccounts) this.mailAccountsById.set(account.accountId, account);
    for (const template of seed.mailTemplates) this.mailTemplatesById.set(template.templateId, template);
    this.domainAuth = new UserDomainAuthStore(seed.domainAuth);
    this.nextId = 1 + Math.max(7000, ...[...this.queuesById.keys(), ...this.subscriptionsById.keys(), ...this.groupsById.keys()]);
  }

  /** Ids for new queues, subscriptions, groups and tasks; monotonic like an auto-increment key. */
  newId(): number {
    return this.nextId++;
  }

  // ---- queues (§6.6)

  queues(): Queue[] {
    return [...this.queuesById.values()].sort((a, b) => a.id - b.id);
  }

  queue(id: number): Queue | undefined {
    return this.queuesById.get(id);
  }

  queueByName(fullName: string): Queue | undefined {
    return this.queues().find((q) => q.queueName === fullName);
  }

  addQueue(queue: Queue): void {
    this.queuesById.set(queue.id, queue);
  }

  deleteQueue(id: number): void {
    this.queuesById.delete(id);
  }

  // ---- subscriptions (§6.6)

  subscriptions(): Subscription[] {
    return [...this.subscriptionsById.values()].sort((a, b) => a.id - b.id);
  }

  subscription(id: number): Subscription | undefined {
    return this.subscriptionsById.get(id);
  }

  addSubscription(sub: Subscription): void {
    this.subscriptionsById.set(sub.id, sub);
  }

  deleteSubscription(id: number): void {
    this.subscriptionsById.delete(id);
  }

  // ---- end users and bindings (§6.7, §11.5)

  userDomains(): UserDomain[] {
    return [...this.domains];
  }

  userDomain(domain: string): UserDomain | undefined {
    return this.domains.find((d) => d.userDomain === domain);
  }

  users(domain?: string): EndUser[] {
    const all = [...this.usersByUid.values()];
    return domain === undefined ? all : all.filter((u) => u.userDomain === domain);
  }

  user(uid: string): EndUser | undefined {
    return this.usersByUid.get(uid);
  }

  bindings(): Binding[] {
    return [...this.bindingList];
  }

  binding(uid: string, productKey: string, deviceKey: string): Binding | undefined {
    return this.bindingList.find((b) => b.uid === uid && b.productKey === productKey && b.deviceKey === deviceKey);
  }

  addBinding(binding: Binding): void {
    this.bindingList.push(binding);
  }

  /** Removes a user's binding; an owner's unbinding also ends the shares they granted on that device. Returns the removed ones. */
  removeBinding(uid: string, productKey: string, deviceKey: string): Binding[] {
    return this.keepBindings((b) => !(b.productKey === productKey && b.deviceKey === deviceKey && (b.uid === uid || b.ownerUid === uid)));
  }

  /** Removes every binding of a device, own and shared. Returns the removed ones. */
  removeDeviceBindings(productKey: string, deviceKey: string): Binding[] {
    return this.keepBindings((b) => !(b.productKey === productKey && b.deviceKey === deviceKey));
  }

  private keepBindings(keep: (binding: Binding) => boolean): Binding[] {
    const kept = this.bindingList.filter(keep);
    const removed = this.bindingList.filter((b) => !keep(b));
    this.bindingList.splice(0, this.bindingList.length, ...kept);
    return removed;
  }

  bindingCode(productKey: string, deviceKey: string): string | undefined {
    return this.codes.get(`${productKey}\u0000${deviceKey}`);
  }

  // ---- device groups (§11.6)

  groups(): DeviceGroup[] {
    return [...this.groupsById.values()].sort((a, b) => a.id - b.id);
  }

  group(id: number): DeviceGroup | undefined {
    return this.groupsById.get(id);
  }

  addGroup(group: DeviceGroup): void {
    this.groupsById.set(group.id, group);
  }

  /** True when `candidate` is `groupId` itself or sits below it. */
  isSelfOrDescendant(groupId: number, candidate: number): boolean {
    for (let current: DeviceGroup | undefined = this.groupsById.get(candidate); current; ) {
      if (current.id === groupId) return true;
      current = current.parentId === null ? undefined : this.groupsById.get(current.parentId);
    }
    return false;
  }

  deleteGroup(id: number): void {
    for (const deviceId of this.members.get(id) ?? []) this.removeMember(id, deviceId);
    this.members.delete(id);
    this.groupsById.delete(id);
  }

  /** Devices of a group, by ascending id. */
  groupDevices(groupId: number): Device[] {
    return [...(this.members.get(groupId) ?? [])]
      .sort((a, b) => a - b)
      .map((id) => this.deviceById(id))
      .filter((d): d is Device => d !== undefined);
  }

  addMember(groupId: number, deviceId: number): void {
    const set = this.members.get(groupId) ?? new Set<number>();
    set.add(deviceId);
    this.members.set(groupId, set);
    const device = this.deviceById(deviceId);
    if (device && !device.groupIds.includes(groupId)) device.groupIds.push(groupId);
  }

  removeMember(groupId: number, deviceId: number): void {
    this.members.get(groupId)?.delete(deviceId);
    const device = this.deviceById(deviceId);
    if (device) device.groupIds = device.groupIds.filter((id) => id !== groupId);
  }

  tasks(): GroupControlTask[] {
    return [...this.tasksById.values()].sort((a, b) => b.taskId - a.taskId);
  }

  task(id: number): GroupControlTask | undefined {
    return this.tasksById.get(id);
  }

  addTask(task: GroupControlTask): void {
    this.tasksById.set(task.taskId, task);
  }

  // ---- SMS (§11.7)

  smsAccounts(): SmsAccount[] {
    return [...this.smsAccountsById.values()].sort((a, b) => a.accountId - b.accountId);
  }

  smsAccount(id: number): SmsAccount | undefined {
    return this.smsAccountsById.get(id);
  }

  addSmsAccount(account: SmsAccount): void {
    this.smsAccountsById.set(account.accountId, account);
  }

  deleteSmsAccount(id: number): void {
    this.smsAccountsById.delete(id);
  }

  /** Signatures in the order they were added. */
  smsSigns(): SmsSign[] {
    return [...this.smsSignsById.values()];
  }

  smsSign(ssid: string): SmsSign | undefined {
    return this.smsSignsById.get(ssid);
  }

  /** Signature ids look like the App SDKs' "C1" (§11.7); never reused after a delete. */
  newSmsSignId(): string {
    return `C${this.nextSmsSignNo++}`;
  }

  addSmsSign(sign: SmsSign): void {
    this.smsSignsById.set(sign.ssid, sign);
  }

  deleteSmsSign(ssid: string): void {
    this.smsSignsById.delete(ssid);
  }

  /** Templates in the order they were added. */
  smsTemplates(): SmsTemplate[] {
    return [...this.smsTemplatesById.values()];
  }

  smsTemplate(stid: string): SmsTemplate | undefined {
    return this.smsTemplatesById.get(stid);
  }

  /** Template ids, "C1" style like signature ids and numbered on their own. */
  newSmsTemplateId(): string {
    return `C${this.nextSmsTemplateNo++}`;
  }

  addSmsTemplate(template: SmsTemplate): void {
    this.smsTemplatesById.set(template.stid, template);
  }

  deleteSmsTemplate(stid: string): void {
    this.smsTemplatesById.delete(stid);
  }

  // ---- mail (§11.8)

  mailAccounts(): MailAccount[] {
    return [...this.mailAccountsById.values()].sort((a, b) => a.accountId - b.accountId);
  }

  mailAccount(id: number): MailAccount | undefined {
    return this.mailAccountsById.get(id);
  }

  addMailAccount(account: MailAccount): void {
    this.mailAccountsById.set(account.accountId, account);
  }

  deleteMailAccount(id: number): void {
    this.mailAccountsById.delete(id);
  }

  mailTemplates(): MailTemplate[] {
    return [...this.mailTemplatesById.values()].sort((a, b) => a.templateId - b.templateId);
  }

  mailTemplate(id: number): MailTemplate | undefined {
    return this.mailTemplatesById.get(id);
  }

  addMailTemplate(template: MailTemplate): void {
    this.mailTemplatesById.set(template.templateId, template);
  }

  deleteMailTemplate(id: number): void {
    this.mailTemplatesById.delete(id);
  }

  /**
   * The platform's own reviewers at work (no enterprise API reviews templates): approves a template, or rejects it
   * with the note its owner will read. A rejection without a note is a programming error in the caller.
   */
  reviewMailTemplate(id: number, verdict: { approved: true } | { approved: false; note: string }): void {
    const template = this.mailTemplatesById.get(id);
    if (!template) throw new RangeError(`no mail template ${id}`);
    if (!verdict.approved && verdict.note.trim() === '') throw new RangeError('a rejection needs a review note');
    template.reviewStatus = verdict.approved ? 1 : 2;
    template.reviewNote = verdict.approved ? '' : verdict.note;
  }
}

/** The number in a "C12"-style SMS id; 0 when there is none. */
function serialOf(id: string): number {
  const match = /(\d+)$/.exec(id);
  return match ? Number(match[1]) : 0;
}
