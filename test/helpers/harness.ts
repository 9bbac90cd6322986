import type { GraphQLFormattedError } from 'graphql';
import { createApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import type { Caller } from '../../src/auth/callers/caller';
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '../../simulator';
import { NO_HEDGING } from './no-hedging';

/**
 * For tests of loader batching over fan-outs wider than the default cost budget refuses (docs/limits.md): their
 * worst case is over the budget, their real cost on the simulator's small account is not.
 */
export const WIDE_COST_BUDGET = { QUERY_MAX_UPSTREAM_CALLS: '1000000' } as const;

export interface Harness {
  sim: SimulatorHandle;
  app: App;
  /**
   * Runs one operation through Apollo Server with a fresh per-request context, as `caller`; by default the caller
   * of a request without credentials (all scopes when the env configures no auth, as in most tests).
   */
  execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ): Promise<{ data?: T | null; errors?: readonly GraphQLFormattedError[] }>;
  close(): Promise<void>;
}

/**
 * The real app over the real HTTP client against the simulator on port 0, signed in: the login happens here and
 * leaves the simulator's log empty, so a test counting upstream calls counts the same whether it runs after others or
 * alone (`-t`).
 */
export async function startHarness(
  options: { simulator?: SimulatorOptions; env?: NodeJS.ProcessEnv; overrides?: AppOverrides } = {},
): Promise<Harness> {
  const sim = await startSimulator(options.simulator);
  const config = loadConfig({ LOG_LEVEL: 'silent', ...NO_HEDGING, ...options.env });
  const app = await createApp(config, { baseUrl: sim.baseUrl, ...sim.credentials }, { logger: createLogger('silent'), ...options.overrides });
  await app.tokens.getToken();
  sim.log.clear();
  return {
    sim,
    app,
    async execute(query, variables, caller) {
      const response = await app.server.executeOperation({ query, variables }, { contextValue: app.createContext(undefined, caller) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as never;
    },
    async close() {
      await app.stop();
      await sim.close();
    },
  };
}
