import type { ApolloServerPlugin } from '@apollo/server';
import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import { getNamedType } from 'graphql';
import type { Context } from '../context';

/**
 * The catalogue: product definitions, their thing models and projects. The same for every caller and changed by
 * people, not devices, so a read made only of these may be cached. Anything else (device state, live data, users,
 * administration) is left unhinted, which Apollo's cache-control plugin treats as `maxAge: 0`: one such field makes
 * the whole response `no-store`. A new type is therefore uncacheable until it is added here on purpose.
 */
const CATALOG_TYPES: ReadonlySet<string> = new Set([
  'Product',
  'ProductConnection',
  'ProductEdge',
  'PageInfo',
  'Project',
  'ProjectConnection',
  'ProjectEdge',
  'ThingModel',
  'ThingModelProperty',
  'ThingModelParameter',
  'ThingModelEvent',
  'ThingModelService',
  'TslSpecs',
  'NumberSpecs',
  'BoolSpecs',
  'EnumSpecs',
  'TslOption',
  'LengthSpecs',
  'StructSpecs',
  'ArraySpecs',
]);

export interface CachePolicyOptions {
  /** How long a catalogue read may be reused, seconds; 0 makes every response `no-store`. */
  catalogMaxAgeSeconds: number;
}

/**
 * Cache hints for Apollo's cache-control plugin (list it after this one: Apollo runs `willResolveField` in reverse
 * plugin order, and its plugin creates the `info.cacheControl` this one sets hints on), so a query made only of catalogue data answers `cache-control: max-age=<n>, public` (or `private`)
 * and everything else `no-store`. Mutations and subscriptions get no hint. The scope is `public` only without inbound
 * auth: with it, a shared cache (a CDN) would hand a response to callers it never authenticated, so the response
 * stays `private` (the caller's own cache). docs/operations.md, "HTTP caching".
 */
export function cachePolicyPlugin(options: CachePolicyOptions): ApolloServerPlugin<Context> {
  const maxAge = options.catalogMaxAgeSeconds;
  return {
    async requestDidStart({ contextValue, request }) {
      // Only a GET answer can be kept by an HTTP cache; Apollo's cache-control plugin runs for GETs only too.
      if (request.http?.method !== 'GET') return;
      return {
        async executionDidStart({ operation }) {
          if (maxAge === 0 || operation?.operation !== 'query') return;
          const scope = contextValue.caller.kind === 'local' ? 'PUBLIC' : 'PRIVATE';
          return {
            willResolveField({ info }) {
              if (CATALOG_TYPES.has(getNamedType(info.returnType).name)) maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge, scope });
            },
          };
        },
      };
    },
  };
}
