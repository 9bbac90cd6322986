import { checkSignIn } from '../auth/access-key-signature';
import type { IssuedToken } from '../auth/token.store';
import { BusinessError } from '../http/business-error';
import type { RouteResult } from '../http/envelope';
import { optionalText } from '../http/query-params';
import type { RouteDefinition, SimRequest } from '../router';

/**
 * Old docs accept POST too (§2.1/§2.2 [DOC-OLD]); a POST may carry the same fields as a form body.
 * Query parameters win when both are present.
 */
function authParams(request: SimRequest): Record<string, string> {
  const form = request.headers['content-type']?.includes('application/x-www-form-urlencoded')
    ? Object.fromEntries(new URLSearchParams(request.rawBody))
    : {};
  return { ...form, ...request.query };
}

/** Envelope C success (§2.1): flat, `msg` "OK" on login and "" on refresh as in the examples. */
function tokenResponse(issued: IssuedToken, now: number, msg: string, scope: string): RouteResult {
  return {
    body: {
      code: 200,
      msg,
      access_token: issued.token,
      token_type: 'jwt',
      // A refresh that hands back the same token reports its remaining lifetime [INFERRED].
      expires_in: Math.max(0, Math.floor((issued.expiresAt - now) / 1000)),
      scope,
    },
  };
}

/**
 * Signature or timestamp failures answer 50005 "param check error": the reference leaves the code
 * open (§13 [UNCONFIRMED]) and 50005 is the one documented code that fits. Unknown AccessKey is
 * checked first and answers 90047.
 */
const login: RouteDefinition = {
  endpoint: 'auth.login',
  methods: ['GET', 'POST'],
  path: '/v2/quecauth/accessKeyAuthrize/accessKeyLogin',
  envelope: 'C',
  authenticated: false,
  handle(request, { tokens, clock, options }) {
    const params = authParams(request);
    if (params.grant_type !== 'password') throw new BusinessError(50005);
    const username = optionalText(params, 'username');
    const password = optionalText(params, 'password');
    if (username === undefined || password === undefined) throw new BusinessError(50005);
    const now = clock.now();
    const check = checkSignIn(username, password, options.credentials, now);
    if (check === 'unknown-key') throw new BusinessError(90047);
    if (check !== 'ok') throw new BusinessError(50005);
    return tokenResponse(tokens.issue(now), now, 'OK', '');
  },
};

const refresh: RouteDefinition = {
  endpoint: 'auth.refresh',
  methods: ['GET', 'POST'],
  path: '/v2/quecauth/accessKeyAuthrize/refreshToken',
  envelope: 'C',
  authenticated: false,
  handle(request, { tokens, clock }) {
    const params = authParams(request);
    if (params.grant_type !== 'refresh_token') throw new BusinessError(50005);
    const token = optionalText(params, 'refresh_token');
    if (token === undefined) throw new BusinessError(50005);
    const now = clock.now();
    return tokenResponse(tokens.refresh(token, now), now, '', params.scope ?? '');
  },
};

export const authRoutes: readonly RouteDefinition[] = [login, refresh];
