import type { DeviceRef } from '../devices/device-ref';
import type { PlatformClient } from '../platform/platform-client';

// Binding writes (reference §11.5). Only the operation names are published. The base path
// (`QUEC_PATH_BINDING`) is that of the documented binding calls; parameters and responses are [INFERRED]: bind
// and unbind pass `uid`, `pk`, `dk` in the query as verifyBindingCode does, and the batch posts `deviceList`.

/** One device's outcome in a batch unbinding; `code` 200 is success. */
export interface UnbindRowDto {
  pk: string;
  dk: string;
  code: number;
  msg?: string | null;
}

/** Binds and unbinds devices of end users. Every method throws UpstreamError; none retries (a write is sent once). */
export interface BindingApi {
  /** Makes the user the device's owner (binding by PK/DK). */
  bindDevice(uid: string, device: DeviceRef): Promise<void>;
  /** Ends one user's binding; an owner's unbinding also ends the shares they granted. */
  unbindDevice(uid: string, device: DeviceRef): Promise<void>;
  /** Ends every binding of each device, in one call; a row per device tells how it went. */
  unbindDevices(devices: readonly DeviceRef[]): Promise<UnbindRowDto[]>;
}

export class HttpBindingApi implements BindingApi {
  constructor(
    private readonly client: PlatformClient,
    private readonly basePath: string,
  ) {}

  async bindDevice(uid: string, { productKey, deviceKey }: DeviceRef): Promise<void> {
    await this.client.request({
      endpoint: 'binding.bindDeviceByPkDk',
      method: 'POST',
      path: `${this.basePath}/bindDeviceByPkDk`,
      query: { uid, pk: productKey, dk: deviceKey },
    });
  }

  async unbindDevice(uid: string, { productKey, deviceKey }: DeviceRef): Promise<void> {
    await this.client.request({
      endpoint: 'binding.unbundlingUserDevice',
      method: 'DELETE',
      path: `${this.basePath}/unbundlingUserDevice`,
      query: { uid, pk: productKey, dk: deviceKey },
    });
  }

  async unbindDevices(devices: readonly DeviceRef[]): Promise<UnbindRowDto[]> {
    const response = await this.client.request<UnbindRowDto[] | null>({
      endpoint: 'binding.batchUnbindlingDevice',
      method: 'POST',
      path: `${this.basePath}/batchUnbindlingDevice`,
      body: { deviceList: devices.map((d) => ({ pk: d.productKey, dk: d.deviceKey })) },
    });
    return response.data ?? [];
  }
}
