import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from './metrics';

/** Records each GraphQL operation's latency and outcome; an operation with any error counts as `error`. */
export function metricsPlugin<TContext extends object>(metrics: Metrics): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          metrics.observeOperation({
            operationName: operationName ?? undefined,
            operationType: operation?.operation,
            outcome: errors && errors.length > 0 ? 'error' : 'ok',
            durationMs: performance.now() - started,
          });
        },
      };
    },
  };
}
