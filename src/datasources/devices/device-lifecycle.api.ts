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
 * Batch calls resolve to the rows upstream refused; a refusal of the whole call is thrown.
 */
export interface DeviceLifecycleApi {
  /** @throws UpstreamError, e.g. BAD_USER_INPUT (70062) for a device key that exists, NOT_FOUND (70017) */
  createDevice(productKey: string, device: NewDeviceDto): Promise<void>;
  createDevices(productKey: string, devices: NewDeviceDto[]): Promise<BatchRowFailureDto[]>;
  /** @throws UpstreamError NOT_FOUND (70130) for an unknown device */
  updateDevice(productKey: string, change: DeviceChangeDto): Promise<void>;
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

  /** The reference documents no per-row result (§12.4); rows reported in `data[]` are the failed ones. */
  private async batch(endpoint: string, path: string, body: unknown): Promise<BatchRowFailureDto[]> {
    const response = await this.client.request<BatchRowFailureDto[] | null>({ endpoint, method: 'POST', path, body });
    return Array.isArray(response.data) ? response.data : [];
  }
}
