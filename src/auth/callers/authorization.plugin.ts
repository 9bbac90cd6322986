import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from './caller';
import { guardOperation, type GuardSettings } from './operation-guard';

/**
 * Runs `guardOperation` once the operation is known and before it executes, for every way in: HTTP (whose context
 * already refused anonymous callers) and `executeOperation` alike.
 */
export function authorizationPlugin(settings: GuardSettings): ApolloServerPlugin<{ caller: Caller }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          // Apollo Server resolves the operation before this hook; a document without one never gets here.
          if (operation) guardOperation(contextValue.caller, document, operation, settings);
        },
      };
    },
  };
}
