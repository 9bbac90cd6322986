import type { PlatformClient } from '../platform/platform-client';
import type { GatewayRefDto, SubDeviceDto } from './device.dto';
import { toPage, type Page, type PageRequest } from '../platform/page';

export interface GatewayApi {
  /** @throws UpstreamError BAD_USER_INPUT (70020) when the device is not a gateway */
  listSubDevices(productKey: string, deviceKey: string, page: PageRequest): Promise<Page<SubDeviceDto>>;
  /** @throws UpstreamError BAD_USER_INPUT for 70026/70027/70028/70029 (no current gateway, or not answerable) */
  getGatewayOfChild(productKey: string, deviceKey: string): Promise<GatewayRefDto>;
}

/** Gateway/sub-device topology (reference §6.4, §7). */
export class HttpGatewayApi implements GatewayApi {
  constructor(private readonly client: PlatformClient) {}

  async listSubDevices(productKey: string, deviceKey: string, { pageNum, pageSize }: PageRequest): Promise<Page<SubDeviceDto>> {
    const response = await this.client.request<SubDeviceDto[]>({
      endpoint: 'gateway.subList',
      method: 'GET',
      path: '/v2/devicemgr/r1/openapi/product/gateway/subList',
      query: { productKey, deviceKey, pageNum, pageSize },
    });
    return toPage(response);
  }

  async getGatewayOfChild(productKey: string, deviceKey: string): Promise<GatewayRefDto> {
    const response = await this.client.request<GatewayRefDto>({
      endpoint: 'gateway.ofChild',
      method: 'GET',
      path: '/v2/devicemgr/r1/openapi/product/gateway/getGatewayProductByChildDevice',
      query: { productKey, deviceKey },
    });
    return response.data;
  }
}
