import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';

/** The header a federation router sends its shared secret in (issue 10 contract). */
export const ROUTER_SECRET_HEADER = 'x-router-secret';

/**
 * True when `given` is the router's secret. Both sides are hashed first so the comparison takes the same time
 * whatever the lengths, and a wrong guess learns nothing from timing.
 */
export function isRouterSecret(given: string | undefined, secret: string | undefined): boolean {
  if (!secret || !given) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/**
 * Federated traces (`ftv1`): Apollo's inline trace plugin, run only for callers allowed to see them. A trace holds
 * per-field timings and error details, which tell an outsider how the graph is built and where it is slow; in
 * production only the router (valid `x-router-secret`) gets them. The "disabled" marker stops Apollo Server from
 * installing its own inline trace plugin, which would answer anyone sending `apollo-federation-include-trace`.
 */
export function routerTracesPlugins<TContext extends BaseContext>(options: {
  forAnyone: boolean;
  routerSecret?: string;
}): ApolloServerPlugin<TContext>[] {
  const inline = ApolloServerPluginInlineTrace() as ApolloServerPlugin<TContext>;
  const gated: ApolloServerPlugin<TContext> = {
    async requestDidStart(requestContext) {
      const allowed = options.forAnyone || isRouterSecret(requestContext.request.http?.headers.get(ROUTER_SECRET_HEADER), options.routerSecret);
      return allowed ? inline.requestDidStart?.(requestContext) : undefined;
    },
  };
  return [ApolloServerPluginInlineTraceDisabled() as ApolloServerPlugin<TContext>, gated];
}
