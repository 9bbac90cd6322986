import type { PlatformClient } from '../platform/platform-client';
import type { LocationDto } from './device-data.dto';
import type { DeviceRef } from '../devices/device-ref';

export interface LocationApi {
  /** null when the device never reported a location. @throws UpstreamError NOT_FOUND (70130) for an unknown device */
  getLocation(ref: DeviceRef): Promise<LocationDto | null>;
}

/** Latest location (reference §6.5). */
export class HttpLocationApi implements LocationApi {
  constructor(private readonly client: PlatformClient) {}

  async getLocation({ productKey, deviceKey }: DeviceRef): Promise<LocationDto | null> {
    const response = await this.client.request<LocationDto | null>({
      endpoint: 'device.location',
      method: 'GET',
      path: '/v2/deviceshadow/r1/openapi/device/getlocation',
      query: { productKey, deviceKey },
    });
    return response.data ?? null;
  }
}
