import type { PlatformClient } from '../platform/platform-client';
import type { CommandResultDto } from './device-data.dto';
import type { DeviceRef } from '../devices/device-ref';

/** Delivery options shared by every downlink call (reference §6.5). */
export interface DownlinkOptions {
  /** Keep the command for an offline device and deliver it when it connects. */
  isCache?: boolean;
  /** Seconds the cached command stays deliverable; upstream default 600. */
  cacheTime?: number;
  /** Replace a command cached earlier for the same device. */
  isCover?: boolean;
  qos?: number;
}

/** One TSL downlink call: one product, its devices, and the `data` document (serialized by the api, §6.5). */
export interface TslDownlink {
  productKey: string;
  deviceKeys: string[];
  data: unknown;
  options: DownlinkOptions;
}

export interface RawDownlink {
  devices: DeviceRef[];
  payload: string;
  encode: 'Hex' | 'Text';
  options: DownlinkOptions;
}

/**
 * Downlink commands. None of these is idempotent: a call that reached the platform may have acted even when its
 * answer was lost, so implementations never retry (PlatformClient retries only rejected tokens, which did not act).
 * Each resolves to the per-device results upstream returned.
 */
export interface CommandApi {
  readData(call: TslDownlink): Promise<CommandResultDto[]>;
  writeData(call: TslDownlink): Promise<CommandResultDto[]>;
  sendServiceData(call: TslDownlink): Promise<CommandResultDto[]>;
  sendRawData(call: RawDownlink): Promise<CommandResultDto[]>;
}

/** Device downlink (reference §6.5). `data` is a JSON document sent as a *string* inside the JSON body. */
export class HttpCommandApi implements CommandApi {
  constructor(private readonly client: PlatformClient) {}

  readData(call: TslDownlink): Promise<CommandResultDto[]> {
    return this.tsl('dm.readData', '/v2/deviceshadow/r3/openapi/dm/readData', call);
  }

  writeData(call: TslDownlink): Promise<CommandResultDto[]> {
    return this.tsl('dm.writeData', '/v2/deviceshadow/r3/openapi/dm/writeData', call);
  }

  sendServiceData(call: TslDownlink): Promise<CommandResultDto[]> {
    return this.tsl('dm.sendServiceData', '/v2/deviceshadow/r3/openapi/dm/sendServiceData', call);
  }

  async sendRawData({ devices, payload, encode, options }: RawDownlink): Promise<CommandResultDto[]> {
    const response = await this.client.request<CommandResultDto[] | null>({
      endpoint: 'raw.sendData',
      method: 'POST',
      path: '/v2/deviceshadow/r3/openapi/raw/sendData',
      // Raw devices are objects and may span products, unlike the TSL calls (reference §6.5).
      body: { devices: devices.map(({ productKey, deviceKey }) => ({ productKey, deviceKey })), data: payload, encode, ...options },
    });
    return response.data ?? [];
  }

  private async tsl(endpoint: string, path: string, { productKey, deviceKeys, data, options }: TslDownlink): Promise<CommandResultDto[]> {
    const response = await this.client.request<CommandResultDto[] | null>({
      endpoint,
      method: 'POST',
      path,
      body: { productKey, devices: deviceKeys, data: JSON.stringify(data), ...options },
    });
    return response.data ?? [];
  }
}
