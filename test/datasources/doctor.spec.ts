import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DoctorRow, formatTable, runDoctor } from '../../scripts/doctor/run-doctor';
import { loadConfig } from '../../src/config';
import { READ_ENDPOINTS } from '../../src/datasources/platform/read-endpoints';
import { type SimulatorHandle, startSimulator } from '../../simulator';
import { suiteRulesWith } from '../helpers/strict-profile';

/** A platform that serves at most `cap` rows of the product list per page, whatever is asked, and says nothing. */
function silentlyCapping(cap: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!String(input).includes('/quecproductmgr/r3/openapi/products')) return response;
    const body = (await response.json()) as { data?: unknown[] };
    return new Response(JSON.stringify({ ...body, data: body.data?.slice(0, cap) }), { status: response.status, headers: response.headers });
  };
}

const byEndpoint = (rows: readonly DoctorRow[], endpoint: string) => rows.find((row) => row.endpoint === endpoint);

describe('the doctor against a platform (the simulator)', () => {
  let sim: SimulatorHandle;
  let out: string;
  beforeEach(async () => {
    // A large first page is not refused (maxPageSize; the suite's strict cap cuts it to 50 rows, still more than the
    // 7 products), so a silent cap can be faked on top of the product list.
    sim = await startSimulator({ maxPageSize: 100_000 });
    out = mkdtempSync(join(tmpdir(), 'doctor-'));
  });
  afterEach(async () => {
    await sim.close();
    rmSync(out, { recursive: true, force: true });
  });

  const run = (fetchImpl?: typeof fetch, env: NodeJS.ProcessEnv = {}) =>
    runDoctor({
      config: loadConfig({ LOG_LEVEL: 'silent', ...env }),
      upstream: { baseUrl: sim.baseUrl, ...sim.credentials },
      upstreamLabel: 'test',
      outDir: out,
      fetch: fetchImpl,
    });

  it('should report ok, a silent cap, and unsupported inferred families with the variable that moves them', async () => {
    sim.faults.inject('group.list', { httpStatus: 404, body: '{"status":404,"error":"Not Found"}' });
    sim.faults.inject('sms.accountList', { code: 50005, times: 2 });
    const report = await run(silentlyCapping(3));

    expect(byEndpoint(report.rows, 'auth.login')!.status).toBe('ok');
    expect(byEndpoint(report.rows, 'product.list')).toMatchObject({
      status: 'capped',
      result: 'capped at 3 (asked 1000, total 7)',
      evidence: 'documented',
    });
    expect(byEndpoint(report.rows, 'device.overview')).toMatchObject({ status: 'ok' });
    expect(byEndpoint(report.rows, 'group.list')).toMatchObject({
      family: 'device-groups',
      status: 'unsupported',
      result: 'unsupported: HTTP 404; set QUEC_PATH_DEVICE_GROUPS',
      evidence: 'inferred',
    });
    // The large page refused, the normal page refused too: the guessed parameters are what the platform refuses.
    expect(byEndpoint(report.rows, 'sms.accountList')).toMatchObject({
      status: 'unsupported',
      result: 'unsupported: code 50005 "param check error"; set QUEC_PATH_SMS',
    });
    expect(sim.log.count('sms.accountList')).toBe(2);
    expect(report.rows.filter((row) => !['ok', 'capped', 'unsupported'].includes(row.status))).toEqual([]);
    expect(report.passed).toBe(true);
    expect(formatTable(report.rows)).toMatch(/^family\s+endpoint\s+result\s+evidence\n/);
  });

  it('should try the normal page size when the large one is refused, and call that capped', async () => {
    sim.faults.inject('queue.list', { code: 50005 });
    const report = await run();
    expect(byEndpoint(report.rows, 'queue.list')).toMatchObject({
      status: 'capped',
      result: expect.stringMatching(/^capped: refuses pageSize 1000 \(code 50005\), ok at 100/),
    });
    expect(
      sim.log
        .entries()
        .filter((e) => e.endpoint === 'queue.list')
        .map((e) => (e.body as { pageSize: number }).pageSize),
    ).toEqual([1000, 100]);
  });

  it('should keep the second attempt at a quecrule list within its documented 100 rows, whatever QUEC_PAGE_SIZE says', async () => {
    // The product list's contrast needs a platform that refuses a page above 100 (50005) rather than the strict cap,
    // which would cut the 1000 asked down to 50 and serve all 7 products.
    const capped = await startSimulator({ strict: suiteRulesWith({ pageSizeCap: 0 }) });
    try {
      const report = await runDoctor({
        config: loadConfig({ LOG_LEVEL: 'silent', QUEC_PAGE_SIZE: '500' }),
        upstream: { baseUrl: capped.baseUrl, ...capped.credentials },
        upstreamLabel: 'test',
      });
      expect(byEndpoint(report.rows, 'subscribe.list')).toMatchObject({ status: 'capped', result: expect.stringContaining('ok at 100') });
      expect(byEndpoint(report.rows, 'product.list')).toMatchObject({ status: 'error' });
      expect(
        capped.log
          .entries()
          .filter((e) => e.endpoint === 'queue.list')
          .map((e) => (e.body as { pageSize: number }).pageSize),
      ).toEqual([1000, 100]);
    } finally {
      await capped.close();
    }
  });

  it("should report the strict simulator's silent page-size cap as capped", async () => {
    const capping = await startSimulator({ strict: suiteRulesWith({ pageSizeCap: 5 }) });
    try {
      const report = await runDoctor({
        config: loadConfig({ LOG_LEVEL: 'silent' }),
        upstream: { baseUrl: capping.baseUrl, ...capping.credentials },
        upstreamLabel: 'test',
      });
      const total = capping.store.authorizedProducts().length;
      expect(byEndpoint(report.rows, 'product.list')).toMatchObject({ status: 'capped', result: `capped at 5 (asked 1000, total ${total})` });
    } finally {
      await capping.close();
    }
  });

  it('should only ever read: every call is a login, a refresh or an allowlisted read', async () => {
    await run();
    const called = new Set(sim.log.entries().map((entry) => entry.endpoint));
    expect(called.size).toBeGreaterThan(25);
    expect([...called].filter((endpoint) => !READ_ENDPOINTS.has(endpoint) && endpoint !== 'auth.login' && endpoint !== 'auth.refresh')).toEqual([]);
  });

  it('should write one sanitised sample per call with no token, secret, phone, e-mail or personal name', async () => {
    const report = await run();
    const files = readdirSync(out).sort();
    expect(files).toEqual([...report.samples].sort());
    expect(files.length).toBe(sim.log.count() + 1);
    const text = files.map((file) => readFileSync(join(out, file), 'utf8')).join('\n');
    expect(text).not.toMatch(/QJWT|eyJ[\w-]+\.eyJ/);
    expect(text).not.toContain(sim.credentials.accessKey);
    expect(text).not.toContain(sim.credentials.accessSecret);
    expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/);
    // The seeded end users' own phones, e-mails and names, as the platform answered them.
    expect(text).toContain('[redacted-phone]');
    const users = sim.store.admin.users();
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      for (const value of [user.phone, user.email, user.nikeName].filter(Boolean))
        expect({ value, leaked: text.includes(`"${value}"`) }).toEqual({ value, leaked: false });
    }
  });

  it('should stop after a failed login and fail the run', async () => {
    const report = await runDoctor({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      upstream: { baseUrl: sim.baseUrl, accessKey: 'wrongAccessKey000000000', accessSecret: 'wrong' },
      upstreamLabel: 'test',
    });
    expect(report.rows).toEqual([expect.objectContaining({ endpoint: 'auth.login', status: 'error', result: 'error UPSTREAM_ERROR 90047' })]);
    expect(report.passed).toBe(false);
    expect(sim.log.count()).toBe(1);
  });

  it('should fail the run when a documented family answers with an error', async () => {
    sim.faults.inject('device.overview', { code: 50000, times: 2 });
    const report = await run();
    expect(byEndpoint(report.rows, 'device.overview')).toMatchObject({ status: 'error', result: 'error UPSTREAM_UNAVAILABLE 50000' });
    expect(report.passed).toBe(false);
  });
});
