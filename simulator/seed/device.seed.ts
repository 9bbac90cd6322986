import type { Device, Product } from '../store/store.types';
import { certificateFingerprint, deviceKey, serialNumber } from './device-identity';
import { emptyResource, moduleFirmware, moduleType } from './device-resource.seed';
import { deviceTimeline } from './device-timeline';
import type { ProductBlueprint } from './product.catalog';
import type { Random } from './random';

/** A device before ids are assigned; ids follow creation order like an auto-increment column. */
export interface DeviceDraft {
  device: Device;
  blueprint: ProductBlueprint;
  /** Sub-devices: the gateway they are associated with. */
  gateway: DeviceDraft | null;
  connected: boolean;
}

export interface DraftOptions {
  earliest: number;
  activated: boolean;
  online: boolean;
  gateway?: DeviceDraft;
  connected?: boolean;
}

/** Shared uniqueness bookkeeping across all drafted devices. */
export class DeviceDrafter {
  private readonly usedKeys = new Set<string>();
  private readonly usedSerials = new Set<string>();

  constructor(private readonly random: Random) {}

  draft(product: Product, blueprint: ProductBlueprint, options: DraftOptions): DeviceDraft {
    const random = this.random;
    const timeline = deviceTimeline(random, options.earliest, options.activated, options.online);
    const isSubDevice = product.accessType === 2;
    const authMode: 0 | 1 | 2 = isSubDevice ? 0 : random.chance(0.8) ? 0 : random.chance(0.75) ? 1 : 2;
    const module = moduleType(blueprint.module, random);
    const device: Device = {
      id: 0,
      productKey: product.productKey,
      deviceKey: this.uniqueKey(blueprint),
      deviceName: `${random.pick(blueprint.deviceNames)} ${random.int(1, 99)}`,
      sn: this.uniqueSerial(blueprint, timeline.createTime),
      deviceStatus: options.activated && options.online ? 1 : 0,
      isActived: options.activated ? 1 : 0,
      isVerified: options.activated && random.chance(0.9) ? 1 : 0,
      isVirtual: !isSubDevice && random.chance(0.02) ? 1 : 0,
      authMode,
      dataFmt: product.dataFmt,
      fingerPrint: authMode === 2 ? certificateFingerprint(random) : null,
      ...timeline,
      enabled: random.chance(0.7) ? null : 0,
      isLiveness: null,
      protocol: blueprint.module === 'none' ? null : blueprint.module === 'nb-iot' ? 2 : 1,
      moduleType: module,
      moduleVersion: module ? moduleFirmware(module, random) : null,
      locateType: blueprint.module === 'cellular' && random.chance(0.3) ? 'LBS' : null,
      oldDeviceName: null,
      resource: emptyResource(),
      gateway: null,
      latestProperties: new Map(),
      messages: [],
      events: [],
      location: null,
      commandsReceived: 0,
      groupIds: [],
    };
    return { device, blueprint, gateway: options.gateway ?? null, connected: options.connected ?? false };
  }

  private uniqueKey(blueprint: ProductBlueprint): string {
    let key: string;
    do key = deviceKey(blueprint.keyKind, this.random);
    while (this.usedKeys.has(key));
    this.usedKeys.add(key);
    return key;
  }

  private uniqueSerial(blueprint: ProductBlueprint, createTime: number): string {
    let sn: string;
    do sn = serialNumber(blueprint.snPrefix, createTime, this.random);
    while (this.usedSerials.has(sn));
    this.usedSerials.add(sn);
    return sn;
  }
}
