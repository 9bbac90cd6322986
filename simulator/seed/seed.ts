import type { Device, ProductRole, SeedData } from '../store/store.types';
import { generateAdminSeed } from './admin.seed';
import { seedActivity } from './activity.seed';
import { allocateDevices } from './device-allocation';
import { deviceResource } from './device-resource.seed';
import { DeviceDrafter, type DeviceDraft } from './device.seed';
import { PRODUCT_CATALOG, type ProductBlueprint } from './product.catalog';
import { seedProducts, seedProjects } from './product.seed';
import { Random } from './random';
import { MIN_DEVICE_COUNT } from './seed.constants';

type SubDeviceMix = 'soil-sensor' | 'temperature-probe' | 'mixed';

/** Projects, products and devices: the part of the seed every other part hangs on. */
export type Fleet = Pick<SeedData, 'projects' | 'products' | 'devices'>;

/**
 * Builds the whole platform state from `seed`. Pure: same (seed, deviceCount) gives deep-equal data;
 * no wall clock, no Math.random.
 */
export function generateSeed(seed: number, deviceCount: number): SeedData {
  const { projects, products, devices } = generateFleet(seed, deviceCount);
  seedActivity(seed, products, devices);
  return { projects, products, devices, admin: generateAdminSeed(seed, products, devices) };
}

/**
 * The fleet before any history: projects, products, devices with their identities, states, resources and gateway
 * topology. `generateSeed` then gives each device its message, event and location history, from a random stream of
 * the device's own, so the fleet is the same with or without it; the history is most of the generating time.
 */
export function generateFleet(seed: number, deviceCount: number): Fleet {
  if (!Number.isInteger(deviceCount) || deviceCount < MIN_DEVICE_COUNT) {
    throw new RangeError(`deviceCount must be an integer >= ${MIN_DEVICE_COUNT}, got ${deviceCount}`);
  }
  const random = new Random(seed);
  const projects = seedProjects(random);
  const products = seedProducts(random, projects);
  const byRole = (role: ProductRole) => {
    const index = PRODUCT_CATALOG.findIndex((b) => b.role === role);
    return { product: products[index], blueprint: PRODUCT_CATALOG[index] };
  };
  const allocation = allocateDevices(deviceCount, random);
  const drafter = new DeviceDrafter(random);
  const drafts: DeviceDraft[] = [];

  const directDevices = (role: ProductRole, count: number) => {
    const { product, blueprint } = byRole(role);
    for (let i = 0; i < count; i++) {
      const activated = random.chance(0.9);
      drafts.push(drafter.draft(product, blueprint, { earliest: product.createTime, activated, online: random.chance(0.62) }));
    }
  };
  directDevices('meter', allocation.meter);
  directDevices('plug', allocation.plug);
  directDevices('water-meter', allocation.waterMeter);
  directDevices('tracker', allocation.tracker);

  const gatewayRoles: ProductRole[] = ['cellular-gateway', 'wifi-gateway'];
  allocation.gateways.forEach((subCount, index) => {
    const role = gatewayRoles[index] ?? (random.chance(0.6) ? gatewayRoles[0] : gatewayRoles[1]);
    const { product, blueprint } = byRole(role);
    const online = random.chance(0.85);
    const gateway = drafter.draft(product, blueprint, { earliest: product.createTime, activated: true, online });
    drafts.push(gateway);
    const mix: SubDeviceMix = index === 0 ? 'mixed' : random.pick(['soil-sensor', 'temperature-probe', 'mixed'] as const);
    for (let i = 0; i < subCount; i++) {
      const sub = byRole(subDeviceRole(mix, i, random));
      const connected = random.chance(0.9);
      const online = connected && gateway.device.deviceStatus === 1 && random.chance(0.85);
      const earliest = Math.max(sub.product.createTime, gateway.device.createTime);
      drafts.push(drafter.draft(sub.product, sub.blueprint, { earliest, activated: true, online, gateway, connected }));
    }
  });
  ensureDisconnectedSubDevice(drafts, 'soil-sensor');
  ensureDisconnectedSubDevice(drafts, 'temperature-probe');

  const devices = assignIds(drafts, random);
  for (const draft of drafts) {
    if (draft.gateway) {
      draft.device.gateway = {
        associatedGatewayIds: [draft.gateway.device.id],
        currentGatewayId: draft.connected ? draft.gateway.device.id : null,
      };
    }
  }
  const draftOf = new Map(drafts.map((d) => [d.device, d]));
  for (const device of devices) {
    const draft = draftOf.get(device) as DeviceDraft;
    device.resource = deviceResource(device, draft.blueprint.module, hasBattery(draft.blueprint), random);
  }
  return { projects, products, devices };
}

function subDeviceRole(mix: SubDeviceMix, index: number, random: Random): ProductRole {
  if (mix !== 'mixed') return mix;
  if (index < 2) return index === 0 ? 'soil-sensor' : 'temperature-probe';
  return random.chance(0.5) ? 'soil-sensor' : 'temperature-probe';
}

/** Every seed offers the associated-but-not-connected case (70026) for both sub-device products. */
function ensureDisconnectedSubDevice(drafts: DeviceDraft[], role: ProductRole): void {
  const subs = drafts.filter((d) => d.blueprint.role === role);
  if (subs.length === 0 || subs.some((d) => !d.connected)) return;
  const last = subs[subs.length - 1];
  last.connected = false;
  if (last.device.deviceStatus === 1) {
    last.device.deviceStatus = 0;
    last.device.lastOfflineTime = (last.device.lastConnTime as number) + 60_000;
  }
}

/** Ids follow creation time, like the platform's auto-increment primary key. */
function assignIds(drafts: DeviceDraft[], random: Random): Device[] {
  const ordered = [...drafts].sort((a, b) => a.device.createTime - b.device.createTime);
  let id = random.int(260_000, 280_000);
  for (const draft of ordered) {
    draft.device.id = id;
    id += random.int(1, 3);
  }
  return ordered.map((d) => d.device);
}

function hasBattery(blueprint: ProductBlueprint): boolean {
  return blueprint.role === 'water-meter' || blueprint.role === 'tracker';
}
