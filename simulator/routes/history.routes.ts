import { BusinessError } from '../http/business-error';
import { page } from '../http/envelope';
import { readPaging } from '../http/paging';
import { optionalInteger, optionalText } from '../http/query-params';
import type { RouteDefinition } from '../router';
import { targetDevice } from './device-target';
import { toDeviceData, toDeviceEvent } from './history.view';

// §6.5 history. Both logs answer newest first (ties: last logged first); beginDateTimp/endDateTimp are inclusive ms bounds and either
// may be omitted (no default window) [INFERRED]; begin after end, or a direction/sendStatus/eventType outside
// its §5 values, answers 50005.

function timeRange(query: Record<string, string>): (at: number) => boolean {
  const begin = optionalInteger(query, 'beginDateTimp') ?? -Infinity;
  const end = optionalInteger(query, 'endDateTimp') ?? Infinity;
  if (begin > end) throw new BusinessError(50005);
  return (at) => at >= begin && at <= end;
}

function oneOf<T extends number | string>(value: T | undefined, allowed: readonly T[]): T | undefined {
  if (value !== undefined && !allowed.includes(value)) throw new BusinessError(50005);
  return value;
}

const dataHistory: RouteDefinition = {
  endpoint: 'history.data',
  methods: ['GET'],
  path: '/v2/quecdatastorage/r1/openapi/device/data/history',
  envelope: 'A',
  authenticated: true,
  handle({ query }, { store, options }) {
    const { device } = targetDevice(store, query);
    const inRange = timeRange(query);
    const direction = oneOf(optionalInteger(query, 'direction'), [1, 2]);
    const sendStatus = oneOf(optionalInteger(query, 'sendStatus'), [-1, 0, 1]);
    const paging = readPaging(query, options.paging);
    const rows = device.messages
      .filter(
        (m) => inRange(m.at) && (direction === undefined || m.direction === direction) && (sendStatus === undefined || m.sendStatus === sendStatus),
      )
      .reverse()
      .sort((a, b) => b.at - a.at)
      .map((m) => toDeviceData(device, m));
    return page(rows, paging);
  },
};

const eventHistory: RouteDefinition = {
  endpoint: 'history.event',
  methods: ['GET'],
  path: '/v2/quecdatastorage/r1/openapi/device/eventdata/history',
  envelope: 'A',
  authenticated: true,
  handle({ query }, { store, options }) {
    const { device } = targetDevice(store, query);
    const inRange = timeRange(query);
    const eventType = oneOf(optionalText(query, 'eventType'), ['0', '1', '2', '3', '4', '5', '6']);
    const paging = readPaging(query, options.paging);
    const rows = device.events
      .filter((e) => inRange(e.at) && (eventType === undefined || e.eventType === eventType))
      .reverse()
      .sort((a, b) => b.at - a.at)
      .map((e) => toDeviceEvent(device, e));
    return page(rows, paging);
  },
};

export const historyRoutes: readonly RouteDefinition[] = [dataHistory, eventHistory];
