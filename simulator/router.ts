import type { TokenStore } from './auth/token.store';
import type { Clock } from './clock';
import type { EnvelopeKind, RouteResult } from './http/envelope';
import type { ResolvedOptions } from './options';
import type { PushHook } from './push/push-hook';
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
  /** The §9 push channel; every call is a no-op while no broker is attached. */
  push: PushHook;
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

export type RouteMatch = { kind: 'found'; route: RouteDefinition } | { kind: 'method-not-allowed' } | { kind: 'not-found' };

/**
 * Routing table. Documented paths are exact (§6); the inferred project paths (§11.1) carry `{name}` segments,
 * which match one path segment and which handlers read back with `pathParam`.
 */
export class Router {
  private readonly byPath = new Map<string, RouteDefinition[]>();
  private readonly byEndpoint = new Map<string, RouteDefinition>();
  private readonly templates: Array<{ pattern: RegExp; path: string }> = [];

  constructor(routes: readonly RouteDefinition[]) {
    for (const route of routes) {
      if (this.byEndpoint.has(route.endpoint)) throw new Error(`duplicate endpoint name ${route.endpoint}`);
      this.byEndpoint.set(route.endpoint, route);
      const sharing = this.byPath.get(route.path) ?? [];
      if (sharing.some((other) => other.methods.some((m) => route.methods.includes(m)))) {
        throw new Error(`duplicate route ${route.path}`);
      }
      this.byPath.set(route.path, [...sharing, route]);
      if (route.path.includes('{') && !this.templates.some((t) => t.path === route.path)) {
        this.templates.push({ pattern: templatePattern(route.path), path: route.path });
      }
    }
  }

  match(method: string, path: string): RouteMatch {
    const template = this.byPath.has(path) ? undefined : this.templates.find((t) => t.pattern.test(path));
    const candidates = this.byPath.get(template?.path ?? path);
    if (!candidates) return { kind: 'not-found' };
    const route = candidates.find((r) => (r.methods as readonly string[]).includes(method));
    return route ? { kind: 'found', route } : { kind: 'method-not-allowed' };
  }

  has(endpoint: string): boolean {
    return this.byEndpoint.has(endpoint);
  }
}

function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[A-Za-z]+\})/)
    .map((part) => (/^\{[A-Za-z]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** The value of `{name}` in `path` matched against `template`, undefined when absent. */
export function pathParam(template: string, path: string, name: string): string | undefined {
  const names = [...template.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]);
  const match = templatePattern(template).exec(path);
  const index = names.indexOf(name);
  return match && index >= 0 ? decodeURIComponent(match[index + 1]) : undefined;
}
