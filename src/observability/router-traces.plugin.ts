import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Context } from '../context';

/**
 * Federated traces (`ftv1`): Apollo's inline trace plugin, run only for callers allowed to see them. A trace holds
 * per-field timings and error details, which tell an outsider how the graph is built and where it is slow; in
 * production only the router gets them: the caller the authenticator recognised by a valid `x-router-secret`
 * (`Caller.viaRouter`). The "disabled" marker stops Apollo Server from installing its own inline trace plugin, which
 * would answer anyone sending `apollo-federation-include-trace`.
 */
export function routerTracesPlugins(options: { forAnyone: boolean }): ApolloServerPlugin<Context>[] {
  const inline = ApolloServerPluginInlineTrace() as ApolloServerPlugin<Context>;
  const gated: ApolloServerPlugin<Context> = {
    async requestDidStart(requestContext) {
      const allowed = options.forAnyone || requestContext.contextValue.caller.viaRouter;
      return allowed ? inline.requestDidStart?.(requestContext) : undefined;
    },
  };
  return [ApolloServerPluginInlineTraceDisabled() as ApolloServerPlugin<Context>, gated];
}
