import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isScope, type Scope } from '../../schema/scope';

/** Where token signatures are checked: an identity provider's JWKS, or a key shared with the issuer (HS256). */
export type JwtKeySource = { kind: 'jwks'; url: string } | { kind: 'secret'; secret: string };

export interface JwtSettings {
  readonly keys: JwtKeySource;
  /** Required `iss`; a token of another issuer is refused. */
  readonly issuer: string;
  /** Required `aud`; a token minted for another service is refused. */
  readonly audience: string;
}

/** Algorithms accepted from a JWKS: asymmetric only, so a public key can never be used as an HMAC secret. */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** Seconds of clock skew tolerated on `exp` and `nbf` between the issuer and us. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** The JWKS fetch may not hold a request longer than this, ms. */
const JWKS_TIMEOUT_MS = 5_000;
/** Keys are refetched at most this often for an unknown `kid` (key rotation), ms. */
const JWKS_COOLDOWN_MS = 30_000;
/** Fetched keys are trusted this long before they are fetched again, ms. */
const JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;

/** A token that did not verify; `reason` names what failed (never the token). */
export class JwtRejected extends Error {
  override readonly name = 'JwtRejected';
  constructor(readonly reason: string) {
    super(`JWT rejected: ${reason}`);
  }
}

export type JwtVerifier = (token: string) => Promise<Scope[]>;

/**
 * Verifies bearer tokens with `jose`: signature (JWKS, cached and fetched with a timeout, or HS256 shared key),
 * issuer, audience, `exp` (required) and `nbf`. Resolves with the scopes of the `scope` claim.
 *
 * @throws JwtRejected for any token that must not be trusted, including when the JWKS cannot be fetched.
 */
export function createJwtVerifier(settings: JwtSettings): JwtVerifier {
  const { key, algorithms } = keyOf(settings.keys);
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw new JwtRejected(reasonOf(error));
    }
    return scopesOfClaim(payload.scope);
  };
}

function keyOf(source: JwtKeySource): { key: JWTVerifyGetKey | Uint8Array; algorithms: string[] } {
  if (source.kind === 'secret') return { key: new TextEncoder().encode(source.secret), algorithms: ['HS256'] };
  const jwks = createRemoteJWKSet(new URL(source.url), {
    timeoutDuration: JWKS_TIMEOUT_MS,
    cooldownDuration: JWKS_COOLDOWN_MS,
    cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
  });
  return { key: jwks, algorithms: JWKS_ALGORITHMS };
}

/**
 * The `scope` claim as a set of our scopes: a space-separated string (RFC 8693 §4.2, what most issuers send) or an
 * array of strings. Scopes we do not know are ignored; anything else grants nothing.
 */
export function scopesOfClaim(claim: unknown): Scope[] {
  const names = typeof claim === 'string' ? claim.split(/\s+/) : Array.isArray(claim) ? claim.filter((v): v is string => typeof v === 'string') : [];
  return [...new Set(names.filter(isScope))];
}

/** A short, token-free description of why verification failed, for the log and the error message. */
function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim ${error.claim} is not acceptable`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'no matching key in the JWKS';
  if (error instanceof joseErrors.JWKSTimeout) return 'the JWKS did not answer in time';
  if (error instanceof joseErrors.JWTInvalid || error instanceof joseErrors.JWSInvalid) return 'malformed token';
  if (error instanceof joseErrors.JOSEError) return error.code;
  return 'the JWKS could not be fetched';
}
