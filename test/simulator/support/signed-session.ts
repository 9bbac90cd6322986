import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '../../../simulator';
import { call, login, type CallResult } from './sim-client';

export interface SignedSession {
  /** The simulator of this describe block (available from beforeAll on). */
  readonly sim: SimulatorHandle;
  /** Calls `base + path` with the session token; `body`, when given, is sent as JSON. */
  send(method: string, path: string, request?: { query?: Record<string, string | number>; body?: unknown }): Promise<CallResult>;
}

/**
 * Starts a simulator for the enclosing describe block, signs in once, and stops it afterwards. Register it at the
 * top of a describe: it adds that block's beforeAll and afterAll.
 */
export function signedSession(base: string, options: SimulatorOptions = {}): SignedSession {
  let sim: SimulatorHandle | undefined;
  let token = '';
  beforeAll(async () => {
    sim = await startSimulator(options);
    token = await login(sim);
  });
  afterAll(() => sim?.close());
  const started = (): SimulatorHandle => {
    if (!sim) throw new Error('signedSession: the simulator starts in beforeAll');
    return sim;
  };
  return {
    get sim() {
      return started();
    },
    send(method, path, { query = {}, body } = {}) {
      const json = body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
      return call(started(), base + path, query, { method, token, ...json });
    },
  };
}
