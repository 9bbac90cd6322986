import type { PlatformClient } from '../platform/platform-client';
import type { DeviceEventDto, DeviceMessageDto } from './device-data.dto';
import type { DeviceRef } from '../devices/device-ref';
import { toPage, type Page, type PageRequest } from '../platform/page';

export interface MessageFilter {
  /** epoch ms, inclusive */
  from?: number;
  /** epoch ms, inclusive */
  to?: number;
  /** 1 up, 2 down */
  direction?: 1 | 2;
}

export interface EventFilter {
  from?: number;
  to?: number;
  /** "0".."6" (reference §5) */
  eventType?: string;
}

export interface HistoryApi {
  /** @throws UpstreamError NOT_FOUND (70130) for an unknown device */
  listMessages(ref: DeviceRef, filter: MessageFilter, page: PageRequest): Promise<Page<DeviceMessageDto>>;
  /** @throws UpstreamError NOT_FOUND (70130) for an unknown device */
  listEvents(ref: DeviceRef, filter: EventFilter, page: PageRequest): Promise<Page<DeviceEventDto>>;
}

/** Message and event logs (reference §6.5). The time bounds are spelled `beginDateTimp`/`endDateTimp` upstream (sic). */
export class HttpHistoryApi implements HistoryApi {
  constructor(private readonly client: PlatformClient) {}

  async listMessages(
    { productKey, deviceKey }: DeviceRef,
    filter: MessageFilter,
    { pageNum, pageSize }: PageRequest,
  ): Promise<Page<DeviceMessageDto>> {
    const response = await this.client.request<DeviceMessageDto[]>({
      endpoint: 'history.data',
      method: 'GET',
      path: '/v2/quecdatastorage/r1/openapi/device/data/history',
      query: { productKey, deviceKey, beginDateTimp: filter.from, endDateTimp: filter.to, direction: filter.direction, pageNum, pageSize },
    });
    return toPage(response);
  }

  async listEvents({ productKey, deviceKey }: DeviceRef, filter: EventFilter, { pageNum, pageSize }: PageRequest): Promise<Page<DeviceEventDto>> {
    const response = await this.client.request<DeviceEventDto[]>({
      endpoint: 'history.event',
      method: 'GET',
      path: '/v2/quecdatastorage/r1/openapi/device/eventdata/history',
      query: { productKey, deviceKey, beginDateTimp: filter.from, endDateTimp: filter.to, eventType: filter.eventType, pageNum, pageSize },
    });
    return toPage(response);
  }
}
