import { BusinessError } from '../http/business-error';
import { bodyInteger, bodyText, objectBody, type Body } from '../http/body-params';
import { pageB, readPageInfoPaging, singleB } from '../http/page-info';
import { optionalInteger, optionalText, requiredText } from '../http/query-params';
import type { RouteContext, RouteDefinition } from '../router';
import type { DeviceGroup, GroupControlTask } from '../store/admin.types';
import type { Device } from '../store/store.types';

// Device groups (§11.6). Only names and methods are published; paths under `/v2/devicegroup/enterpriseapi`,
// envelope B (like the other `enterpriseapi` services), `dgid` ids, `{pk, dk}` device lists and the field
// lengths below are [INFERRED] from the App SDK group model and codes 5301-5351.

const BASE = '/v2/devicegroup/enterpriseapi';
const MAX_DEVICES_PER_CALL = 100;

function toGroupRow(context: RouteContext, group: DeviceGroup): Record<string, unknown> {
  return {
    dgid: group.id,
    name: group.name,
    parentId: group.parentId ?? 0,
    description: group.description,
    address: group.address,
    manager: group.manager,
    deviceNum: context.store.admin.groupDevices(group.id).length,
    createTime: group.createTime,
    updateTime: group.updateTime,
  };
}

function toTaskRow(task: GroupControlTask): Record<string, unknown> {
  return { ...task };
}

function groupOf(context: RouteContext, id: number | undefined): DeviceGroup {
  if (id === undefined) throw new BusinessError(5305);
  const group = context.store.admin.group(id);
  if (!group) throw new BusinessError(5306);
  return group;
}

/** Shared checks of add and set: name, lengths, parent. */
function groupFields(context: RouteContext, input: Body, requireName: boolean, self?: number) {
  const name = bodyText(input, 'name');
  if (requireName && name === undefined) throw new BusinessError(5301);
  if (name !== undefined && name.length > 50) throw new BusinessError(5302);
  const description = bodyText(input, 'description');
  const address = bodyText(input, 'address');
  const manager = bodyText(input, 'manager');
  if (address !== undefined && address.length > 200) throw new BusinessError(5316);
  if (description !== undefined && description.length > 500) throw new BusinessError(5317);
  if (manager !== undefined && manager.length > 50) throw new BusinessError(5318);
  const rawParent = bodyInteger(input, 'parentId');
  const parentId = rawParent === undefined ? undefined : rawParent === 0 ? null : rawParent;
  if (parentId !== undefined && parentId !== null) {
    if (self !== undefined && parentId === self) throw new BusinessError(5323);
    if (!context.store.admin.group(parentId)) throw new BusinessError(5308);
    if (self !== undefined && context.store.admin.isSelfOrDescendant(self, parentId)) throw new BusinessError(5324);
  }
  if (name !== undefined) {
    const clash = context.store.admin.groups().find((g) => g.name === name && g.id !== self && g.parentId === (parentId ?? null));
    if (clash) throw new BusinessError(5304);
  }
  return { name, description, address, manager, parentId };
}

function deviceList(context: RouteContext, input: Body): Device[] {
  const list = input.deviceList;
  if (list === undefined || list === null || (Array.isArray(list) && list.length === 0)) throw new BusinessError(5311);
  if (!Array.isArray(list)) throw new BusinessError(50005);
  if (list.length > MAX_DEVICES_PER_CALL) throw new BusinessError(5312);
  return list.map((item: unknown) => {
    const entry = objectBody(item);
    const pk = bodyText(entry, 'pk');
    const dk = bodyText(entry, 'dk');
    if (pk === undefined || dk === undefined) throw new BusinessError(50005);
    if (!context.store.product(pk)?.authorized) throw new BusinessError(5313);
    const device = context.store.device(pk, dk);
    if (!device) throw new BusinessError(5314);
    return device;
  });
}

const add: RouteDefinition = {
  endpoint: 'group.add',
  methods: ['POST'],
  path: `${BASE}/addDeviceGroup`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const fields = groupFields(context, objectBody(body), true);
    const now = context.clock.now();
    const group: DeviceGroup = {
      id: context.store.admin.newId(),
      name: fields.name as string,
      parentId: fields.parentId ?? null,
      description: fields.description ?? '',
      address: fields.address ?? '',
      manager: fields.manager ?? '',
      createTime: now,
      updateTime: now,
    };
    context.store.admin.addGroup(group);
    return singleB({ dgid: group.id });
  },
};

const set: RouteDefinition = {
  endpoint: 'group.set',
  methods: ['PUT'],
  path: `${BASE}/setDeviceGroup`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const group = groupOf(context, bodyInteger(input, 'dgid'));
    const fields = groupFields(context, input, false, group.id);
    if (fields.name !== undefined) group.name = fields.name;
    if (fields.description !== undefined) group.description = fields.description;
    if (fields.address !== undefined) group.address = fields.address;
    if (fields.manager !== undefined) group.manager = fields.manager;
    if (fields.parentId !== undefined) group.parentId = fields.parentId;
    group.updateTime = context.clock.now();
    return singleB({});
  },
};

/** A group with child groups cannot be deleted (5310 "delete failed") [INFERRED]. */
const remove: RouteDefinition = {
  endpoint: 'group.delete',
  methods: ['DELETE'],
  path: `${BASE}/deleteDeviceGroup`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const group = groupOf(context, optionalInteger(query, 'dgid'));
    if (context.store.admin.groups().some((g) => g.parentId === group.id)) throw new BusinessError(5310);
    context.store.admin.deleteGroup(group.id);
    return singleB({});
  },
};

const info: RouteDefinition = {
  endpoint: 'group.info',
  methods: ['GET'],
  path: `${BASE}/deviceGroupInfo`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    return singleB(toGroupRow(context, groupOf(context, optionalInteger(query, 'dgid'))));
  },
};

/** `parentId` filters to direct children (0 = top-level groups); without it every group is listed. */
const list: RouteDefinition = {
  endpoint: 'group.list',
  methods: ['GET'],
  path: `${BASE}/deviceGroupList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const paging = readPageInfoPaging(query, context.options.paging);
    const parentId = optionalInteger(query, 'parentId');
    const name = optionalText(query, 'name');
    const rows = context.store.admin
      .groups()
      .filter((g) => (parentId === undefined || (g.parentId ?? 0) === parentId) && (name === undefined || g.name.includes(name)))
      .map((g) => toGroupRow(context, g));
    return pageB(rows, paging);
  },
};

const addDevices: RouteDefinition = {
  endpoint: 'group.addDevices',
  methods: ['POST'],
  path: `${BASE}/addDeviceToGroup`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const group = groupOf(context, bodyInteger(input, 'dgid'));
    for (const device of deviceList(context, input)) context.store.admin.addMember(group.id, device.id);
    return singleB({});
  },
};

/** Removing a device that is not in the group fails the whole call with 5337 [INFERRED]. */
const removeDevices: RouteDefinition = {
  endpoint: 'group.removeDevices',
  methods: ['DELETE'],
  path: `${BASE}/deleteDeviceToGroup`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const group = groupOf(context, bodyInteger(input, 'dgid'));
    const devices = deviceList(context, input);
    if (devices.some((d) => !d.groupIds.includes(group.id))) throw new BusinessError(5337);
    for (const device of devices) context.store.admin.removeMember(group.id, device.id);
    return singleB({});
  },
};

const groupDevices: RouteDefinition = {
  endpoint: 'group.devices',
  methods: ['GET'],
  path: `${BASE}/getGroupDeviceList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const group = groupOf(context, optionalInteger(query, 'dgid'));
    const paging = readPageInfoPaging(query, context.options.paging);
    const rows = context.store.admin
      .groupDevices(group.id)
      .map((d) => ({ productKey: d.productKey, deviceKey: d.deviceKey, deviceName: d.deviceName, onlineStatus: d.deviceStatus }));
    return pageB(rows, paging);
  },
};

const deviceGroups: RouteDefinition = {
  endpoint: 'group.ofDevice',
  methods: ['GET'],
  path: `${BASE}/getDeviceGroupList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const pk = requiredText(query, 'pk', 5066);
    const dk = requiredText(query, 'dk', 5067);
    const paging = readPageInfoPaging(query, context.options.paging);
    if (!context.store.product(pk)?.authorized) throw new BusinessError(5313);
    const device = context.store.device(pk, dk);
    if (!device) throw new BusinessError(5493);
    const rows = [...device.groupIds]
      .sort((a, b) => a - b)
      .map((id) => context.store.admin.group(id))
      .filter((g): g is DeviceGroup => g !== undefined)
      .map((g) => toGroupRow(context, g));
    return pageB(rows, paging);
  },
};

/** Creates an asynchronous task; the simulator completes it at once against the group's online devices. */
const control: RouteDefinition = {
  endpoint: 'group.control',
  methods: ['POST'],
  path: `${BASE}/controlDevicesByDeviceGroup`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const group = groupOf(context, bodyInteger(input, 'dgid'));
    const data = bodyText(input, 'data');
    const type = bodyText(input, 'type') ?? 'PROPERTY';
    const operate = bodyText(input, 'operate') ?? 'DOWN';
    if (data === undefined) throw new BusinessError(5341);
    if (!['PROPERTY', 'SERVICE', 'PASSTHROUGH'].includes(type) || !['DOWN', 'GET'].includes(operate)) throw new BusinessError(50005);
    const devices = context.store.admin.groupDevices(group.id);
    if (devices.length === 0) throw new BusinessError(5351);
    const success = devices.filter((d) => d.deviceStatus === 1).length;
    const task: GroupControlTask = {
      taskId: context.store.admin.newId(),
      dgid: group.id,
      type,
      operate,
      data,
      status: 2,
      total: devices.length,
      success,
      fail: devices.length - success,
      createTime: context.clock.now(),
    };
    context.store.admin.addTask(task);
    return singleB({ taskId: task.taskId });
  },
};

const tasks: RouteDefinition = {
  endpoint: 'group.tasks',
  methods: ['GET'],
  path: `${BASE}/getControlDeviceGroupTaskList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const dgid = optionalInteger(query, 'dgid');
    const paging = readPageInfoPaging(query, context.options.paging);
    const rows = context.store.admin
      .tasks()
      .filter((t) => dgid === undefined || t.dgid === dgid)
      .map(toTaskRow);
    return pageB(rows, paging);
  },
};

/** An unknown task answers 50005 [INFERRED: no code is listed]. */
const taskDetail: RouteDefinition = {
  endpoint: 'group.taskDetail',
  methods: ['GET'],
  path: `${BASE}/getControlDeviceGroupTaskDetail`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const id = optionalInteger(query, 'taskId');
    if (id === undefined) throw new BusinessError(50004);
    const task = context.store.admin.task(id);
    if (!task) throw new BusinessError(50005);
    return singleB(toTaskRow(task));
  },
};

export const deviceGroupRoutes: readonly RouteDefinition[] = [
  add,
  set,
  remove,
  info,
  list,
  addDevices,
  removeDevices,
  groupDevices,
  deviceGroups,
  control,
  tasks,
  taskDetail,
];
