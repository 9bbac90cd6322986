import type { ApolloServerPlugin } from '@apollo/server';
import { flatLineLogger, type Logger } from '../logger';

/**
 * One log line per GraphQL request: request id, operation name and type, duration and the error codes returned.
 * Neither the query text nor variables are logged: variables can carry secrets and the text can carry them inline.
 * Written with the process logger and the id as a field, the same line a per-request child logger would write,
 * without building one for every request.
 */
export function requestLogPlugin<TContext extends { requestId: string }>(logger: Logger): ApolloServerPlugin<TContext> {
  const lines = flatLineLogger(logger);
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, operation, errors, response }) {
          const codes = [...new Set((errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          const line = {
            requestId: contextValue.requestId,
            operationName: operationName ?? null,
            operationType: operation?.operation ?? null,
            durationMs: Math.round(performance.now() - started),
            status: response.http.status ?? 200,
            ...(codes.length > 0 ? { errorCodes: codes } : {}),
          };
          lines.info(line, 'graphql request');
        },
      };
    },
  };
}
