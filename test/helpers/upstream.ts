import Keyv from 'keyv';
import type { LoginLock } from '../../src/auth/login-lock';
import { TokenProvider } from '../../src/auth/token-provider';
import { HttpAuthApi } from '../../src/datasources/platform/auth.api';
import { HttpTransport, PlatformClient } from '../../src/datasources/platform/platform-client';
import type { SimulatorHandle } from '../../simulator';
import type { FakeClock } from './fake-clock';

/** The real upstream stack (transport, auth API, token provider, client) pointed at a simulator. */
export function upstreamStack(
  sim: SimulatorHandle,
  options: { timeoutMs?: number; store?: Keyv; clock?: FakeClock; loginLock?: LoginLock; tokenErrorCodes?: ReadonlySet<number> } = {},
) {
  const transport = new HttpTransport({ baseUrl: sim.baseUrl, timeoutMs: options.timeoutMs ?? 5000 });
  const tokens = new TokenProvider(options.store ?? new Keyv(), new HttpAuthApi(transport, sim.credentials, options.clock), {
    expiryMarginSeconds: 60,
    refreshWindowSeconds: 1800,
    clock: options.clock,
    loginLock: options.loginLock,
  });
  const client = new PlatformClient({ transport, tokens, tokenErrorCodes: options.tokenErrorCodes });
  return { transport, tokens, client };
}
