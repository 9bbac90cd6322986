import { startSimulator, type SimulatorHandle } from '../../simulator';
import { call, fakeClock, login } from './support/sim-client';

const SMS = '/v2/sms/enterpriseapi';
const NOW = Date.UTC(2025, 6, 1, 8, 0, 0);

interface Sim {
  sim: SimulatorHandle;
  send(method: string, path: string, body?: unknown, query?: Record<string, string | number>): Promise<any>;
  domains(): string[];
}

/** A simulator of its own per describe: these routes change its state. */
function useSimulator(): Sim {
  const ctx = {} as Sim & { token: string };
  beforeAll(async () => {
    ctx.sim = await startSimulator({ clock: fakeClock(NOW) });
    ctx.token = await login(ctx.sim, NOW);
  });
  afterAll(() => ctx.sim.close());
  ctx.send = async (method, path, body, query = {}) =>
    (
      await call(ctx.sim, SMS + path, query, {
        method,
        token: ctx.token,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      })
    ).body;
  ctx.domains = () => ctx.sim.store.admin.userDomains().map((d) => d.userDomain);
  return ctx;
}

const refused = (code: number) => ({ code, msg: expect.any(String), data: null, extMsg: null });
const ok = (data: unknown = {}) => ({ code: 200, msg: '', data, extMsg: null });

describe('SMS signatures (§11.7, inferred)', () => {
  const s = useSimulator();
  const rows = async () => (await s.send('GET', '/entSmsSignList', undefined, { pageSize: 50 })).data.list as Array<Record<string, unknown>>;
  const row = async (ssid: string) => (await rows()).find((r) => r.ssid === ssid);

  it('should list the seeded authorizations as userDomainList', async () => {
    expect(await row('C1')).toMatchObject({ signName: 'Acme IoT', userDomainList: s.domains() });
    expect(await row('C2')).toMatchObject({ userDomainList: [] });
  });

  it('should add a signature as pending and enabled, with the next C-number and no domains', async () => {
    expect(await s.send('POST', '/addEntSmsSign', { signName: 'Acme Home' })).toEqual(ok({ ssid: 'C4' }));
    expect(await row('C4')).toEqual({ ssid: 'C4', signName: 'Acme Home', status: 0, enabled: 1, createTime: NOW, userDomainList: [] });
  });

  it('should count characters, not UTF-16 units, against the 2-12 rule', async () => {
    expect((await s.send('POST', '/addEntSmsSign', { signName: '短信签名测试一二三四五六' })).code).toBe(200);
    expect((await s.send('POST', '/addEntSmsSign', { signName: '𝒜𝒞' })).code).toBe(200);
  });

  it.each([
    [{}, 5194],
    [{ signName: '' }, 5194],
    [{ signName: '   ' }, 5194],
    [{ signName: 'A' }, 5194],
    [{ signName: 'Thirteen char' }, 5194],
    [{ signName: 'Acme IoT' }, 5193],
    [{ signName: 7 }, 50005],
  ])('should refuse signature %j with %i', async (request, code) => {
    expect(await s.send('POST', '/addEntSmsSign', request)).toEqual(refused(code));
  });

  it.each([
    [{ enabled: 1 }, 5117],
    [{ ssid: 'C99', enabled: 1 }, 5196],
    [{ ssid: 'C1' }, 5078],
    [{ ssid: 'C1', enabled: 2 }, 5079],
    [{ ssid: 'C3', enabled: 1 }, 5197],
  ])('should refuse to enable %j with %i', async (request, code) => {
    expect(await s.send('PUT', '/enabledEntSmsSign', request)).toEqual(refused(code));
  });

  it('should enable a pending signature and disable a rejected one', async () => {
    expect(await s.send('PUT', '/enabledEntSmsSign', { ssid: 'C2', enabled: 1 })).toEqual(ok());
    expect(await s.send('PUT', '/enabledEntSmsSign', { ssid: 'C3', enabled: 0 })).toEqual(ok());
    expect([(await row('C2'))!.enabled, (await row('C3'))!.enabled]).toEqual([1, 0]);
  });

  it('should replace the authorized user domains as a whole', async () => {
    const [first, second] = s.domains();
    expect(await s.send('POST', '/entSmsSignUserDomainAuth', { ssid: 'C2', userDomainList: [second, first, second] })).toEqual(ok());
    expect((await row('C2'))!.userDomainList).toEqual([second, first]);
    expect(await s.send('POST', '/entSmsSignUserDomainAuth', { ssid: 'C2', userDomainList: [first] })).toEqual(ok());
    expect((await row('C2'))!.userDomainList).toEqual([first]);
    expect(await s.send('POST', '/entSmsSignUserDomainAuth', { ssid: 'C2', userDomainList: [] })).toEqual(ok());
    expect((await row('C2'))!.userDomainList).toEqual([]);
  });

  it.each([
    [{ userDomainList: [] }, 5117],
    [{ ssid: 'C99', userDomainList: [] }, 5196],
    [{ ssid: 'C1' }, 5205],
    [{ ssid: 'C1', userDomainList: 'C.DM.1.1' }, 5205],
    [{ ssid: 'C1', userDomainList: Array.from({ length: 51 }, (_, i) => `C.DM.1.${i}`) }, 5206],
    [{ ssid: 'C1', userDomainList: ['C.DM.0.404'] }, 5015],
    [{ ssid: 'C1', userDomainList: [12] }, 50005],
  ])('should refuse authorization %j with %i and keep the old list', async (request, code) => {
    const before = (await row('C1'))!.userDomainList;
    expect(await s.send('POST', '/entSmsSignUserDomainAuth', request)).toEqual(refused(code));
    expect((await row('C1'))!.userDomainList).toEqual(before);
  });

  it('should delete a signature once, then answer 5196; a missing ssid is 5117', async () => {
    expect(await s.send('DELETE', '/deleteEntSmsSign', undefined, { ssid: 'C2' })).toEqual(ok());
    expect(await row('C2')).toBeUndefined();
    expect(await s.send('DELETE', '/deleteEntSmsSign', undefined, { ssid: 'C2' })).toEqual(refused(5196));
    expect(await s.send('DELETE', '/deleteEntSmsSign')).toEqual(refused(5117));
  });

  it('should never hand out a deleted signature id again', async () => {
    const { data } = await s.send('POST', '/addEntSmsSign', { signName: 'After delete' });
    expect(data.ssid).not.toBe('C2');
    expect(s.sim.store.admin.smsSigns().filter((sign) => sign.ssid === data.ssid)).toHaveLength(1);
  });
});

describe('SMS templates (§11.7, inferred)', () => {
  const s = useSimulator();
  const rows = async () => (await s.send('GET', '/entSmsTemplateList', undefined, { pageSize: 50 })).data.list as Array<Record<string, unknown>>;
  const row = async (stid: string) => (await rows()).find((r) => r.stid === stid);
  const full = { templateName: 'Reset code', thirdTemplateId: 'SMS_3001', content: 'Reset with ${code}' };

  it('should list the seeded authorizations as userDomainList', async () => {
    expect(await row('C1')).toMatchObject({ thirdTemplateId: 'SMS_2045', userDomainList: [s.domains()[0]] });
    expect(await row('C2')).toMatchObject({ status: 2, userDomainList: [] });
  });

  it('should add a template as pending and enabled, with the next C-number', async () => {
    expect(await s.send('POST', '/addEntSmsTemplate', full)).toEqual(ok({ stid: 'C3' }));
    expect(await row('C3')).toEqual({ stid: 'C3', ...full, status: 0, enabled: 1, createTime: NOW, userDomainList: [] });
  });

  it('should accept content of exactly 500 characters', async () => {
    expect((await s.send('POST', '/addEntSmsTemplate', { ...full, content: '短'.repeat(500) })).code).toBe(200);
  });

  it.each([
    [{ thirdTemplateId: 'SMS_1', content: 'c' }, 5202],
    [{ templateName: 'n', content: 'c' }, 5085],
    [{ templateName: 'n', thirdTemplateId: '', content: 'c' }, 5085],
    [{ templateName: 'n', thirdTemplateId: 'SMS_1' }, 5086],
    [{ templateName: 'n', thirdTemplateId: 'SMS_1', content: 'x'.repeat(501) }, 5200],
  ])('should refuse template %j with %i', async (request, code) => {
    expect(await s.send('POST', '/addEntSmsTemplate', request)).toEqual(refused(code));
  });

  it.each([
    [{ enabled: 1 }, 5118],
    [{ stid: 'C99', enabled: 1 }, 5198],
    [{ stid: 'C1' }, 5078],
    [{ stid: 'C1', enabled: -1 }, 5079],
    [{ stid: 'C2', enabled: 1 }, 5199],
  ])('should refuse to enable %j with %i', async (request, code) => {
    expect(await s.send('PUT', '/enabledEntSmsTemplate', request)).toEqual(refused(code));
  });

  it('should disable and re-enable an approved template', async () => {
    expect(await s.send('PUT', '/enabledEntSmsTemplate', { stid: 'C1', enabled: 0 })).toEqual(ok());
    expect((await row('C1'))!.enabled).toBe(0);
    expect(await s.send('PUT', '/enabledEntSmsTemplate', { stid: 'C1', enabled: '1' })).toEqual(ok());
    expect((await row('C1'))!.enabled).toBe(1);
  });

  it('should replace the authorized user domains as a whole', async () => {
    const domains = s.domains();
    expect(await s.send('POST', '/entSmsTemplateUserDomainAuth', { stid: 'C2', userDomainList: domains })).toEqual(ok());
    expect((await row('C2'))!.userDomainList).toEqual(domains);
    expect(await s.send('POST', '/entSmsTemplateUserDomainAuth', { stid: 'C2', userDomainList: [] })).toEqual(ok());
    expect((await row('C2'))!.userDomainList).toEqual([]);
  });

  it.each([
    [{ userDomainList: [] }, 5118],
    [{ stid: 'C99', userDomainList: [] }, 5198],
    [{ stid: 'C1', userDomainList: null }, 5205],
    [{ stid: 'C1', userDomainList: Array.from({ length: 51 }, () => 'C.DM.1.1') }, 5206],
    [{ stid: 'C1', userDomainList: ['C.DM.0.404'] }, 5015],
  ])('should refuse authorization %j with %i and keep the old list', async (request, code) => {
    const before = (await row('C1'))!.userDomainList;
    expect(await s.send('POST', '/entSmsTemplateUserDomainAuth', request)).toEqual(refused(code));
    expect((await row('C1'))!.userDomainList).toEqual(before);
  });

  it('should delete a template once, then answer 5198; a missing stid is 5118', async () => {
    expect(await s.send('DELETE', '/deleteEntSmsTemplate', undefined, { stid: 'C2' })).toEqual(ok());
    expect(await row('C2')).toBeUndefined();
    expect(await s.send('DELETE', '/deleteEntSmsTemplate', undefined, { stid: 'C2' })).toEqual(refused(5198));
    expect(await s.send('DELETE', '/deleteEntSmsTemplate')).toEqual(refused(5118));
  });
});
