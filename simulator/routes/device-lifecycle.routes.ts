import { BusinessError } from '../http/business-error';
import { bodyObject, requiredArray, requiredString, type JsonObject } from '../http/body-fields';
import { done, single } from '../http/envelope';
import { messageFor } from '../http/error-codes';
import { deviceEvent, type DeviceChanges } from '../push/device-messages';
import type { PushIds } from '../push/push-message';
import type { RouteDefinition } from '../router';
import type { SimulatorStore } from '../store/simulator.store';
import type { Device, Product } from '../store/store.types';
import { deviceByKeys, productByKey } from './access';
import { newDevice } from './device-factory';
import { readDeviceChange, readNewDevice, type DeviceChangeInput, type NewDeviceInput } from './device-input';

// §6.3 device lifecycle. Checks: body and fields (50005), then product (70017 unknown for product-level calls,
// 70089 not authorized), then the device (70062 duplicate deviceKey, 70130 unknown). Single-device update and
// delete look the device up like every device-scoped call, so an unknown product is 70130 there (access.ts).

const MAX_BATCH = 500;
const BASE = '/v2/devicemgr/r3/openapi/device';

interface RowFailure {
  deviceKey: string | null;
  code: number;
  message: string;
}

/**
 * Batch partial failure is UNCONFIRMED (§12 q4). Chosen: valid rows take effect, the answer is a top-level 200
 * whose `data` lists only the failed rows as `{deviceKey, code, message}` (empty when all succeeded).
 */
function eachRow(rows: unknown[], apply: (row: JsonObject) => void): RowFailure[] {
  const failures: RowFailure[] = [];
  for (const row of rows) {
    try {
      apply(bodyObject(row));
    } catch (error) {
      if (!(error instanceof BusinessError)) throw error;
      const deviceKey = (row as { deviceKey?: unknown } | null)?.deviceKey;
      failures.push({ deviceKey: typeof deviceKey === 'string' ? deviceKey : null, code: error.code, message: messageFor(error.code) });
    }
  }
  return failures;
}

function batchRows(body: JsonObject): unknown[] {
  const rows = requiredArray(body, 'devices');
  if (rows.length > MAX_BATCH) throw new BusinessError(50005);
  return rows;
}

function create(store: SimulatorStore, product: Product, input: NewDeviceInput, now: number): Device {
  if (store.device(product.productKey, input.deviceKey)) throw new BusinessError(70062);
  const device = newDevice(store.nextDeviceId(), product, input, now);
  store.createDevice(device);
  return device;
}

interface DeviceChange {
  device: Device;
  changes: DeviceChanges;
}

/**
 * A changed name keeps the previous one as `oldDeviceName` (§6.4 row field) [INFERRED]. Returns what changed, as the
 * META_EVENT/DEVICE UPDATE message reports it (§9.3).
 */
function change(device: Device, input: DeviceChangeInput, now: number): DeviceChange {
  const changes: DeviceChanges = {};
  if (input.deviceName !== undefined && input.deviceName !== device.deviceName) {
    changes.deviceName = { old: device.deviceName, new: input.deviceName };
    device.oldDeviceName = device.deviceName;
    device.deviceName = input.deviceName;
  }
  if (input.sn !== undefined && input.sn !== device.sn) changes.sn = { new: input.sn };
  if (input.sn !== undefined) device.sn = input.sn;
  device.updateTime = now;
  return { device, changes };
}

/** An update that changes nothing is no device information change, so it pushes nothing [INFERRED]. */
function updateEvents(changed: DeviceChange[], now: number) {
  return (ids: PushIds) =>
    changed.filter(({ changes }) => Object.keys(changes).length > 0).map(({ device, changes }) => deviceEvent(device, 'UPDATE', now, ids, changes));
}

const createOne: RouteDefinition = {
  endpoint: 'device.create',
  methods: ['POST'],
  path: `${BASE}/create`,
  envelope: 'A',
  authenticated: true,
  async handle({ body: raw }, { store, clock, push }) {
    const body = bodyObject(raw);
    const productKey = requiredString(body, 'productKey');
    const input = readNewDevice(body);
    const now = clock.now();
    const device = create(store, productByKey(store, productKey, 70017), input, now);
    await push.emit((ids) => [deviceEvent(device, 'ADD', now, ids)]);
    return done();
  },
};

const createBatch: RouteDefinition = {
  endpoint: 'device.createBatch',
  methods: ['POST'],
  path: `${BASE}/createBatch`,
  envelope: 'A',
  authenticated: true,
  async handle({ body: raw }, { store, clock, push }) {
    const body = bodyObject(raw);
    const productKey = requiredString(body, 'productKey');
    const rows = batchRows(body);
    const product = productByKey(store, productKey, 70017);
    const now = clock.now();
    const created: Device[] = [];
    const failures = eachRow(rows, (row) => {
      created.push(create(store, product, readNewDevice(row), now));
    });
    await push.emit((ids) => created.map((device) => deviceEvent(device, 'ADD', now, ids)));
    return single(failures);
  },
};

const updateOne: RouteDefinition = {
  endpoint: 'device.update',
  methods: ['POST'],
  path: `${BASE}/update`,
  envelope: 'A',
  authenticated: true,
  async handle({ body: raw }, { store, clock, push }) {
    const body = bodyObject(raw);
    const productKey = requiredString(body, 'productKey');
    const input = readDeviceChange(body);
    const now = clock.now();
    const changed = change(deviceByKeys(store, productKey, input.deviceKey).device, input, now);
    await push.emit(updateEvents([changed], now));
    return done();
  },
};

const updateBatch: RouteDefinition = {
  endpoint: 'device.updateBatch',
  methods: ['POST'],
  path: `${BASE}/updateBatch`,
  envelope: 'A',
  authenticated: true,
  async handle({ body: raw }, { store, clock, push }) {
    const body = bodyObject(raw);
    const productKey = requiredString(body, 'productKey');
    const rows = batchRows(body);
    const product = productByKey(store, productKey, 70017);
    const now = clock.now();
    const changed: DeviceChange[] = [];
    const failures = eachRow(rows, (row) => {
      const input = readDeviceChange(row);
      const device = store.device(product.productKey, input.deviceKey);
      if (!device) throw new BusinessError(70130);
      changed.push(change(device, input, now));
    });
    await push.emit(updateEvents(changed, now));
    return single(failures);
  },
};

/** POST with a JSON body, not DELETE (§6.3). A deleted gateway's sub-devices lose their link (store). */
const deleteOne: RouteDefinition = {
  endpoint: 'device.delete',
  methods: ['POST'],
  path: `${BASE}/delete`,
  envelope: 'A',
  authenticated: true,
  async handle({ body: raw }, { store, clock, push }) {
    const body = bodyObject(raw);
    const productKey = requiredString(body, 'productKey');
    const deviceKey = requiredString(body, 'deviceKey');
    const { device } = deviceByKeys(store, productKey, deviceKey);
    store.deleteDevice(device);
    const now = clock.now();
    await push.emit((ids) => [deviceEvent(device, 'DELETE', now, ids)]);
    return done();
  },
};

export const deviceLifecycleRoutes: readonly RouteDefinition[] = [createOne, createBatch, updateOne, updateBatch, deleteOne];
