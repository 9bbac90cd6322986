import type { ApolloServerPlugin } from '@apollo/server';
import type { QueryCostGuard } from './query-cost-guard';

/**
 * Refuses operations over the cost limits after validation and before any resolver runs (`didResolveOperation`),
 * so a refused operation makes no upstream call.
 */
export function queryCostPlugin<TContext extends object>(guard: QueryCostGuard): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request }) {
          const refusal = guard.check(document, operationName, request.variables);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
