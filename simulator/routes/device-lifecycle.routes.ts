import { BusinessError } from '../http/business-error';
import { bodyObject, requiredArray, requiredString, type JsonObject } from '../http/body-fields';
import { done, single } from '../http/envelope';
import { messageFor } from '../http/error-codes';
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

function create(store: SimulatorStore, product: Product, input: NewDeviceInput, now: number): void {
  if (store.device(product.productKey, input.deviceKey)) throw new BusinessError(70062);
  store.createDevice(newDevice(store.nextDeviceId(), product, input, now));
}

/** A changed name keeps the previous one as `oldDeviceName` (§6.4 row field) [INFERRED]. */
function change(device: Device, input: DeviceChangeInput, now: number): void {
  if (input.deviceName !== undefined && input.deviceName !== device.deviceName) {
    device.oldDeviceName = device.deviceName;
    device.deviceName = input.deviceName;
  }
  if (input.sn !== undefined) device.sn = input.sn;
  device.updateTime = now;
}

const createOne: RouteDefinition = {
  endpoint: 'device.create',
  methods: ['POST'],
  path: `${BASE}/create`,
  envelope: 'A',
  authenticated: true,
  handle({ body: raw }, { store, clock }) {
    const body = bodyObject(raw);
    const productKey = requiredString(body, 'productKey');
    const input = readNewDevice(body);
    create(store, productByKey(store, productKey, 70017), input, clock.now());
    return done();
  },
};

const createBatch: RouteDefinition = {
  endpoint: 'device.createBatch',
  methods: ['POST'],
  path: `${BASE}/createBatch`,
  envelope: 'A',
  authenticated: true,
  handle({ body: raw }, { store, clock }) {
    const body = bodyObject(raw);
    const productKey = requiredString(body, 'productKey');
    const rows = batchRows(body);
    const product = productByKey(store, productKey, 70017);
    const now = clock.now();
    return single(eachRow(rows, (row) => create(store, product, readNewDevice(row), now)));
  },
};

const updateOne: RouteDefinition = {
  endpoint: 'device.update',
  methods: ['POST'],
  path: `${BASE}/update`,
  envelope: 'A',
  authenticated: true,
  handle({ body: raw }, { store, clock }) {
    const body = bodyObject(raw);
    const productKey = requiredString(body, 'productKey');
    const input = readDeviceChange(body);
    change(deviceByKeys(store, productKey, input.deviceKey).device, input, clock.now());
    return done();
  },
};

const updateBatch: RouteDefinition = {
  endpoint: 'device.updateBatch',
  methods: ['POST'],
  path: `${BASE}/updateBatch`,
  envelope: 'A',
  authenticated: true,
  handle({ body: raw }, { store, clock }) {
    const body = bodyObject(raw);
    const productKey = requiredString(body, 'productKey');
    const rows = batchRows(body);
    const product = productByKey(store, productKey, 70017);
    const now = clock.now();
    return single(
      eachRow(rows, (row) => {
        const input = readDeviceChange(row);
        const device = store.device(product.productKey, input.deviceKey);
        if (!device) throw new BusinessError(70130);
        change(device, input, now);
      }),
    );
  },
};

/** POST with a JSON body, not DELETE (§6.3). A deleted gateway's sub-devices lose their link (store). */
const deleteOne: RouteDefinition = {
  endpoint: 'device.delete',
  methods: ['POST'],
  path: `${BASE}/delete`,
  envelope: 'A',
  authenticated: true,
  handle({ body: raw }, { store }) {
    const body = bodyObject(raw);
    const productKey = requiredString(body, 'productKey');
    const deviceKey = requiredString(body, 'deviceKey');
    store.deleteDevice(deviceByKeys(store, productKey, deviceKey).device);
    return done();
  },
};

export const deviceLifecycleRoutes: readonly RouteDefinition[] = [createOne, createBatch, updateOne, updateBatch, deleteOne];
