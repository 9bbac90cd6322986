import DataLoader from 'dataloader';
import type { DeviceApi } from './device.api';
import type { GatewayApi } from './gateway.api';
import type { DeviceDto, DeviceResourceDto, GatewayRefDto, SubDeviceDto } from './device.dto';
import type { Page } from '../platform/page';
import { deviceRefKey, type DeviceRef } from './device-ref';
import { perKey, settleEach } from '../platform/per-key';
import { servedPageSize } from '../platform/paged-window';
import { AppError, BadUserInputError, ErrorCode, UpstreamError, isNotFound } from '../../errors';

/** A product's device list, filtered as upstream filters it (reference §6.3). */
export interface DeviceListKey {
  productKey: string;
  /** 1 online, 0 offline, undefined all */
  deviceStatus?: 0 | 1;
  /** 1 activated, 0 never activated, undefined all */
  activeStatus?: 0 | 1;
}

export interface DevicePageKey extends DeviceListKey {
  /** Part of the device name, matched case-insensitively; undefined all. */
  deviceName?: string;
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
  /**
   * How many devices a filtered list holds: the total of a page of that list another field asked for in this
   * request when there is one (no call), else one `pageSize=1` call. The offline count of a product whose total and
   * online counts are asked for in the same batch is their difference (no call).
   */
  deviceCount: DataLoader<DeviceListKey, number, string>;
}

/**
 * Pages of a device list read in full to match names here: always unless QUEC_DEVICE_NAME_FILTER sends the
 * undocumented `deviceName` filter, and also when the platform ignores it (reference §12.8). A bound on the calls one
 * filtered list may cost (the cost table adds them).
 */
export const NAME_SCAN_MAX_PAGES = 5;

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

  // The first page of each list asked for in this request, so a count can read its total instead of calling.
  const listed = new Map<string, Promise<Page<DeviceDto>>>();
  // Lists filtered by name that the platform did not filter: the matching rows of a bounded scan.
  const scanned = new Map<string, Promise<DeviceDto[]>>();

  // Whether upstream filtered each name-filtered list, judged once per list from the first page it answered.
  const honoured = new Map<string, Promise<boolean>>();

  const fetchPage = async ({ pageNum, ...filter }: DevicePageKey): Promise<Page<DeviceDto>> => {
    const { deviceName } = filter;
    if (deviceName === undefined) return devices.listDevices(filter, { pageNum, pageSize });
    if (!devices.filtersByName) return namedPage({ ...filter, deviceName }, pageNum);
    const list = listKey(filter);
    const verdict = honoured.get(list);
    if (verdict === undefined) {
      const probe = devices.listDevices(filter, { pageNum, pageSize });
      // A row that does not match shows the filter was ignored. (A page that matches by chance cannot show it.)
      const matched = probe.then((page) => page.rows.every((row) => nameMatches(row, deviceName)));
      honoured.set(list, matched);
      if (await matched) return probe;
    } else if (await verdict) {
      return devices.listDevices(filter, { pageNum, pageSize });
    }
    return namedPage({ ...filter, deviceName }, pageNum);
  };

  /** Page `pageNum` of the rows a bounded scan matched by name. */
  const namedPage = async (filter: DeviceListKey & { deviceName: string }, pageNum: number): Promise<Page<DeviceDto>> => {
    const rows = await scanNamed(filter);
    return { rows: rows.slice((pageNum - 1) * pageSize, pageNum * pageSize), total: rows.length };
  };

  /** The rows of the list without the name filter whose name matches, read page by page (at most NAME_SCAN_MAX_PAGES). */
  const scanNamed = (filter: DeviceListKey & { deviceName: string }): Promise<DeviceDto[]> => {
    const key = listKey(filter);
    const known = scanned.get(key);
    if (known) return known;
    const { deviceName, ...unnamed } = filter;
    const scan = (async () => {
      const first = await devicePage.load({ ...unnamed, pageNum: 1 });
      const pages = Math.ceil(first.total / servedPageSize(first, 1, pageSize));
      if (pages > NAME_SCAN_MAX_PAGES) {
        throw new BadUserInputError(
          `The platform does not filter devices by name, and this list has ${first.total} devices, more than the ` +
            `${NAME_SCAN_MAX_PAGES * pageSize} this service reads to filter them itself; narrow it with status or activated`,
          'nameContains',
        );
      }
      const rest = await devicePage.loadMany(Array.from({ length: pages - 1 }, (_, i) => ({ ...unnamed, pageNum: i + 2 })));
      const rows = [first, ...rest].flatMap((page) => {
        if (page instanceof Error) throw page;
        return page.rows;
      });
      return rows.filter((row) => nameMatches(row, deviceName));
    })();
    scanned.set(key, scan);
    return scan;
  };

  const devicePage: DeviceLoaders['devicePage'] = new (class extends DataLoader<DevicePageKey, Page<DeviceDto>, string> {
    override load(key: DevicePageKey): Promise<Page<DeviceDto>> {
      const page = super.load(key);
      const list = listKey(key);
      if (!listed.has(list)) listed.set(list, page);
      return page;
    }
  })(
    (keys) =>
      settleEach(keys, async (key) => {
        const page = await fetchPage(key);
        primeDevices(page.rows);
        return page;
      }),
    { cacheKeyFn: (key) => `${listKey(key)}\u0000${key.pageNum}` },
  );

  const deviceCount: DeviceLoaders['deviceCount'] = new DataLoader(
    async (keys) => {
      // Runs after the fields of this execution pass asked for their pages, so `listed` knows them all.
      const fetched = new Map<string, Promise<number>>();
      const countOf = (key: DeviceListKey): Promise<number> => {
        const list = listKey(key);
        const known = fetched.get(list);
        if (known) return known;
        const page = listed.get(list);
        const count = page ? page.then((p) => p.total) : devices.listDevices(key, { pageNum: 1, pageSize: 1 }).then((p) => p.total);
        fetched.set(list, count);
        return count;
      };
      const asked = new Set(keys.map(listKey));
      const derivable = (key: DeviceListKey) => {
        if (key.deviceStatus !== 0 || listed.has(listKey(key))) return false;
        const all = { ...key, deviceStatus: undefined };
        const online = { ...key, deviceStatus: 1 as const };
        return (asked.has(listKey(all)) || listed.has(listKey(all))) && (asked.has(listKey(online)) || listed.has(listKey(online)));
      };
      return settleEach(keys, async (key) => {
        if (!derivable(key)) return countOf(key);
        // Status is 1 or 0 (reference §5), so offline = all - online; the two reads are not one snapshot.
        const [all, online] = await Promise.all([countOf({ ...key, deviceStatus: undefined }), countOf({ ...key, deviceStatus: 1 })]);
        return Math.max(0, all - online);
      });
    },
    { cacheKeyFn: listKey },
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

  return { devicePage, deviceByKey, resourcesByDevice, gatewayOfChild, subDevicePage, deviceCount };
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
    const remainingPages = Math.max(0, Math.ceil(first.total / servedPageSize(first, 1, pageSize)) - 1);
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

/** One list: its product and filters, page number left out. */
function listKey({ productKey, deviceStatus, activeStatus, deviceName }: DeviceListKey & { deviceName?: string }): string {
  return [productKey, deviceStatus ?? '*', activeStatus ?? '*', deviceName === undefined ? '*' : `~${deviceName.toLowerCase()}`].join('\u0000');
}

function nameMatches(row: DeviceDto, part: string): boolean {
  return (row.deviceName ?? '').toLowerCase().includes(part.toLowerCase());
}
