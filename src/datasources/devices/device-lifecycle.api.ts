import { ErrorCode, UpstreamError } from '../../errors';
import type { PlatformClient } from '../platform/platform-client';
import type { BatchRowFailureDto } from '../device-data/device-data.dto';
import type { DeviceRef } from './device-ref';

/** A device row of create/createBatch (reference §6.3). */
export interface NewDeviceDto {
  deviceKey: string;
  deviceName?: string;
  sn?: string;
  /** 0 dynamic, 1 static, 2 X.509 */
  authMode?: number;
  fingerPrint?: string;
  psk?: string;
}

/** A device row of update/updateBatch. */
export interface DeviceChangeDto {
  deviceKey: string;
  deviceName?: string;
  sn?: string;
}

/** Rows per createBatch/updateBatch call (reference §6.3). */
export const MAX_BATCH_ROWS = 500;

/**
 * Device registry writes (reference §6.3) and sub-device unbinding (§6.4). Not idempotent and never retried.
 * Batch calls resolve to the rows upstream refused; a refusal of the whole call is thrown, and so is an answer whose
 * per-row outcome cannot be read (see `readBatchFailures`).
 */
export interface DeviceLifecycleApi {
  /** @throws UpstreamError, e.g. BAD_USER_INPUT (70062) for a device key that exists, NOT_FOUND (70017) */
  createDevice(productKey: string, device: NewDeviceDto): Promise<void>;
  /** @throws UpstreamError UPSTREAM_ERROR when the answer does not say which rows failed (`readBatchFailures`) */
  createDevices(productKey: string, devices: NewDeviceDto[]): Promise<BatchRowFailureDto[]>;
  /** @throws UpstreamError NOT_FOUND (70130) for an unknown device */
  updateDevice(productKey: string, change: DeviceChangeDto): Promise<void>;
  /** @throws UpstreamError UPSTREAM_ERROR when the answer does not say which rows failed (`readBatchFailures`) */
  updateDevices(productKey: string, changes: DeviceChangeDto[]): Promise<BatchRowFailureDto[]>;
  deleteDevice(ref: DeviceRef): Promise<void>;
  /** @throws UpstreamError BAD_USER_INPUT (70026) when the sub-device is not connected to a gateway */
  unbindSubDevice(ref: DeviceRef): Promise<void>;
}

export class HttpDeviceLifecycleApi implements DeviceLifecycleApi {
  constructor(private readonly client: PlatformClient) {}

  async createDevice(productKey: string, device: NewDeviceDto): Promise<void> {
    await this.post('device.create', '/v2/devicemgr/r3/openapi/device/create', { productKey, ...device });
  }

  createDevices(productKey: string, devices: NewDeviceDto[]): Promise<BatchRowFailureDto[]> {
    return this.batch('device.createBatch', '/v2/devicemgr/r3/openapi/device/createBatch', { productKey, devices });
  }

  async updateDevice(productKey: string, change: DeviceChangeDto): Promise<void> {
    await this.post('device.update', '/v2/devicemgr/r3/openapi/device/update', { productKey, ...change });
  }

  updateDevices(productKey: string, changes: DeviceChangeDto[]): Promise<BatchRowFailureDto[]> {
    return this.batch('device.updateBatch', '/v2/devicemgr/r3/openapi/device/updateBatch', { productKey, devices: changes });
  }

  async deleteDevice({ productKey, deviceKey }: DeviceRef): Promise<void> {
    // POST with a JSON body, not DELETE (reference §6.3).
    await this.post('device.delete', '/v2/devicemgr/r3/openapi/device/delete', { productKey, deviceKey });
  }

  async unbindSubDevice({ productKey, deviceKey }: DeviceRef): Promise<void> {
    // POST, yet the parameters are query parameters (reference §6.4).
    await this.client.request<unknown>({
      endpoint: 'gateway.unbind',
      method: 'POST',
      path: '/v2/devicemgr/r1/openapi/product/gateway/unbind',
      query: { productKey, deviceKey },
    });
  }

  private async post(endpoint: string, path: string, body: unknown): Promise<void> {
    await this.client.request<unknown>({ endpoint, method: 'POST', path, body });
  }

  private async batch(endpoint: string, path: string, body: unknown): Promise<BatchRowFailureDto[]> {
    const response = await this.client.request<unknown>({ endpoint, method: 'POST', path, body });
    return readBatchFailures(endpoint, response.data);
  }
}

/** Keys of a `data` object that name failed rows or their count (INFERRED, §12.4): `failList`, `failDevices`, `errorCount`... */
const FAILURE_KEY = /fail|err/i;
/** Keys that name succeeded rows or their count: `successList`, `succCount`... */
const SUCCESS_KEY = /succ/i;

/**
 * The rows a createBatch/updateBatch answer (reference §6.3, §12.4) reports as refused. The pages type `data` as an
 * object without fields and their example has none, so no per-row shape is documented. Read, in this order:
 *
 * - no `data` (null, absent, `{}`): the documented success answer, every row done;
 * - an array of rows `{deviceKey, code, message|msg}`: a row with code 200 is done, any other is refused (the
 *   simulator's answer);
 * - an object with failure lists (`failList: [rows or device keys]`) and/or counts (`failCount: 0`), recognised by
 *   key names containing "fail"/"error" or "succ" (INFERRED).
 *
 * Anything else (a count of failures without the rows, unknown keys, a string) is not guessed as "no failures".
 *
 * @throws UpstreamError UPSTREAM_ERROR saying the outcome of the rows is unknown.
 */
export function readBatchFailures(endpoint: string, data: unknown): BatchRowFailureDto[] {
  if (data === null || data === undefined) return [];
  if (Array.isArray(data)) return rowsOrFail(endpoint, data).filter((row) => !isSuccessCode(row.code));
  if (typeof data !== 'object') throw unknownOutcome(endpoint);
  const entries = Object.entries(data as Record<string, unknown>).filter(([, value]) => value !== null && value !== undefined);
  const failures: BatchRowFailureDto[] = [];
  let failuresCounted = 0;
  let listed = false;
  for (const [key, value] of entries) {
    if (FAILURE_KEY.test(key) && Array.isArray(value)) {
      failures.push(...rowsOrFail(endpoint, value));
      listed = true;
    } else if (FAILURE_KEY.test(key) && isCount(value)) {
      failuresCounted = Math.max(failuresCounted, Number(value));
    } else if (!SUCCESS_KEY.test(key) || !(Array.isArray(value) || isCount(value))) {
      throw unknownOutcome(endpoint);
    }
  }
  if (failuresCounted > 0 && !listed) throw unknownOutcome(endpoint);
  return failures;
}

function rowsOrFail(endpoint: string, rows: unknown[]): BatchRowFailureDto[] {
  return rows.map((row) => {
    if (typeof row === 'string' && row !== '') return { deviceKey: row };
    if (typeof row === 'object' && row !== null && !Array.isArray(row)) return row as BatchRowFailureDto;
    throw unknownOutcome(endpoint);
  });
}

function isSuccessCode(code: unknown): boolean {
  return code === 200 || code === '200';
}

function isCount(value: unknown): boolean {
  return (typeof value === 'number' && Number.isInteger(value) && value >= 0) || (typeof value === 'string' && /^\d+$/.test(value));
}

function unknownOutcome(endpoint: string): UpstreamError {
  return new UpstreamError(
    `Platform accepted ${endpoint} but its answer does not say which rows failed; the outcome of each row is unknown, ` +
      'so read the devices back before sending the batch again',
    ErrorCode.UPSTREAM_ERROR,
    undefined,
    endpoint,
  );
}
