import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../logger';

/**
 * One log line per GraphQL request: request id (through the per-request child logger), operation name and type,
 * duration and the error codes returned. Neither the query text nor variables are logged: variables can carry
 * secrets and the text can carry them inline.
 */
export function requestLogPlugin<TContext extends { logger: Logger }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, operation, errors, response }) {
          const codes = [...new Set((errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          const line = {
            operationName: operationName ?? null,
            operationType: operation?.operation ?? null,
            durationMs: Math.round(performance.now() - started),
            status: response.http.status ?? 200,
            ...(codes.length > 0 ? { errorCodes: codes } : {}),
          };
          contextValue.logger.info(line, 'graphql request');
        },
      };
    },
  };
}
