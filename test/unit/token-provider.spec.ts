import Keyv from 'keyv';
import type { LoginLock } from '../../src/auth/login-lock';
import { TokenProvider, type AuthApi, type IssuedToken } from '../../src/auth/token-provider';
import { ErrorCode, UpstreamError } from '../../src/errors';
import { FakeClock } from '../helpers/fake-clock';

/** An AuthApi that issues numbered tokens and counts calls; login waits for `release()` when gated. */
class CountingAuthApi implements AuthApi {
  logins = 0;
  refreshes = 0;
  refreshFails = false;
  private gate?: Promise<void>;
  private open?: () => void;

  constructor(private readonly expiresIn = 7200) {}

  holdLogins(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
  }

  async login(): Promise<IssuedToken> {
    this.logins += 1;
    const n = this.logins;
    await this.gate;
    return { accessToken: `QJWT login-${n}`, expiresIn: this.expiresIn };
  }

  async refresh(accessToken: string): Promise<IssuedToken> {
    this.refreshes += 1;
    if (this.refreshFails) throw new UpstreamError('refresh failed', ErrorCode.UPSTREAM_ERROR, { code: 91004, msg: 'token incorrect' });
    return { accessToken: `${accessToken}+r${this.refreshes}`, expiresIn: this.expiresIn };
  }
}

function setup(expiresIn = 7200) {
  const clock = new FakeClock();
  const api = new CountingAuthApi(expiresIn);
  const store = new Keyv();
  const provider = new TokenProvider(store, api, { expiryMarginSeconds: 60, refreshWindowSeconds: 1800, clock });
  return { clock, api, store, provider };
}

describe('TokenProvider', () => {
  it('should log in exactly once for 100 concurrent cold requests', async () => {
    const { api, provider } = setup();
    api.holdLogins();
    const pending = Array.from({ length: 100 }, () => provider.getToken());
    api.release();
    const tokens = await Promise.all(pending);
    expect(api.logins).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['QJWT login-1']));
  });

  it('should reuse the cached token while it is fresh', async () => {
    const { api, provider, clock } = setup();
    await provider.getToken();
    clock.advance(60 * 60 * 1000);
    expect(await provider.getToken()).toBe('QJWT login-1');
    expect(api.logins).toBe(1);
    expect(api.refreshes).toBe(0);
  });

  it('should answer from its own copy until the refresh time, without a store read per call', async () => {
    const { provider, store, clock } = setup();
    await provider.getToken();
    const get = jest.spyOn(store, 'get');
    clock.advance(60 * 60 * 1000);
    await Promise.all([provider.getToken(), provider.getToken(), provider.getToken()]);
    expect(get).not.toHaveBeenCalled();
  });

  it('should pick up a token another replica renewed once its own copy is due for refresh', async () => {
    const { api, store, provider, clock } = setup();
    const other = new TokenProvider(store, api, { expiryMarginSeconds: 60, refreshWindowSeconds: 1800, clock });
    await provider.getToken();
    clock.advance((7200 - 1700) * 1000);
    const renewed = await other.getToken();
    expect(await provider.getToken()).toBe(renewed);
    expect(api.refreshes).toBe(1);
  });

  it('should use the refresh endpoint inside the refresh window, before expiry', async () => {
    const { api, provider, clock } = setup();
    await provider.getToken();
    clock.advance((7200 - 1700) * 1000);
    expect(await provider.getToken()).toBe('QJWT login-1+r1');
    expect(api.refreshes).toBe(1);
    expect(api.logins).toBe(1);
  });

  it('should fall back to a login when the refresh fails', async () => {
    const { api, provider, clock } = setup();
    await provider.getToken();
    api.refreshFails = true;
    clock.advance((7200 - 1700) * 1000);
    expect(await provider.getToken()).toBe('QJWT login-2');
  });

  it('should log in again once the token is past expiry minus the margin', async () => {
    const { api, provider, clock } = setup();
    await provider.getToken();
    clock.advance((7200 - 59) * 1000);
    expect(await provider.getToken()).toBe('QJWT login-2');
    expect(api.refreshes).toBe(0);
  });

  it('should store the token in keyv with a TTL in milliseconds of expires_in minus the margin', async () => {
    const { provider, store } = setup();
    const set = jest.spyOn(store, 'set');
    await provider.getToken();
    expect(set).toHaveBeenCalledWith('upstream-token', expect.objectContaining({ accessToken: 'QJWT login-1' }), (7200 - 60) * 1000);
  });

  it('should log in again after the rejected token is invalidated', async () => {
    const { api, provider } = setup();
    const first = await provider.getToken();
    await provider.invalidate(first);
    expect(await provider.getToken()).toBe('QJWT login-2');
    expect(api.logins).toBe(2);
  });

  it('should keep a newer token when an old one is invalidated late', async () => {
    const { provider } = setup();
    const first = await provider.getToken();
    await provider.invalidate(first);
    const second = await provider.getToken();
    await provider.invalidate(first);
    expect(await provider.getToken()).toBe(second);
  });

  it('should treat a failing store as a miss instead of failing', async () => {
    const { api, store, provider } = setup();
    jest.spyOn(store, 'get').mockRejectedValue(new Error('redis down'));
    jest.spyOn(store, 'set').mockRejectedValue(new Error('redis down'));
    expect(await provider.getToken()).toBe('QJWT login-1');
    expect(api.logins).toBe(1);
  });

  it('should not refresh a short-lived token on every call', async () => {
    const { api, provider, clock } = setup(600);
    await provider.getToken();
    clock.advance(100 * 1000);
    await provider.getToken();
    expect(api.refreshes).toBe(0);
  });

  it('should share one login between a second provider on the same store', async () => {
    const { api, store, provider, clock } = setup();
    const other = new TokenProvider(store, api, { expiryMarginSeconds: 60, refreshWindowSeconds: 1800, clock });
    await provider.getToken();
    expect(await other.getToken()).toBe('QJWT login-1');
    expect(api.logins).toBe(1);
  });
});

describe('TokenProvider under a fleet-wide login lock', () => {
  /** A lock another replica holds (`busy`) or that is free; records how often it was taken and released. */
  function fakeLock(state: 'acquired' | 'busy' | 'unavailable') {
    const calls = { acquired: 0, released: 0 };
    const lock: LoginLock = {
      acquire: async () => {
        calls.acquired += 1;
        const release = async () => {
          calls.released += 1;
        };
        return state === 'acquired' ? { state, release } : { state };
      },
    };
    return { lock, calls };
  }

  function withLock(lock: LoginLock) {
    const clock = new FakeClock();
    const api = new CountingAuthApi();
    const store = new Keyv();
    const provider = new TokenProvider(store, api, {
      expiryMarginSeconds: 60,
      refreshWindowSeconds: 1800,
      clock,
      loginLock: lock,
      lockWaitMs: 500,
      lockPollMs: 50,
    });
    return { api, store, provider, clock };
  }

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('should log in and release the lock when it takes the lock', async () => {
    const { lock, calls } = fakeLock('acquired');
    const { api, provider } = withLock(lock);
    await expect(provider.getToken()).resolves.toBe('QJWT login-1');
    expect({ logins: api.logins, ...calls }).toEqual({ logins: 1, acquired: 1, released: 1 });
  });

  it('should wait for the token the lock holder stores instead of logging in', async () => {
    const { lock } = fakeLock('busy');
    const { api, provider, clock, store } = withLock(lock);
    const pending = provider.getToken();
    await jest.advanceTimersByTimeAsync(100);
    // The other replica's login lands in the shared store.
    const holder = new TokenProvider(store, api, {
      expiryMarginSeconds: 60,
      refreshWindowSeconds: 1800,
      clock,
    });
    await holder.getToken();
    await jest.advanceTimersByTimeAsync(50);
    await expect(pending).resolves.toBe('QJWT login-1');
    expect(api.logins).toBe(1);
  });

  it('should log in locally when the holder stores nothing within the wait', async () => {
    const { lock } = fakeLock('busy');
    const { api, provider } = withLock(lock);
    const pending = provider.getToken();
    await jest.advanceTimersByTimeAsync(450);
    expect(api.logins).toBe(0);
    await jest.advanceTimersByTimeAsync(100);
    await expect(pending).resolves.toBe('QJWT login-1');
    expect(api.logins).toBe(1);
  });

  it('should log in locally at once when the lock is unavailable', async () => {
    const { lock } = fakeLock('unavailable');
    const { api, provider } = withLock(lock);
    await expect(provider.getToken()).resolves.toBe('QJWT login-1');
    expect(api.logins).toBe(1);
  });

  it('should release the lock when the login fails', async () => {
    const { lock, calls } = fakeLock('acquired');
    const { api, provider } = withLock(lock);
    api.login = async () => {
      throw new UpstreamError('bad credentials', ErrorCode.UPSTREAM_ERROR, { code: 91002, msg: 'bad' });
    };
    await expect(provider.getToken()).rejects.toThrow('bad credentials');
    expect(calls.released).toBe(1);
  });
});
