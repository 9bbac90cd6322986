import type { AdminSeed, Binding, DeviceGroup, EndUser, UserDomain } from '../store/admin.types';
import { mailTemplateSeed } from './mail-template.seed';
import type { Device, Product } from '../store/store.types';
import { Random } from './random';
import { DAY_MS, SEED_ANCHOR_MS } from './seed.constants';
import { generateUserDomainAuthSeed } from './user-domain-auth.seed';

/** Nested group tree: [name, parent index | null]. Leaves hold most devices. */
const GROUP_TREE: ReadonlyArray<readonly [string, number | null]> = [
  ['North Region', null],
  ['South Region', null],
  ['Plant Hamburg', 0],
  ['Plant Berlin', 0],
  ['Hall A', 2],
  ['Hall B', 2],
  ['Farm Sevilla', 1],
  ['Greenhouse 1', 6],
];

const NICKNAMES = ['Ava', 'Ben', 'Chen', 'Dana', 'Eli', 'Fatima', 'Goran', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lena', 'Mo', 'Nia'];

/**
 * Administration seed (queues, user domains, users, bindings, nested device groups). Uses its own PRNG stream so
 * adding it changed no product or device the core seed already produced. Pure: same inputs, deep-equal output.
 */
export function generateAdminSeed(seed: number, products: Product[], devices: Device[]): AdminSeed {
  const random = new Random((seed ^ 0x5eedad) >>> 0);
  const accountId = 1_358_400_000_000_000 + random.int(0, 9_999_999) * 100 + random.int(0, 99);
  const entId = random.int(5000, 9999);
  const at = (daysBefore: number) => SEED_ANCHOR_MS - daysBefore * DAY_MS + random.int(0, DAY_MS - 1);

  const queues = [
    {
      id: 6611,
      queueName: `a.${accountId}.default`,
      queueDesc: 'Free queue of the SaaS application',
      status: 0 as const,
      isFree: 1 as const,
      createTime: at(120),
      updateTime: null,
      msgNum: 0,
    },
  ];

  const userDomains: UserDomain[] = [1, 2].map((n) => {
    const addTime = at(400 - n * 30);
    return {
      userDomainId: 12_300 + n,
      userDomain: `C.DM.${entId}.${n}`,
      userDomainType: String(n),
      userDomainSecret: `uds_${random.alnum(24)}`,
      entId,
      remark: n === 1 ? 'Consumer app' : 'Installer app',
      enable: true,
      addTime,
      updateTime: addTime + random.int(0, 30) * DAY_MS,
    };
  });

  const users: EndUser[] = NICKNAMES.map((nick, i) => {
    const registerTime = at(300 - i * 10);
    return {
      uid: `C${131_300 + i * 7}`,
      userDomain: userDomains[i % 3 === 2 ? 1 : 0].userDomain,
      nikeName: nick,
      phone: `171${random.digits(8)}`,
      email: i % 2 === 0 ? `${nick.toLowerCase()}@example.com` : '',
      lang: i % 2 === 0 ? 'en' : 'zh',
      status: i === NICKNAMES.length - 1 ? 0 : 1,
      logonMode: 1,
      registerTime,
      lastLoginTime: registerTime + random.int(1, 200) * DAY_MS,
    };
  });

  // Devices of authorized direct-connected products get owners; some are shared with a second user.
  const bindable = devices.filter((d) => {
    const product = products.find((p) => p.productKey === d.productKey);
    return product?.authorized && product.accessType === 0;
  });
  const bindings: Binding[] = [];
  bindable.slice(0, 40).forEach((device, i) => {
    const owner = users[i % (users.length - 1)];
    const bindTime = Math.max(device.createTime, owner.registerTime) + random.int(1, 20) * DAY_MS;
    bindings.push({
      uid: owner.uid,
      productKey: device.productKey,
      deviceKey: device.deviceKey,
      deviceType: 1,
      ownerUid: null,
      bindTime,
      bindingType: 3,
    });
    if (i % 4 === 0) {
      const guest = users[(i + 3) % (users.length - 1)];
      bindings.push({
        uid: guest.uid,
        productKey: device.productKey,
        deviceKey: device.deviceKey,
        deviceType: 2,
        ownerUid: owner.uid,
        bindTime: bindTime + DAY_MS,
        bindingType: 3,
      });
    }
  });
  const bindingCodes = bindable.slice(0, 60).map((d) => ({ productKey: d.productKey, deviceKey: d.deviceKey, code: random.hex(8) }));

  const groups: DeviceGroup[] = GROUP_TREE.map(([name, parent], i) => {
    const createTime = at(200 - i * 5);
    return {
      id: 9100 + i,
      name,
      parentId: parent === null ? null : 9100 + parent,
      description: `${name} devices`,
      address: '',
      manager: i % 2 === 0 ? 'Operations' : '',
      createTime,
      updateTime: createTime,
    };
  });
  const leaves = groups.filter((g) => !groups.some((other) => other.parentId === g.id));
  const memberships: AdminSeed['memberships'] = [];
  const authorized = new Set(products.filter((p) => p.authorized).map((p) => p.productKey));
  devices.forEach((device, i) => {
    // A fifth of the devices stay ungrouped; devices of products not authorized to the SaaS app are never grouped.
    if (i % 5 === 4 || !authorized.has(device.productKey)) return;
    memberships.push({ deviceId: device.id, groupId: leaves[i % leaves.length].id });
    if (i % 7 === 0) memberships.push({ deviceId: device.id, groupId: groups[(i % 2) as 0 | 1].id });
  });

  const smsAccounts = [
    {
      accountId: 3101,
      accountName: 'Aliyun main',
      smsPlatform: 'aliyun',
      accessKey: `LTAI${random.alnum(16)}`,
      accessSecret: `sms_${random.alnum(30)}`,
      enabled: 1 as const,
      createTime: at(150),
    },
    {
      accountId: 3102,
      accountName: 'Tencent backup',
      smsPlatform: 'tencent',
      accessKey: `AKID${random.alnum(16)}`,
      accessSecret: `sms_${random.alnum(30)}`,
      enabled: 0 as const,
      createTime: at(90),
    },
  ];
  const smsSigns = [
    {
      ssid: 'C1',
      signName: 'Acme IoT',
      status: 1 as const,
      enabled: 1 as const,
      createTime: at(140),
      userDomainList: userDomains.map((d) => d.userDomain),
    },
    { ssid: 'C2', signName: 'Acme Test', status: 0 as const, enabled: 0 as const, createTime: at(20), userDomainList: [] },
    { ssid: 'C3', signName: 'Acme Deals', status: 2 as const, enabled: 0 as const, createTime: at(10), userDomainList: [] },
  ];
  const smsTemplates = [
    {
      stid: 'C1',
      templateName: 'Login code',
      thirdTemplateId: 'SMS_2045',
      content: 'Your code is ${code}',
      status: 1 as const,
      enabled: 1 as const,
      createTime: at(139),
      userDomainList: [userDomains[0].userDomain],
    },
    {
      stid: 'C2',
      templateName: 'Device alert',
      thirdTemplateId: 'SMS_2046',
      content: 'Device ${name} raised ${alert}',
      status: 2 as const,
      enabled: 0 as const,
      createTime: at(30),
      userDomainList: [],
    },
  ];

  const mailAccounts = [
    {
      accountId: 4101,
      accountName: 'Notifications',
      smtpServer: 'smtp.example.com',
      smtpPort: 465,
      account: 'noreply@example.com',
      password: `mail_${random.alnum(20)}`,
      senderAddress: 'noreply@example.com',
      enabled: 1 as const,
      createTime: at(160),
      userDomainList: [userDomains[0].userDomain],
    },
  ];
  const mailTemplates = mailTemplateSeed(userDomains, at);

  const domainAuth = generateUserDomainAuthSeed(random, userDomains, products);

  return {
    accountId,
    entId,
    queues,
    subscriptions: [],
    userDomains,
    users,
    bindings,
    bindingCodes,
    groups,
    memberships,
    smsAccounts,
    smsSigns,
    smsTemplates,
    mailAccounts,
    mailTemplates,
    domainAuth,
  };
}
