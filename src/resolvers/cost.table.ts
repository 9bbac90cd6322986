import type { CostTable, FieldCost } from '../schema/cost';
import { DEFAULT_PAGE, MAX_PAGE } from '../schema/paging.args';
import { COMMAND_LOOKUP_PAGES } from '../schema/device-data/device-data.args';
import { GROUP_DEVICES_PER_CALL } from '../datasources/devices/device-group.api';
import { NAME_SCAN_MAX_PAGES } from '../datasources/devices/device.loaders';

/**
 * Upstream calls per field, read off the resolvers and loaders of this folder: the one place the cost model lives
 * (docs/limits.md). Counts ignore the loaders' de-duplication and caching, so they bound the real calls from above.
 * Paged fields are Relay connections over `readWindow` (datasources/platform/paged-window.ts). Fields absent here
 * cost nothing: the parent's upstream row answers them.
 */

const paged: FieldCost = { paged: true };
/** A connection whose rows are complete upstream rows of the node type (no detail call below). */
const pagedFull: FieldCost = { paged: true, fullRows: true };
/**
 * One product's devices (device.overview rows): loaders keyed by product key are shared by all of them. A name
 * filter the platform turns out to ignore costs a bounded scan of the list on top (device.loaders.ts).
 */
const productDevices: FieldCost = { paged: true, fullRows: true, scopesProducts: true, perParentWithArgument: { nameContains: NAME_SCAN_MAX_PAGES } };
const one: FieldCost = { perParent: 1 };
const oneFull: FieldCost = { perParent: 1, fullRows: true };
/**
 * A write, a check read before it for some, and a read-back of the written object by id (a loader that may read
 * the list page holding it).
 */
const writeAndRead: FieldCost = { perParent: 4, fullRows: true };

/** Account-wide lists read in full by a loader once per request (e.g. `userDomainByName`): assumed a few pages. */
const LIST_SCAN_CALLS = 3;
/** Bound-user rows carry these end-user fields (end-user.mapper.ts `toBoundEndUser`); the rest load on demand. */
const BOUND_USER_ROW = ['userDomain', 'nickname', 'phone', 'email', 'lastLoginAt'];

/**
 * The project loaders read every project page and every project's product pages once per request
 * (datasources/catalog/project.loaders.ts); the count depends on the account, so this assumes a small one.
 */
const PROJECT_SCAN_CALLS = 10;

/**
 * TSL downlinks take one product and many devices (§6.5): one call per distinct product, plus that product's thing
 * model to encode the values (resolvers/device-data/command.resolver.ts).
 */
const tslCommand: FieldCost = { command: true, perParent: 2, perProductOfDevices: 2, fullRows: true };

const fields: Record<string, FieldCost> = {
  // federation: one reference load per representation (resolvers/*/*.reference.ts)
  'Query._entities': { sizedByArgument: 'representations', perElement: 1, fullRows: true },
  // catalog
  'Query.products': pagedFull,
  'Query.product': oneFull,
  'Query.projects': pagedFull,
  'Query.project': { perBatch: PROJECT_SCAN_CALLS },
  'Product.devices': productDevices,
  'Product.thingModel': one,
  // Each count is one pageSize=1 list call at most: none when a page of that list is read in the same request, none
  // for offline when total and online are read (device.loaders.ts deviceCount).
  'DeviceCounts.total': one,
  'DeviceCounts.online': one,
  'DeviceCounts.offline': one,
  'DeviceCounts.activated': one,
  'Product.project': { perBatch: PROJECT_SCAN_CALLS },
  // Rows carry the domain and its id (user-domain-auth.mapper.ts).
  'Product.authorizedUserDomains': { perParent: 1, assumedSize: MAX_PAGE, rowFields: ['id'] },
  'Project.products': paged,
  // devices
  'Query.devices': productDevices,
  // Up to two devices of a product use detail calls; more probe the list first (device.loaders.ts): one spare call.
  'Query.device': { perParent: 1, perBatch: 1, fullRows: true },
  'Device.product': { perProduct: 1, fullRows: true },
  'Device.resources': one,
  // The product's access type, then the gateway lookup; the gateway comes back as a key (detail below costs more).
  'Device.gateway': { perProduct: 1, perParent: 1 },
  // The product's access type, then the gateway's sub-device pages (rows of other products).
  'Device.subDevices': { paged: true, perProduct: 1, fullRows: true },
  'Device.groups': pagedFull,
  'Query.deviceGroups': pagedFull,
  'Query.deviceGroup': oneFull,
  'Query.deviceGroupTask': one,
  'DeviceGroup.parent': oneFull,
  'DeviceGroup.children': pagedFull,
  'DeviceGroup.devices': paged,
  'DeviceGroup.controlTasks': paged,
  // device data: the message and event logs decode with the product's thing model
  'Device.properties': { perParent: 1, perProduct: 1, assumedSize: MAX_PAGE },
  'Device.messages': { paged: true, perProduct: 1 },
  'Device.events': { paged: true, perProduct: 1 },
  'Device.location': one,
  // The newest downlink pages until the ticket turns up, decoded with the product's thing model (command-lookup.resolver.ts).
  'Device.command': { perParent: COMMAND_LOOKUP_PAGES, perProduct: 1 },
  // messaging
  'Query.messageQueues': paged,
  'Query.messageQueue': one,
  'MessageQueue.backlog': one,
  'MessageQueue.connectUrl': one,
  'Query.messageSubscriptions': paged,
  'Query.messageSubscription': one,
  'MessageSubscription.queue': one,
  'MessageSubscription.product': oneFull,
  // end users
  'Query.userDomains': pagedFull,
  'Query.endUsers': pagedFull,
  'Query.boundEndUsers': { paged: true, rowFields: BOUND_USER_ROW },
  'Query.endUser': oneFull,
  'Query.bindingCodeCheck': one,
  'UserDomain.users': pagedFull,
  // Rows carry the product name when upstream sends it (user-domain-auth.mapper.ts).
  'UserDomain.authorizedProducts': { paged: true, rowFields: ['name'] },
  'UserDomain.thirdPartyLogins': { perParent: 1, assumedSize: MAX_PAGE },
  'EndUser.devices': paged,
  'Device.boundUsers': { paged: true, rowFields: BOUND_USER_ROW },
  // notifications
  'Query.smsAccounts': paged,
  'Query.smsSignatures': paged,
  'Query.smsTemplates': paged,
  'Query.mailAccounts': paged,
  'Query.mailTemplates': paged,
  'Query.mailTemplate': one,
  // List rows lack the content; one detail call per template (mail-template.resolver.ts).
  'MailTemplate.content': one,
  // commands (downlinks), each sent exactly once
  'Mutation.writeDeviceProperties': tslCommand,
  'Mutation.invokeDeviceService': tslCommand,
  'Mutation.requestDeviceProperties': tslCommand,
  'Mutation.sendDeviceRawData': { command: true, perParent: 1, perProductOfDevices: 1, fullRows: true },
  'Mutation.controlDeviceGroup': { command: true, ...writeAndRead },
  'Mutation.addDevicesToGroup': { ...writeAndRead, inputDevicesPerCall: GROUP_DEVICES_PER_CALL },
  'Mutation.removeDevicesFromGroup': { ...writeAndRead, inputDevicesPerCall: GROUP_DEVICES_PER_CALL },
};

/** Mutations not listed above: one write and a read-back. */
export const DEFAULT_MUTATION_COST: FieldCost = writeAndRead;

export const costTable: CostTable = {
  fields,
  details: {
    // lazyDetail (resolvers/lazy-detail.ts): one loader call per object that came by key alone.
    Device: { perParent: 1, perBatch: 1 },
    Product: { perParent: 1 },
    EndUser: { perParent: 1 },
    // userDomainByName reads the whole domain list once per request (end-user.loaders.ts).
    UserDomain: { perParent: 0, perBatch: LIST_SCAN_CALLS },
    // detailOf (message-subscription.resolver.ts): the list rows lack these; one detail call per subscription.
    MessageSubscription: { perParent: 1, fields: ['messageTypes', 'productKey', 'product', 'device', 'userDomain', 'updatedAt'] },
  },
  maxPage: MAX_PAGE,
  defaultPage: DEFAULT_PAGE,
  defaultListSize: MAX_PAGE,
  defaultMutation: DEFAULT_MUTATION_COST,
};
