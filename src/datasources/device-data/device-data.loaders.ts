import DataLoader from 'dataloader';
import type { DeviceEventDto, DeviceMessageDto, LocationDto } from './device-data.dto';
import type { EventFilter, HistoryApi, MessageFilter } from './history.api';
import type { LocationApi } from './location.api';
import { deviceRefKey, type DeviceRef } from '../devices/device-ref';
import type { Page } from '../platform/page';
import { perKey, settleEach } from '../platform/per-key';
import { UpstreamError, isNotFound } from '../../errors';

export interface MessagePageKey extends DeviceRef, MessageFilter {
  pageNum: number;
}

export interface EventPageKey extends DeviceRef, EventFilter {
  pageNum: number;
}

export interface DeviceDataLoaders {
  /** Pages of a device's message log; the newest uplink page also feeds `Device.properties`. */
  messagePageByDevice: DataLoader<MessagePageKey, Page<DeviceMessageDto>, string>;
  eventPageByDevice: DataLoader<EventPageKey, Page<DeviceEventDto>, string>;
  /** Latest location; null when the device never reported one or does not support positioning. */
  locationByDevice: DataLoader<DeviceRef, LocationDto | null, string>;
}

/** "Positioning method not supported" / "device does not support positioning" (reference §10.2): no location to show. */
const NO_LOCATION = new Set([70215, 70216]);

export function createDeviceDataLoaders(history: HistoryApi, locations: LocationApi, pageSize: number): DeviceDataLoaders {
  const messagePageByDevice: DeviceDataLoaders['messagePageByDevice'] = new DataLoader(
    (keys) =>
      settleEach(keys, ({ pageNum, productKey, deviceKey, ...filter }) =>
        history.listMessages({ productKey, deviceKey }, filter, { pageNum, pageSize }),
      ),
    { cacheKeyFn: (key) => [deviceRefKey(key), key.direction ?? '*', key.from ?? '', key.to ?? '', key.pageNum].join('\u0000') },
  );

  const eventPageByDevice: DeviceDataLoaders['eventPageByDevice'] = new DataLoader(
    (keys) =>
      settleEach(keys, ({ pageNum, productKey, deviceKey, ...filter }) =>
        history.listEvents({ productKey, deviceKey }, filter, { pageNum, pageSize }),
      ),
    { cacheKeyFn: (key) => [deviceRefKey(key), key.eventType ?? '*', key.from ?? '', key.to ?? '', key.pageNum].join('\u0000') },
  );

  const locationByDevice: DeviceDataLoaders['locationByDevice'] = new DataLoader(
    (refs) =>
      perKey(
        refs,
        (ref) => locations.getLocation(ref),
        (error) => isNotFound(error) || (error instanceof UpstreamError && NO_LOCATION.has(error.upstream?.code ?? 0)),
      ),
    { cacheKeyFn: deviceRefKey },
  );

  return { messagePageByDevice, eventPageByDevice, locationByDevice };
}
