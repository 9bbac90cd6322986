import type Keyv from 'keyv';
import type { Logger } from '../logger';
import { withTimeout } from '../timeout';
import type { LoginLock } from './login-lock';
import type { TokenCipher } from './token-cipher';

/** A token as the platform issued it (flat envelope C, reference §2.1/§3.3). */
export interface IssuedToken {
  /** Sent verbatim in `Authorization`; already carries the `QJWT ` prefix (reference §2.3). */
  accessToken: string;
  /** Lifetime in seconds as reported by upstream. */
  expiresIn: number;
}

/** The upstream calls the provider needs; implemented over HTTP by `HttpAuthApi`. */
export interface AuthApi {
  login(): Promise<IssuedToken>;
  refresh(accessToken: string): Promise<IssuedToken>;
}

export interface Clock {
  now(): number;
}

export interface TokenProviderOptions {
  /** Seconds subtracted from `expires_in`: a token this close to expiry is not used. */
  expiryMarginSeconds: number;
  /** Seconds before expiry from which the refresh endpoint is tried first. */
  refreshWindowSeconds: number;
  /** Longest wait for the shared store, ms; a slower answer counts as a miss. Default 1000. */
  storeTimeoutMs?: number;
  clock?: Clock;
  logger?: Logger;
  /** Seals the entry written to the store (Redis); without one the entry is stored as is (in-process memory). */
  cipher?: TokenCipher;
  /**
   * Fleet-wide: while one replica logs in or refreshes, the others wait for the token it stores instead of logging
   * in too. Absent with an in-process store (one replica).
   */
  loginLock?: LoginLock;
  /** Longest wait for another replica's token, ms, before logging in locally after all. Default 5000. */
  lockWaitMs?: number;
  /** How often the store is read while waiting, ms. Default 50. */
  lockPollMs?: number;
}

interface CachedToken {
  accessToken: string;
  /** epoch ms when upstream will stop accepting it */
  expiresAt: number;
  /** epoch ms from which we refresh rather than reuse */
  refreshAt: number;
}

const TOKEN_KEY = 'upstream-token';

/**
 * One per process. Keeps the upstream token in the shared keyv (memory or Redis) so replicas reuse it, logs in at
 * most once at a time per process (single-flight), refreshes shortly before expiry and lets callers invalidate a
 * token that upstream rejected. Never logs or exposes the token.
 */
export class TokenProvider {
  private readonly clock: Clock;
  private inFlight?: Promise<string>;
  /**
   * The last entry this process read or wrote. Until its refresh time it answers without a store round trip, so
   * with Redis an upstream call does not also cost a Redis GET; past it, the shared store is consulted again and
   * picks up a token another replica renewed.
   */
  private local?: CachedToken;
  private logins = 0;
  private refreshes = 0;
  private cacheHits = 0;
  private cacheMisses = 0;

  constructor(
    private readonly store: Keyv,
    private readonly authApi: AuthApi,
    private readonly options: TokenProviderOptions,
  ) {
    this.clock = options.clock ?? Date;
  }

  private get storeTimeoutMs(): number {
    return this.options.storeTimeoutMs ?? 1000;
  }

  /**
   * Counts for metrics and tests: logins and refreshes this process performed, and `getToken` calls answered from
   * the cache (hits) or not (misses: absent, expiring, or the store unreachable).
   */
  get stats(): { logins: number; refreshes: number; cacheHits: number; cacheMisses: number } {
    return { logins: this.logins, refreshes: this.refreshes, cacheHits: this.cacheHits, cacheMisses: this.cacheMisses };
  }

  /**
   * Returns a usable token, logging in or refreshing when needed.
   *
   * @throws UpstreamError when login fails (bad credentials, platform down).
   */
  async getToken(): Promise<string> {
    const cached = await this.readCache();
    const now = this.clock.now();
    if (cached && now < cached.refreshAt) {
      this.cacheHits += 1;
      return cached.accessToken;
    }
    this.cacheMisses += 1;
    this.inFlight ??= this.renew(cached).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /**
   * Drops `rejectedToken` from the cache if it is still the cached one, so the next `getToken` logs in again.
   * Comparing first keeps one replica's late failure from discarding a token another replica just renewed.
   */
  async invalidate(rejectedToken: string): Promise<void> {
    if (this.local?.accessToken === rejectedToken) this.local = undefined;
    // The shared store, not the local copy: another replica may already have replaced the rejected token there.
    const stored = await this.readStore();
    if (stored?.accessToken === rejectedToken) {
      await withTimeout(this.store.delete(TOKEN_KEY), this.storeTimeoutMs, false).catch(() => false);
    }
  }

  /**
   * Renews under the fleet's login lock when there is one. A replica that finds the lock busy waits (bounded) for the
   * token the holder stores; if none arrives (the holder died or failed) it logs in itself, as it does when the lock
   * cannot be reached at all. The lock saves logins; it never fails a request.
   */
  private async renew(cached: CachedToken | undefined): Promise<string> {
    const lock = await this.options.loginLock?.acquire();
    if (lock?.state === 'busy') {
      const shared = await this.awaitRenewedToken(cached);
      if (shared) return shared;
      this.options.logger?.warn('no token from the replica holding the login lock; logging in locally');
    }
    try {
      if (lock?.state === 'acquired') {
        // Another replica may have renewed and released between our cache read and taking the lock.
        const renewed = await this.readRenewed(cached);
        if (renewed) return renewed;
      }
      return await this.renewLocally(cached);
    } finally {
      if (lock?.state === 'acquired') await lock.release();
    }
  }

  private async awaitRenewedToken(cached: CachedToken | undefined): Promise<string | undefined> {
    const waitMs = this.options.lockWaitMs ?? 5000;
    const pollMs = this.options.lockPollMs ?? 50;
    for (let waited = 0; waited < waitMs; waited += pollMs) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      const renewed = await this.readRenewed(cached);
      if (renewed) return renewed;
    }
    return undefined;
  }

  /** A stored token other than `cached` that is still before its refresh time: someone renewed it. */
  private async readRenewed(cached: CachedToken | undefined): Promise<string | undefined> {
    const stored = await this.readStore();
    if (!stored || stored.accessToken === cached?.accessToken || this.clock.now() >= stored.refreshAt) return undefined;
    this.local = stored;
    return stored.accessToken;
  }

  private async renewLocally(cached: CachedToken | undefined): Promise<string> {
    const usable = cached && this.clock.now() < cached.expiresAt - this.options.expiryMarginSeconds * 1000;
    if (usable) {
      try {
        const refreshed = await this.authApi.refresh(cached.accessToken);
        this.refreshes += 1;
        return await this.remember(refreshed);
      } catch (error) {
        // The old token still works until it expires; a failed refresh must not fail the request.
        this.options.logger?.warn({ err: describe(error) }, 'token refresh failed, falling back to login');
      }
    }
    const issued = await this.authApi.login();
    this.logins += 1;
    return this.remember(issued);
  }

  private async remember(issued: IssuedToken): Promise<string> {
    const now = this.clock.now();
    const lifetimeMs = issued.expiresIn * 1000;
    const expiresAt = now + lifetimeMs;
    const usableUntil = expiresAt - this.options.expiryMarginSeconds * 1000;
    // Refresh no earlier than half the lifetime: a short-lived token would otherwise be refreshed on every call.
    const refreshLeadMs = Math.min(this.options.refreshWindowSeconds * 1000, lifetimeMs / 2);
    const entry: CachedToken = {
      accessToken: issued.accessToken,
      expiresAt,
      refreshAt: Math.min(expiresAt - refreshLeadMs, usableUntil),
    };
    this.local = entry;
    const ttl = usableUntil - now;
    if (ttl > 0) {
      await withTimeout(this.store.set(TOKEN_KEY, this.toStored(entry), ttl), this.storeTimeoutMs, false).catch((error: unknown) => {
        this.options.logger?.warn({ err: describe(error) }, 'token cache write failed');
      });
    }
    return issued.accessToken;
  }

  private async readCache(): Promise<CachedToken | undefined> {
    if (this.local && this.clock.now() < this.local.refreshAt) return this.local;
    const entry = await this.readStore();
    if (entry) this.local = entry;
    return entry;
  }

  /** A store read error counts as a miss: Redis trouble must not fail requests that could log in directly. */
  private async readStore(): Promise<CachedToken | undefined> {
    try {
      const entry = this.fromStored(await withTimeout(this.store.get(TOKEN_KEY), this.storeTimeoutMs, undefined));
      if (!entry || this.clock.now() >= entry.expiresAt - this.options.expiryMarginSeconds * 1000) return undefined;
      return entry;
    } catch (error) {
      this.options.logger?.warn({ err: describe(error) }, 'token cache read failed');
      return undefined;
    }
  }

  private toStored(entry: CachedToken): unknown {
    return this.options.cipher ? this.options.cipher.seal(JSON.stringify(entry), TOKEN_KEY) : entry;
  }

  /** Anything that does not open or does not look like an entry (tampered, other key, old format) is a miss. */
  private fromStored(stored: unknown): CachedToken | undefined {
    let value = stored;
    if (this.options.cipher) {
      const plain = this.options.cipher.open(stored, TOKEN_KEY);
      if (plain === undefined) return undefined;
      try {
        value = JSON.parse(plain) as unknown;
      } catch {
        return undefined;
      }
    }
    return isCachedToken(value) ? value : undefined;
  }
}

function isCachedToken(value: unknown): value is CachedToken {
  const entry = value as Partial<CachedToken> | null | undefined;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.accessToken === 'string' &&
    typeof entry.expiresAt === 'number' &&
    typeof entry.refreshAt === 'number'
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
