import { signedSession } from './support/signed-session';

const SMS = '/v2/sms/enterpriseapi';

describe('SMS management (§11.7, inferred)', () => {
  const session = signedSession(SMS);
  const send = (method: string, path: string, body?: unknown, query: Record<string, string | number> = {}) =>
    session.send(method, path, { query, body });

  it('should list accounts in envelope B, credentials included as upstream hands them back', async () => {
    const { body } = await send('GET', '/entSmsAccountList');
    expect(body).toMatchObject({ code: 200, extMsg: null, data: { total: 2 } });
    expect(body.data.list[0]).toHaveProperty('accessSecret');
  });

  it.each([
    [{}, 5180],
    [{ smsPlatform: 'pigeon' }, 5181],
    [{ smsPlatform: 'aliyun' }, 5182],
    [{ smsPlatform: 'aliyun', accountName: 'n' }, 5183],
    [{ smsPlatform: 'aliyun', accountName: 'n', accessKey: 'k' }, 5184],
    [{ smsPlatform: 'aliyun', accountName: 'Aliyun main', accessKey: 'k', accessSecret: 's' }, 5201],
  ])('should refuse account %j with %i', async (request, code) => {
    expect((await send('POST', '/addEntSmsAccount', request)).body).toEqual({ code, msg: expect.any(String), data: null, extMsg: null });
  });

  it('should check the enable flag and the account id', async () => {
    expect((await send('PUT', '/enabledEntSmsAccount', { accountId: 3101 })).body.code).toBe(5078);
    expect((await send('PUT', '/enabledEntSmsAccount', { accountId: 3101, enabled: 2 })).body.code).toBe(5079);
    expect((await send('PUT', '/enabledEntSmsAccount', { enabled: 1 })).body.code).toBe(5187);
    expect((await send('DELETE', '/deleteEntSmsAccount', undefined, { accountId: 1 })).body.code).toBe(5188);
  });

  it('should list signatures and templates', async () => {
    expect((await send('GET', '/entSmsSignList')).body.data.list.map((s: { ssid: string }) => s.ssid)).toEqual(['C1', 'C2', 'C3']);
    expect((await send('GET', '/entSmsTemplateList')).body.data.list[0]).toMatchObject({ stid: 'C1', thirdTemplateId: 'SMS_2045' });
  });
});

describe('mail accounts (§11.8, inferred)', () => {
  const session = signedSession('/v2/enduser/enterpriseapi');
  const send = (method: string, path: string, body?: unknown, query: Record<string, string | number> = {}) =>
    session.send(method, path, { query, body });

  const full = { accountName: 'n', smtpServer: 'smtp.x', smtpPort: 25, account: 'a', password: 'p', senderAddress: 'a@x' };

  it.each([
    ['accountName', 5442],
    ['smtpServer', 5423],
    ['smtpPort', 5424],
    ['account', 5425],
    ['password', 5426],
    ['senderAddress', 5427],
  ])('should refuse an account without %s with %i', async (field, code) => {
    const { [field as keyof typeof full]: _omitted, ...rest } = full;
    expect((await send('POST', '/addEmailAccount', rest)).body.code).toBe(code);
  });

  it('should add, list with the password, and refuse an unknown id', async () => {
    expect((await send('POST', '/addEmailAccount', full)).body).toEqual({
      code: 200,
      msg: '',
      data: { accountId: expect.any(Number) },
      extMsg: null,
    });
    const { body } = await send('GET', '/getEmailAccountList');
    expect(body.data.list.at(-1)).toMatchObject({ accountName: 'n', password: 'p' });
    expect((await send('DELETE', '/deleteEmailAccount', undefined, { accountId: 1 })).body.code).toBe(5431);
    expect((await send('PUT', '/setEmailAccount', { accountId: 4101, smtpPort: 0 })).body.code).toBe(5444);
  });
});
