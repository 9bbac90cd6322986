import type { RouteDefinition } from '../router';
import { adminRoutes } from './admin.routes';
import { authRoutes } from './auth.routes';
import { deviceLifecycleRoutes } from './device-lifecycle.routes';
import { deviceRoutes } from './devices.routes';
import { downlinkRoutes } from './downlink.routes';
import { gatewayRoutes } from './gateway.routes';
import { historyRoutes } from './history.routes';
import { locationRoutes } from './location.routes';
import { productRoutes } from './products.routes';
import { rawDownlinkRoutes } from './raw-downlink.routes';
import { tslRoutes } from './tsl.routes';

/** Every upstream area the simulator answers. A new area is a new `<area>.routes.ts` plus one line here. */
export const ROUTES: readonly RouteDefinition[] = [
  ...authRoutes,
  ...productRoutes,
  ...tslRoutes,
  ...deviceRoutes,
  ...gatewayRoutes,
  ...deviceLifecycleRoutes,
  ...downlinkRoutes,
  ...rawDownlinkRoutes,
  ...locationRoutes,
  ...historyRoutes,
  ...adminRoutes,
];

/** Stable endpoint names, as used by the request log and fault injection. */
export const ENDPOINTS: readonly string[] = ROUTES.map((route) => route.endpoint);
