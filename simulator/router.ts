import type { TokenStore } from './auth/token.store';
import type { Clock } from './clock';
import type { EnvelopeKind, RouteResult } from './http/envelope';
import type { ResolvedOptions } from './options';
import type { SimulatorStore } from './store/simulator.store';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface SimRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or undefined when absent or not JSON. */
  body: unknown;
  rawBody: string;
  headers: Record<string, string>;
}

/** Everything a handler may touch. New areas get the same context; nothing else is shared. */
export interface RouteContext {
  store: SimulatorStore;
  tokens: TokenStore;
  clock: Clock;
  options: ResolvedOptions;
}

export interface RouteDefinition {
  /** Stable name used by the request log and fault injection, e.g. `device.detail`. */
  endpoint: string;
  methods: readonly HttpMethod[];
  path: string;
  envelope: EnvelopeKind;
  /** false only for the quecauth calls that hand out tokens. */
  authenticated: boolean;
  /** Throw BusinessError for documented failures; anything else thrown becomes 50000. */
  handle(request: SimRequest, context: RouteContext): RouteResult | Promise<RouteResult>;
}

export type RouteMatch =
  | { kind: 'found'; route: RouteDefinition }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

/** Exact-path routing table; upstream paths carry no path parameters (§6). */
export class Router {
  private readonly byPath = new Map<string, RouteDefinition[]>();
  private readonly byEndpoint = new Map<string, RouteDefinition>();

  constructor(routes: readonly RouteDefinition[]) {
    for (const route of routes) {
      if (this.byEndpoint.has(route.endpoint)) throw new Error(`duplicate endpoint name ${route.endpoint}`);
      this.byEndpoint.set(route.endpoint, route);
      const sharing = this.byPath.get(route.path) ?? [];
      if (sharing.some((other) => other.methods.some((m) => route.methods.includes(m)))) {
        throw new Error(`duplicate route ${route.path}`);
      }
      this.byPath.set(route.path, [...sharing, route]);
    }
  }

  match(method: string, path: string): RouteMatch {
    const candidates = this.byPath.get(path);
    if (!candidates) return { kind: 'not-found' };
    const route = candidates.find((r) => (r.methods as readonly string[]).includes(method));
    return route ? { kind: 'found', route } : { kind: 'method-not-allowed' };
  }

  has(endpoint: string): boolean {
    return this.byEndpoint.has(endpoint);
  }
}
