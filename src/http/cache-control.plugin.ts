import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * Apollo's cache-control plugin for GET requests only, in place of the one Apollo installs for every request. It
 * hooks every resolved field to fold `@cacheControl` hints into a policy for the `cache-control` header; only the
 * answer to a GET can be kept by an HTTP cache, so a POST (nearly every request) skips the hooks and answers
 * `no-store`, as the plugin does for any answer without hints.
 */
export function cacheControlForGetPlugins<TContext extends object>(): ApolloServerPlugin<TContext>[] {
  const cacheControl = ApolloServerPluginCacheControl() as ApolloServerPlugin<TContext>;
  const forGet: ApolloServerPlugin<TContext> = {
    async serverWillStart(service) {
      await cacheControl.serverWillStart?.(service);
    },
    async requestDidStart(requestContext) {
      if (requestContext.request.http?.method === 'GET') return cacheControl.requestDidStart?.(requestContext);
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
  // The "disabled" marker stops Apollo Server from installing its own, which would hook every request again.
  return [ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<TContext>, forGet];
}
