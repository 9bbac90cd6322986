import DataLoader from 'dataloader';
import type { DeviceApi } from './device.api';
import type { GatewayApi } from './gateway.api';
import type { DeviceDto, DeviceResourceDto, GatewayRefDto, SubDeviceDto } from './device.dto';
import type { Page } from '../platform/page';
import { deviceRefKey, type DeviceRef } from './device-ref';
import { perKey, settleEach } from '../platform/per-key';
import { AppError, ErrorCode, UpstreamError, isNotFound } from '../../errors';

export interface DevicePageKey {
  productKey: string;
  /** 1 online, 0 offline, undefined all */
  deviceStatus?: 0 | 1;
  pageNum: number;
}

export interface SubDevicePageKey extends DeviceRef {
  pageNum: number;
}

export interface DeviceLoaders {
  /** Pages of a product's device list; every row primes `deviceByKey`. */
  devicePage: DataLoader<DevicePageKey, Page<DeviceDto>, string>;
  /** Device detail, planned per product: detail calls or list pages, whichever costs fewer upstream calls. */
  deviceByKey: DataLoader<DeviceRef, DeviceDto | null, string>;
  resourcesByDevice: DataLoader<DeviceRef, DeviceResourceDto | null, string>;
  /** The gateway a sub-device is connected through now; null when it has none or upstream will not say. */
  gatewayOfChild: DataLoader<DeviceRef, GatewayRefDto | null, string>;
  subDevicePage: DataLoader<SubDevicePageKey, Page<SubDeviceDto>, string>;
}

/** At or below this many wanted devices of one product, detail calls are used without probing the list. */
const DETAIL_ONLY_UP_TO = 2;

/**
 * Answers of getGatewayProductByChildDevice that mean "no current gateway to show" rather than a failure
 * (reference §6.4): not connected (70026), proxy-only sub-device product (70027), no associated gateway (70028),
 * not a sub-device product (70029).
 */
const NO_CURRENT_GATEWAY = new Set([70026, 70027, 70028, 70029]);

export function createDeviceLoaders(devices: DeviceApi, gateways: GatewayApi, pageSize: number): DeviceLoaders {
  const deviceByKey: DeviceLoaders['deviceByKey'] = new DataLoader((refs) => planDeviceLoads(refs, devices, devicePage, pageSize), {
    cacheKeyFn: deviceRefKey,
  });

  const primeDevices = (rows: DeviceDto[]) => {
    for (const row of rows) deviceByKey.prime({ productKey: row.productKey, deviceKey: row.deviceKey }, row);
  };

  const devicePage: DeviceLoaders['devicePage'] = new DataLoader(
    (keys) =>
      settleEach(keys, async ({ productKey, deviceStatus, pageNum }) => {
        const page = await devices.listDevices({ productKey, deviceStatus }, { pageNum, pageSize });
        primeDevices(page.rows);
        return page;
      }),
    { cacheKeyFn: (key) => `${key.productKey}\u0000${key.deviceStatus ?? '*'}\u0000${key.pageNum}` },
  );

  const resourcesByDevice: DeviceLoaders['resourcesByDevice'] = new DataLoader(
    (refs) => perKey(refs, (ref) => devices.getResources(ref.productKey, ref.deviceKey)),
    { cacheKeyFn: deviceRefKey },
  );

  const gatewayOfChild: DeviceLoaders['gatewayOfChild'] = new DataLoader(
    (refs) =>
      perKey(
        refs,
        (ref) => gateways.getGatewayOfChild(ref.productKey, ref.deviceKey),
        (error) => error instanceof UpstreamError && NO_CURRENT_GATEWAY.has(error.upstream?.code ?? 0),
      ),
    { cacheKeyFn: deviceRefKey },
  );

  const subDevicePage: DeviceLoaders['subDevicePage'] = new DataLoader(
    (keys) =>
      settleEach(keys, async ({ productKey, deviceKey, pageNum }) => {
        const page = await gateways.listSubDevices(productKey, deviceKey, { pageNum, pageSize });
        primeDevices(page.rows);
        return page;
      }),
    { cacheKeyFn: (key) => `${deviceRefKey(key)}\u0000${key.pageNum}` },
  );

  return { devicePage, deviceByKey, resourcesByDevice, gatewayOfChild, subDevicePage };
}

/**
 * Upstream has no multi-device detail call, but a product's device list returns many devices per call. For each
 * product: up to DETAIL_ONLY_UP_TO devices use detail calls; more probe the first list page (which also tells the
 * total) and then take the cheaper of "one detail call per device still missing" and "the remaining pages".
 * A device absent from a complete listing does not exist, so it resolves to null without a detail call.
 */
async function planDeviceLoads(
  refs: readonly DeviceRef[],
  api: DeviceApi,
  devicePage: DeviceLoaders['devicePage'],
  pageSize: number,
): Promise<Array<DeviceDto | null | Error>> {
  const byProduct = new Map<string, Set<string>>();
  for (const ref of refs) {
    const wanted = byProduct.get(ref.productKey) ?? new Set<string>();
    wanted.add(ref.deviceKey);
    byProduct.set(ref.productKey, wanted);
  }
  const found = new Map<string, DeviceDto | null | Error>();
  await Promise.all(
    [...byProduct].map(async ([productKey, deviceKeys]) => {
      const results = await loadProductDevices(productKey, [...deviceKeys], api, devicePage, pageSize);
      for (const [deviceKey, result] of results) found.set(deviceRefKey({ productKey, deviceKey }), result);
    }),
  );
  return refs.map((ref) => found.get(deviceRefKey(ref)) ?? null);
}

async function loadProductDevices(
  productKey: string,
  deviceKeys: string[],
  api: DeviceApi,
  devicePage: DeviceLoaders['devicePage'],
  pageSize: number,
): Promise<Map<string, DeviceDto | null | Error>> {
  const results = new Map<string, DeviceDto | null | Error>();
  const byDetail = async (keys: string[]) => {
    const answers = await perKey(keys, (deviceKey) => api.getDevice(productKey, deviceKey));
    keys.forEach((deviceKey, i) => {
      results.set(deviceKey, answers[i]);
    });
  };
  if (deviceKeys.length <= DETAIL_ONLY_UP_TO) {
    await byDetail(deviceKeys);
    return results;
  }
  const collect = (rows: DeviceDto[]) => {
    for (const row of rows) if (deviceKeys.includes(row.deviceKey)) results.set(row.deviceKey, row);
  };
  try {
    const first = await devicePage.load({ productKey, pageNum: 1 });
    collect(first.rows);
    const missing = deviceKeys.filter((key) => !results.has(key));
    const remainingPages = Math.max(0, Math.ceil(first.total / pageSize) - 1);
    if (missing.length > 0 && missing.length <= remainingPages) {
      await byDetail(missing);
    } else if (missing.length > 0) {
      const pages = await devicePage.loadMany(Array.from({ length: remainingPages }, (_, i) => ({ productKey, pageNum: i + 2 })));
      for (const page of pages) {
        if (page instanceof Error) throw page;
        collect(page.rows);
      }
    }
  } catch (error) {
    const outcome = isNotFound(error) ? null : asError(error);
    for (const key of deviceKeys) if (!results.has(key)) results.set(key, outcome);
  }
  for (const key of deviceKeys) if (!results.has(key)) results.set(key, null);
  return results;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new AppError(String(error), ErrorCode.INTERNAL_SERVER_ERROR);
}
