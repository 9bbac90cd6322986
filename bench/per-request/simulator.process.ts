import { startSimulator } from '../../simulator';
import type { Device } from '../../simulator';
import { serveParent } from './ipc';

/**
 * The simulator in a process of its own (`fork`ed by per-request.bench.ts, latency in argv[2]), so its CPU is not
 * counted as the server's. Answers `count` (upstream calls since the last `clear`) and `clear`; its first message
 * carries the upstream address and the keys the operations use.
 */

/** Rows per upstream list page both servers ask for (QUEC_PAGE_SIZE's default). */
export const UPSTREAM_PAGE_SIZE = 100;

export interface SimulatorReady {
  baseUrl: string;
  credentials: { accessKey: string; accessSecret: string };
  fixtures: Fixtures;
}

export interface Fixtures {
  /** A sub-device product (its devices have gateways) with at least 50 devices. */
  subDeviceProductKey: string;
  /** A directly connected product with at least 50 devices. */
  listProductKey: string;
  /** One device of `listProductKey`. */
  device: { productKey: string; deviceKey: string };
  /** 100 `Device` representations spread over every authorized product. */
  representations: Array<{ __typename: 'Device'; productKey: string; deviceKey: string }>;
  /**
   * The fewest upstream calls that can answer `representations`: per product, one detail call per device or one
   * list call per page holding a wanted device, whichever is fewer (upstream has no multi-device detail call).
   */
  representationsFloor: number;
}

/** The device list's order (§6.3 overview in the simulator: newest first). */
function listOrder(devices: Device[]): Device[] {
  return [...devices].sort((a, b) => b.createTime - a.createTime || b.id - a.id);
}

async function main(): Promise<void> {
  const latencyMs = Number(process.argv[2] ?? 0);
  const sim = await startSimulator({ latencyMs, requestLogLimit: 100 });
  const products = sim.store.authorizedProducts();
  const withDevices = (accessType: number) =>
    products
      .filter((p) => p.accessType === accessType)
      .sort((a, b) => sim.store.devices(b.productKey).length - sim.store.devices(a.productKey).length)[0];
  const subDevice = withDevices(2);
  const direct = withDevices(0);
  // Every other device in list order, at most 20 per product, all of a product with a few: so every product is worth
  // one list call, and its first list page holds them all.
  const wanted = products.map((p) => {
    const devices = listOrder(sim.store.devices(p.productKey));
    return devices.length <= 8 ? devices : devices.filter((_, i) => i % 2 === 0).slice(0, 20);
  });
  const representations = wanted
    .flat()
    .slice(0, 100)
    .map((d) => ({ __typename: 'Device' as const, productKey: d.productKey, deviceKey: d.deviceKey }));
  let representationsFloor = 0;
  for (const p of products) {
    const order = listOrder(sim.store.devices(p.productKey)).map((d) => d.deviceKey);
    const keys = representations.filter((r) => r.productKey === p.productKey).map((r) => r.deviceKey);
    const pages = new Set(keys.map((k) => Math.floor(order.indexOf(k) / UPSTREAM_PAGE_SIZE)));
    representationsFloor += Math.min(keys.length, pages.size);
  }
  const listDevice = listOrder(sim.store.devices(direct.productKey))[7];
  const fixtures: Fixtures = {
    subDeviceProductKey: subDevice.productKey,
    listProductKey: direct.productKey,
    device: { productKey: listDevice.productKey, deviceKey: listDevice.deviceKey },
    representations,
    representationsFloor,
  };
  serveParent(
    {
      count: () => sim.log.count(),
      counters: () => sim.log.counters(),
      clear: () => sim.log.clear(),
    },
    { baseUrl: sim.baseUrl, credentials: sim.credentials, fixtures } satisfies SimulatorReady,
  );
  process.once('SIGTERM', () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench simulator failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
