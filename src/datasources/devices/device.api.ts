import type { PlatformClient } from '../platform/platform-client';
import type { DeviceDto, DeviceResourceDto } from './device.dto';
import { toPage, type Page, type PageRequest } from '../platform/page';

export interface DeviceListFilter {
  productKey: string;
  /** 1 online, 0 offline */
  deviceStatus?: 0 | 1;
  /** 1 activated, 0 never activated (documented, reference §6.3) */
  activeStatus?: 0 | 1;
  /**
   * Part of the device name. Undocumented (reference §12.8): a platform that ignores it answers the unfiltered list,
   * so callers must check the rows (device.loaders.ts does).
   */
  deviceName?: string;
}

export interface DeviceApi {
  /**
   * Whether `listDevices` passes `deviceName` to the platform (QUEC_DEVICE_NAME_FILTER). When false (the default: the
   * parameter is undocumented) a name filter is never sent, and callers match names themselves.
   */
  readonly filtersByName?: boolean;
  /** @throws UpstreamError NOT_FOUND for an unknown product */
  listDevices(filter: DeviceListFilter, page: PageRequest): Promise<Page<DeviceDto>>;
  /** @throws UpstreamError NOT_FOUND (70130) for an unknown device */
  getDevice(productKey: string, deviceKey: string): Promise<DeviceDto>;
  getResources(productKey: string, deviceKey: string): Promise<DeviceResourceDto | null>;
}

/** Device registry and module status (reference §6.3). */
export class HttpDeviceApi implements DeviceApi {
  constructor(
    private readonly client: PlatformClient,
    readonly filtersByName = false,
  ) {}

  async listDevices(
    { productKey, deviceStatus, activeStatus, deviceName }: DeviceListFilter,
    { pageNum, pageSize }: PageRequest,
  ): Promise<Page<DeviceDto>> {
    const response = await this.client.request<DeviceDto[]>({
      endpoint: 'device.overview',
      method: 'GET',
      path: '/v2/devicemgr/r3/openapi/product/device/overview',
      query: { productKey, deviceStatus, activeStatus, deviceName: this.filtersByName ? deviceName : undefined, pageNum, pageSize },
    });
    return toPage(response);
  }

  async getDevice(productKey: string, deviceKey: string): Promise<DeviceDto> {
    const response = await this.client.request<DeviceDto>({
      endpoint: 'device.detail',
      method: 'GET',
      path: '/v2/devicemgr/r3/openapi/device/detail',
      query: { productKey, deviceKey },
    });
    return response.data;
  }

  async getResources(productKey: string, deviceKey: string): Promise<DeviceResourceDto | null> {
    const response = await this.client.request<DeviceResourceDto | null>({
      endpoint: 'device.resource',
      method: 'GET',
      path: '/v2/deviceshadow/r2/openapi/device/resource',
      query: { productKey, deviceKey },
    });
    return response.data ?? null;
  }
}
