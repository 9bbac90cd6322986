import { captureLogs } from '../helpers/log-capture';
import { startHarness, type Harness } from '../helpers/harness';

/** What a Spring gateway answers for a path it does not route (an HTTP 404 with its own JSON, no `code`). */
const SPRING_404 = JSON.stringify({ timestamp: '2026-12-02T10:00:00.000+00:00', status: 404, error: 'Not Found', path: '/v2/x' });

describe('inferred endpoint families the platform does not confirm (reference §14)', () => {
  let h: Harness;
  const log = captureLogs('warn');
  beforeAll(async () => {
    h = await startHarness({ overrides: { logger: log.logger } });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.sim.faults.clear();
    h.sim.log.clear();
    log.clear();
  });

  const warnings = (family: string) => log.lines().filter((line) => line.level === 40 && line.family === family);

  it('should fail a field of a family answering HTTP 404 with UPSTREAM_UNCONFIRMED naming QUEC_PATH_*, and warn once', async () => {
    h.sim.faults.inject('group.list', { httpStatus: 404, body: SPRING_404, times: 3 });
    for (let i = 0; i < 3; i++) {
      const { data, errors } = await h.execute('{ deviceGroups(first: 5) { totalCount } }');
      expect(data).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors![0].extensions).toEqual({ code: 'UPSTREAM_UNCONFIRMED' });
      expect(errors![0].message).toMatch(/device-groups endpoints are unconfirmed.*HTTP 404.*QUEC_PATH_DEVICE_GROUPS/);
    }
    // Not retried as a transient failure: one platform call per request.
    expect(h.sim.log.count('group.list')).toBe(3);
    expect(warnings('device-groups')).toHaveLength(1);
    expect(warnings('device-groups')[0]).toMatchObject({ endpoint: 'group.list', answer: 'HTTP 404', setting: 'QUEC_PATH_DEVICE_GROUPS' });
  });

  it('should null only the unconfirmed field of an entity and keep its documented fields', async () => {
    h.sim.faults.inject('project.overview', { httpStatus: 404, body: SPRING_404 });
    const { data, errors } = await h.execute<{ product: { name: string; project: unknown } }>(
      '{ product(productKey: "p1awgC") { name project { name } } }',
    );
    expect(data!.product.name).toBe('Smart Meter M300');
    expect(data!.product.project).toBeNull();
    expect(errors!.map((e) => [e.path, e.extensions!.code])).toEqual([[['product', 'project'], 'UPSTREAM_UNCONFIRMED']]);
    expect(errors![0].message).toContain('QUEC_PATH_PROJECTS');
    expect(warnings('projects')).toHaveLength(1);
  });

  it('should treat a parameter error of a list read as unconfirmed and keep the platform code', async () => {
    h.sim.faults.inject('sms.accountList', { code: 50005 });
    const { errors } = await h.execute('{ smsAccounts(first: 5) { totalCount } }');
    expect(errors![0].extensions).toEqual({ code: 'UPSTREAM_UNCONFIRMED', upstream: { code: 50005, msg: expect.any(String) } });
    expect(errors![0].message).toContain('QUEC_PATH_SMS');
    expect(warnings('sms')).toHaveLength(1);
  });

  it('should call a 404 of an inferred write unconfirmed too', async () => {
    h.sim.faults.inject('mail.deleteAccount', { code: 404, msg: 'Not Found' });
    const { errors } = await h.execute('mutation { deleteMailAccount(id: "1") }');
    expect(errors![0].extensions!.code).toBe('UPSTREAM_UNCONFIRMED');
    expect(errors![0].message).toContain('QUEC_PATH_MAIL');
  });

  it('should leave a parameter error of an inferred write to the caller (BAD_USER_INPUT)', async () => {
    h.sim.faults.inject('sms.addAccount', { code: 50005 });
    const { errors } = await h.execute(
      'mutation { createSmsAccount(input: { name: "Twilio", platform: "twilio", accessKey: "AC1", accessSecret: "s3cr3t-value" }) { id } }',
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 50005 } });
    expect(warnings('sms')).toHaveLength(0);
  });

  it('should leave a 404 of a documented family as it was (UPSTREAM_ERROR), with no warning', async () => {
    h.sim.faults.inject('product.list', { httpStatus: 404, body: SPRING_404 });
    const { errors } = await h.execute('{ products(first: 3) { totalCount } }');
    expect(errors![0].extensions).toEqual({ code: 'UPSTREAM_ERROR' });
    expect(log.lines().filter((line) => line.level === 40)).toEqual([]);
  });
});
