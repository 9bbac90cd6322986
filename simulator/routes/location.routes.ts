import { single } from '../http/envelope';
import type { RouteDefinition } from '../router';
import { targetDevice } from './device-target';
import { toLocationLatest } from './location.view';

/**
 * §6.5 getlocation. A device that never reported a fix (no positioning, or none yet) answers 200 with
 * `data: null` rather than 70216 "device does not support positioning" [INFERRED].
 */
const getLocation: RouteDefinition = {
  endpoint: 'device.location',
  methods: ['GET'],
  path: '/v2/deviceshadow/r1/openapi/device/getlocation',
  envelope: 'A',
  authenticated: true,
  handle({ query }, { store }) {
    const { device } = targetDevice(store, query);
    return single(device.location ? toLocationLatest(device, device.location) : null);
  },
};

export const locationRoutes: readonly RouteDefinition[] = [getLocation];
