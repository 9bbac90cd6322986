import { HttpAuthApi } from '../../src/datasources/platform/auth.api';
import { HttpTransport } from '../../src/datasources/platform/platform-client';
import { ErrorCode } from '../../src/errors';
import { REFRESH_AS_TABLED, REFRESH_EXAMPLE } from '../fixtures/vendor-login-answers';

/** An auth API whose platform answers every call with `body`. */
function authAnswering(body: string) {
  const fetchImpl = (async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch;
  const transport = new HttpTransport({ baseUrl: 'http://platform.test', timeoutMs: 1000, fetch: fetchImpl });
  return new HttpAuthApi(transport, { accessKey: 'AK-test', accessSecret: 'SK-test' }, { now: () => 1_743_059_249_391 });
}

const token = JSON.parse(REFRESH_EXAMPLE).access_token as string;

describe('HttpAuthApi reading the token answer (reference §2.4)', () => {
  it.each([
    ['the example, expires_in as a number', REFRESH_EXAMPLE],
    ['the table, expire_in as a string', REFRESH_AS_TABLED],
  ])('should read the lifetime from %s', async (_name, body) => {
    await expect(authAnswering(body).login()).resolves.toEqual({ accessToken: token, expiresIn: 86400 });
    await expect(authAnswering(body).refresh(token)).resolves.toEqual({ accessToken: token, expiresIn: 86400 });
  });

  it('should assume the stated two hours when the answer names no lifetime', async () => {
    const body = REFRESH_EXAMPLE.replace(',"expires_in":86400', '');
    expect(JSON.parse(body)).not.toHaveProperty('expires_in');
    await expect(authAnswering(body).login()).resolves.toEqual({ accessToken: token, expiresIn: 7200 });
  });

  it.each([
    ['a zero lifetime', '"expires_in":0'],
    ['a negative lifetime', '"expire_in":"-5"'],
    ['a lifetime that is not a number', '"expire_in":"soon"'],
  ])('should refuse %s with a coded error that shows no token', async (_name, field) => {
    const body = REFRESH_EXAMPLE.replace('"expires_in":86400', field);
    const error = await authAnswering(body)
      .login()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_ERROR } });
    expect(JSON.stringify({ message: (error as Error).message, extensions: (error as { extensions: unknown }).extensions })).not.toContain('eyJ');
  });
});
