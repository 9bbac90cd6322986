import type { HistoryApi, EventFilter, MessageFilter } from '../../src/datasources/device-data/history.api';
import type { LocationApi } from '../../src/datasources/device-data/location.api';
import type { DeviceEventDto, DeviceMessageDto, LocationDto } from '../../src/datasources/device-data/device-data.dto';
import type { DeviceRef } from '../../src/datasources/devices/device-ref';
import type { Page, PageRequest } from '../../src/datasources/platform/page';
import { ErrorCode, NotFoundError, UpstreamError } from '../../src/errors';

/** In-memory message/event logs and locations, keyed "pk/dk"; records every call. */
export class FakeDeviceDataApi implements HistoryApi, LocationApi {
  readonly calls: string[] = [];
  readonly messages = new Map<string, DeviceMessageDto[]>();
  readonly events = new Map<string, DeviceEventDto[]>();
  readonly locations = new Map<string, LocationDto | 'unsupported'>();

  async listMessages(ref: DeviceRef, filter: MessageFilter, { pageNum, pageSize }: PageRequest): Promise<Page<DeviceMessageDto>> {
    this.calls.push(`messages ${key(ref)} ${filter.direction ?? '*'} ${pageNum}`);
    const rows = this.known(this.messages, ref).filter((m) => filter.direction === undefined || m.direction === filter.direction);
    return { rows: rows.slice((pageNum - 1) * pageSize, pageNum * pageSize), total: rows.length };
  }

  async listEvents(ref: DeviceRef, filter: EventFilter, { pageNum, pageSize }: PageRequest): Promise<Page<DeviceEventDto>> {
    this.calls.push(`events ${key(ref)} ${filter.eventType ?? '*'} ${pageNum}`);
    const rows = this.known(this.events, ref).filter((e) => filter.eventType === undefined || e.eventType === filter.eventType);
    return { rows: rows.slice((pageNum - 1) * pageSize, pageNum * pageSize), total: rows.length };
  }

  async getLocation(ref: DeviceRef): Promise<LocationDto | null> {
    this.calls.push(`location ${key(ref)}`);
    if (!this.locations.has(key(ref)) && !this.messages.has(key(ref))) throw new NotFoundError(`no device ${key(ref)}`);
    const found = this.locations.get(key(ref));
    if (found === 'unsupported') throw new UpstreamError('no', ErrorCode.UPSTREAM_ERROR, { code: 70216, msg: 'device does not support positioning' });
    return found ?? null;
  }

  private known<T>(map: Map<string, T[]>, ref: DeviceRef): T[] {
    const rows = map.get(key(ref));
    if (!rows) throw new NotFoundError(`no device ${key(ref)}`);
    return rows;
  }
}

export function key(ref: DeviceRef): string {
  return `${ref.productKey}/${ref.deviceKey}`;
}
