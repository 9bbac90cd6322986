import type { Logger } from '../../logger';
import type { Scope } from '../../schema/scope';
import { ALL_SCOPES, ANONYMOUS_CALLER, LOCAL_CALLER, callerWith, type Caller } from './caller';
import { scopesOfApiKey, type ApiKey } from './api-keys';
import { createJwtVerifier, JwtRejected, type JwtSettings, type JwtVerifier } from './jwt';
import { secretsEqual } from './constant-time';
import { unauthenticated } from './denials';

/** Inbound authentication as configured (src/config.ts); every part optional, none set = local mode. */
export interface AuthSettings {
  readonly apiKeys: readonly ApiKey[];
  readonly jwt?: JwtSettings;
  readonly routerSecret?: string;
}

/** Request headers as node:http gives them, or graphql-ws `connectionParams` (any letter case). */
export type CredentialHeaders = Record<string, unknown>;

export const API_KEY_HEADER = 'x-api-key';
export const ROUTER_SECRET_HEADER = 'x-router-secret';

/**
 * Decides who a request comes from, once per request, from `x-api-key`, `Authorization: Bearer` and
 * `x-router-secret`. A credential that is present must be valid: a wrong one is UNAUTHENTICATED, never a quiet
 * downgrade to anonymous. Never logs or returns a presented credential.
 */
export class Authenticator {
  private readonly verifyJwt?: JwtVerifier;

  constructor(
    private readonly settings: AuthSettings,
    private readonly logger?: Logger,
    verifyJwt?: JwtVerifier,
  ) {
    this.verifyJwt = verifyJwt ?? (settings.jwt && createJwtVerifier(settings.jwt));
  }

  /** Whether any inbound auth is configured; without it every caller is the all-scopes local caller. */
  get required(): boolean {
    return this.clientAuth || this.settings.routerSecret !== undefined;
  }

  /** Whether clients authenticate themselves (API keys or JWTs), rather than only the router. */
  private get clientAuth(): boolean {
    return this.settings.apiKeys.length > 0 || this.settings.jwt !== undefined;
  }

  /** The caller of a request that presents nothing: local (all scopes) without auth, anonymous with it. */
  get unauthenticatedCaller(): Caller {
    return this.required ? ANONYMOUS_CALLER : LOCAL_CALLER;
  }

  /** One line for the start-up log: which mode the process runs in. Names sources, never secrets. */
  describe(): string {
    if (!this.required)
      return 'no inbound auth configured: every caller is trusted with all scopes (loopback only unless AUTH_DISABLED_ALLOW_REMOTE=true)';
    const parts = [
      this.settings.apiKeys.length > 0 && `${this.settings.apiKeys.length} API key(s)`,
      this.settings.jwt && `JWT (${this.settings.jwt.keys.kind === 'jwks' ? 'JWKS' : 'HS256 shared key'}, issuer ${this.settings.jwt.issuer})`,
      this.settings.routerSecret !== undefined && 'router secret',
    ].filter(Boolean);
    return `inbound auth required: ${parts.join(', ')}`;
  }

  /**
   * @throws AppError UNAUTHENTICATED when a presented credential is malformed, unknown, expired or not accepted here.
   */
  async authenticate(headers: CredentialHeaders): Promise<Caller> {
    if (!this.required) return LOCAL_CALLER;
    const apiKey = single(headers, API_KEY_HEADER);
    const authorization = single(headers, 'authorization');
    const routerSecret = single(headers, ROUTER_SECRET_HEADER);
    const viaRouter = this.checkRouterSecret(routerSecret);
    if (apiKey !== undefined && authorization !== undefined) throw unauthenticated('Send either x-api-key or Authorization, not both');
    if (apiKey !== undefined) {
      const scopes = this.settings.apiKeys.length > 0 ? scopesOfApiKey(this.settings.apiKeys, apiKey) : undefined;
      if (!scopes) throw unauthenticated('Unknown API key');
      return callerWith('api-key', scopes, viaRouter);
    }
    if (authorization !== undefined) return callerWith('jwt', await this.checkBearer(authorization), viaRouter);
    if (viaRouter) return callerWith('router', this.clientAuth ? [] : ALL_SCOPES, true);
    return ANONYMOUS_CALLER;
  }

  private checkRouterSecret(presented: string | undefined): boolean {
    const expected = this.settings.routerSecret;
    if (presented === undefined || expected === undefined) return false;
    if (!secretsEqual(presented, expected)) throw unauthenticated('Wrong router secret');
    return true;
  }

  private async checkBearer(authorization: string): Promise<Scope[]> {
    const match = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i.exec(authorization);
    if (!match) throw unauthenticated('Authorization must be "Bearer <JWT>"');
    if (!this.verifyJwt) throw unauthenticated('JWTs are not accepted here');
    try {
      return await this.verifyJwt(match[1]);
    } catch (error) {
      const reason = error instanceof JwtRejected ? error.reason : 'verification failed';
      this.logger?.info({ reason }, 'bearer token refused');
      throw unauthenticated(`Invalid token: ${reason}`);
    }
  }
}

/** One header value by case-insensitive name; a repeated header is refused rather than guessed at. */
function single(headers: CredentialHeaders, name: string): string | undefined {
  let found: unknown;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && value !== undefined && value !== null) found = value;
  }
  if (found === undefined) return undefined;
  if (typeof found !== 'string') throw unauthenticated(`${name} must be one string`);
  return found;
}
