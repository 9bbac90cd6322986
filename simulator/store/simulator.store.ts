import { LIVE_WORKER, snowflake } from './snowflake';
import type { Device, Product, Project, SeedData } from './store.types';
import type { TslDocument } from './tsl.types';
import { AdminStore } from './admin.store';

/**
 * In-memory platform state. Routes read and mutate it only through these methods so indexes stay
 * consistent; tests get the same instance through `SimulatorHandle.store`.
 */
export class SimulatorStore {
  private readonly projectsById = new Map<number, Project>();
  private readonly productsByKey = new Map<string, Product>();
  private readonly productsById = new Map<number, Product>();
  private readonly devicesById = new Map<number, Device>();
  private readonly devicesByKey = new Map<string, Device>();
  private readonly devicesByProduct = new Map<string, Device[]>();
  /** gateway device id -> ids of sub-devices associated with or currently connected through it. */
  private readonly subDeviceIndex = new Map<number, Set<number>>();
  private ticketSequence = 0;
  /** Queues, subscriptions, end users, bindings and device groups (admin.store.ts). */
  readonly admin: AdminStore;

  constructor(data: SeedData) {
    for (const project of data.projects) this.projectsById.set(project.id, project);
    for (const product of data.products) {
      this.productsByKey.set(product.productKey, product);
      this.productsById.set(product.productId, product);
      this.devicesByProduct.set(product.productKey, []);
    }
    for (const device of data.devices) this.addDevice(device);
    this.admin = new AdminStore(data.admin, (id) => this.devicesById.get(id));
  }

  projects(): Project[] {
    return [...this.projectsById.values()];
  }

  project(id: number): Project | undefined {
    return this.projectsById.get(id);
  }

  /** Every product, authorized to the SaaS app or not. */
  products(): Product[] {
    return [...this.productsByKey.values()];
  }

  authorizedProducts(): Product[] {
    return this.products().filter((p) => p.authorized);
  }

  product(productKey: string): Product | undefined {
    return this.productsByKey.get(productKey);
  }

  productById(productId: number): Product | undefined {
    return this.productsById.get(productId);
  }

  tsl(productKey: string): TslDocument | null {
    return this.productsByKey.get(productKey)?.tsl ?? null;
  }

  /** All devices, or those of one product, in seed order. */
  devices(productKey?: string): Device[] {
    if (productKey === undefined) return [...this.devicesById.values()];
    return [...(this.devicesByProduct.get(productKey) ?? [])];
  }

  device(productKey: string, deviceKey: string): Device | undefined {
    return this.devicesByKey.get(deviceKeyOf(productKey, deviceKey));
  }

  deviceById(id: number): Device | undefined {
    return this.devicesById.get(id);
  }

  /** Sub-devices associated with a gateway, including the ones not currently connected (§7). */
  subDevicesOf(gatewayId: number): Device[] {
    const ids = this.subDeviceIndex.get(gatewayId);
    if (!ids) return [];
    return [...ids].sort((a, b) => a - b).map((id) => this.devicesById.get(id) as Device);
  }

  currentGatewayOf(subDevice: Device): Device | undefined {
    const id = subDevice.gateway?.currentGatewayId;
    return id == null ? undefined : this.devicesById.get(id);
  }

  /** Drops the current gateway and its association (§6.4 unbind). */
  unbindFromGateway(subDevice: Device): void {
    const links = subDevice.gateway;
    if (!links || links.currentGatewayId === null) return;
    const gatewayId = links.currentGatewayId;
    links.currentGatewayId = null;
    links.associatedGatewayIds = links.associatedGatewayIds.filter((id) => id !== gatewayId);
    this.subDeviceIndex.get(gatewayId)?.delete(subDevice.id);
  }

  /** A fresh snowflake ticket for a live downlink (§6.5). */
  nextTicket(at: number): string {
    this.ticketSequence += 1;
    return snowflake(at, LIVE_WORKER, this.ticketSequence);
  }

  /** Ids continue the auto-increment sequence of the seed. */
  nextDeviceId(): number {
    let max = 0;
    for (const id of this.devicesById.keys()) max = Math.max(max, id);
    return max + 1;
  }

  /** §6.3 create; the caller has checked that the product exists and the deviceKey is free. */
  createDevice(device: Device): void {
    this.addDevice(device);
  }

  /**
   * §6.3 delete: the device leaves every index; a deleted gateway's sub-devices lose their link to it, so
   * they answer 70028/70026 afterwards [INFERRED].
   */
  deleteDevice(device: Device): void {
    this.devicesById.delete(device.id);
    this.devicesByKey.delete(deviceKeyOf(device.productKey, device.deviceKey));
    const siblings = this.devicesByProduct.get(device.productKey);
    if (siblings)
      this.devicesByProduct.set(
        device.productKey,
        siblings.filter((d) => d !== device),
      );
    for (const set of this.subDeviceIndex.values()) set.delete(device.id);
    for (const subId of this.subDeviceIndex.get(device.id) ?? []) {
      const links = this.devicesById.get(subId)?.gateway;
      if (!links) continue;
      links.associatedGatewayIds = links.associatedGatewayIds.filter((id) => id !== device.id);
      if (links.currentGatewayId === device.id) links.currentGatewayId = null;
    }
    this.subDeviceIndex.delete(device.id);
  }

  private addDevice(device: Device): void {
    this.devicesById.set(device.id, device);
    this.devicesByKey.set(deviceKeyOf(device.productKey, device.deviceKey), device);
    this.devicesByProduct.get(device.productKey)?.push(device);
    const links = device.gateway;
    if (!links) return;
    const gatewayIds = new Set(links.associatedGatewayIds);
    if (links.currentGatewayId !== null) gatewayIds.add(links.currentGatewayId);
    for (const gatewayId of gatewayIds) {
      const set = this.subDeviceIndex.get(gatewayId) ?? new Set<number>();
      set.add(device.id);
      this.subDeviceIndex.set(gatewayId, set);
    }
  }
}

function deviceKeyOf(productKey: string, deviceKey: string): string {
  return `${productKey}\u0000${deviceKey}`;
}
