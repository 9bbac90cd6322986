import type { RouteDefinition } from '../router';
import { authRoutes } from './auth.routes';
import { deviceRoutes } from './devices.routes';
import { gatewayRoutes } from './gateway.routes';
import { productRoutes } from './products.routes';
import { tslRoutes } from './tsl.routes';

/** Every upstream area the simulator answers. A new area is a new `<area>.routes.ts` plus one line here. */
export const ROUTES: readonly RouteDefinition[] = [
  ...authRoutes,
  ...productRoutes,
  ...tslRoutes,
  ...deviceRoutes,
  ...gatewayRoutes,
];

/** Stable endpoint names, as used by the request log and fault injection. */
export const ENDPOINTS: readonly string[] = ROUTES.map((route) => route.endpoint);
