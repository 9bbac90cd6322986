import { randomBytes, randomUUID } from 'node:crypto';
import { BusinessError } from '../http/business-error';
import { signHs256 } from './jwt';

export interface IssuedToken {
  /** Full string as handed out, `QJWT <jwt>` (§2.1); business calls must echo it verbatim. */
  token: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export type TokenState = 'valid' | 'unknown' | 'expired' | 'revoked';

export interface TokenStoreOptions {
  ttlSeconds: number;
  accountId: string;
}

/** §2.2: a refresh within 30 minutes of issue hands back the same token. */
const SAME_TOKEN_WINDOW_MS = 30 * 60_000;

/** Every token the simulator has issued. Times are epoch ms taken from the injected clock. */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly secret = randomBytes(32);

  constructor(private readonly options: TokenStoreOptions) {}

  issue(now: number): IssuedToken {
    const iat = Math.floor(now / 1000);
    const { accountId, ttlSeconds } = this.options;
    const claims = { sub: accountId, iat, exp: iat + ttlSeconds, jti: randomUUID(), uty: 'ent', am: 'AccessKey', sp: '' };
    const token = `QJWT ${signHs256(claims, this.secret)}`;
    const issued: IssuedToken = { token, issuedAt: now, expiresAt: now + ttlSeconds * 1000, revoked: false };
    this.tokens.set(issued.token, issued);
    return issued;
  }

  state(token: string, now: number): TokenState {
    const issued = this.tokens.get(token);
    if (!issued) return 'unknown';
    if (issued.revoked) return 'revoked';
    return now >= issued.expiresAt ? 'expired' : 'valid';
  }

  /**
   * Same token when issued less than 30 min ago, else a new one; the presented token keeps working
   * until its own expiry (§2.2). Throws 91004 for anything not currently valid.
   */
  refresh(token: string, now: number): IssuedToken {
    if (this.state(token, now) !== 'valid') throw new BusinessError(91004);
    const issued = this.tokens.get(token) as IssuedToken;
    return now - issued.issuedAt < SAME_TOKEN_WINDOW_MS ? issued : this.issue(now);
  }

  revokeAll(): void {
    for (const issued of this.tokens.values()) issued.revoked = true;
  }

  issuedCount(): number {
    return this.tokens.size;
  }
}
