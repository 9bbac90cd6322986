import type { AuthApi, Clock, IssuedToken } from '../../auth/token-provider';
import { signLogin, type AccessKeyCredentials } from '../../auth/signing';
import { ErrorCode, UpstreamError, upstreamErrorFromCode } from '../../errors';
import type { HttpTransport, PlatformRequest } from './platform-client';

const LOGIN_PATH = '/v2/quecauth/accessKeyAuthrize/accessKeyLogin';
const REFRESH_PATH = '/v2/quecauth/accessKeyAuthrize/refreshToken';
/** The lifetime the access guide's prose states (2 hours), for an answer that names none (reference §2.4). */
const STATED_LIFETIME_SECONDS = 7200;

/** Login and refresh over HTTP. Their answers use the flat envelope C (reference §3.3), not `{code,msg,data}`. */
export class HttpAuthApi implements AuthApi {
  constructor(
    private readonly transport: HttpTransport,
    private readonly credentials: AccessKeyCredentials,
    private readonly clock: Clock = Date,
  ) {}

  /** @throws UpstreamError, e.g. code 90047 for an unknown AccessKey. */
  login(): Promise<IssuedToken> {
    const query = signLogin(this.credentials, this.clock.now());
    return this.issue({ endpoint: 'auth.login', method: 'GET', path: LOGIN_PATH, query: { ...query } });
  }

  /** Same token back when it was issued less than 30 minutes ago (reference §2.2). */
  refresh(accessToken: string): Promise<IssuedToken> {
    return this.issue({
      endpoint: 'auth.refresh',
      method: 'GET',
      path: REFRESH_PATH,
      query: { refresh_token: accessToken, grant_type: 'refresh_token' },
    });
  }

  private async issue(request: PlatformRequest): Promise<IssuedToken> {
    const body = await this.transport.exchange(request);
    const code = Number(body.code);
    if (code !== 200) {
      throw upstreamErrorFromCode(request.endpoint, { code, msg: typeof body.msg === 'string' ? body.msg : '' });
    }
    const accessToken = body.access_token;
    const expiresIn = lifetimeOf(body);
    if (typeof accessToken !== 'string' || accessToken === '' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new UpstreamError(`Platform answered ${request.endpoint} without a usable token`, ErrorCode.UPSTREAM_ERROR, undefined, request.endpoint);
    }
    return { accessToken, expiresIn };
  }
}

/**
 * Token lifetime in seconds. The examples and observed clients spell it `expires_in` (a number); the pages' field
 * tables spell it `expire_in` (a string). Both are read; neither present means the stated 2 hours (reference §2.4),
 * which at worst renews early, and a rejected token is renewed on its first refusal anyway (§2.3).
 */
function lifetimeOf(body: Record<string, unknown>): number {
  const value = body.expires_in ?? body.expire_in;
  if (value === undefined || value === null) return STATED_LIFETIME_SECONDS;
  return typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) ? Number(value) : Number.NaN;
}
