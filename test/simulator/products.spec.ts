import { startSimulator } from '../../simulator';
import { suiteRulesWith } from '../helpers/strict-profile';
import { productOf } from './support/seed-lookup';
import { PATHS, call, login } from './support/sim-client';
import { signedSession } from './support/signed-session';

describe('product list', () => {
  // The list as the endpoint's example has it: epoch-ms times, and a pageSize above 100 refused rather than cut
  // down. strict-mode.test.ts covers the date-time strings and the page-size cap of the strict rules.
  const session = signedSession('', { strict: suiteRulesWith({ dateTimeStrings: false, pageSizeCap: 0 }) });
  const list = (query: Record<string, string | number> = {}) => session.send('GET', PATHS.productList, { query });

  it('should list only authorized products with top-level paging fields', async () => {
    const { body } = await list();
    const authorized = session.sim.store.authorizedProducts();
    expect(body).toEqual({ code: 200, msg: '', data: expect.any(Array), pageNum: 1, pageSize: 10, pages: 1, total: authorized.length });
    expect(body.data.map((p: { productKey: string }) => p.productKey).sort()).toEqual(authorized.map((p) => p.productKey).sort());
    expect(body.data.map((p: { productKey: string }) => p.productKey)).not.toContain(productOf(session.sim, 'tracker').productKey);
  });

  it('should render each row with the documented fields and types', async () => {
    const { body } = await list();
    for (const row of body.data) {
      expect(Object.keys(row).sort()).toEqual(
        ['accessType', 'connectPlatform', 'createTime', 'dataFmt', 'logoPath', 'netWay', 'productKey', 'productName', 'updateTime'].sort(),
      );
      expect(row.createTime).toMatch(/^\d{13}$/);
      expect(row.updateTime).toMatch(/^(\d{13})?$/);
      expect(typeof row.netWay).toBe('string');
      expect([0, 1, 2]).toContain(row.accessType);
      expect([0, 3]).toContain(row.dataFmt);
      expect(row.logoPath === null || typeof row.logoPath === 'string').toBe(true);
      expect(row.productKey).toMatch(/^p1[0-9A-Za-z]{4}$/);
    }
    expect(body.data.some((r: { updateTime: string }) => r.updateTime === '')).toBe(true);
  });

  it('should list newest products first', async () => {
    const times = (await list()).body.data.map((r: { createTime: string }) => Number(r.createTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('should filter by productKey', async () => {
    const meter = productOf(session.sim, 'meter');
    const { body } = await list({ productKey: meter.productKey });
    expect(body.total).toBe(1);
    expect(body.data[0].productName).toBe('Smart Meter M300');
  });

  it('should not reveal an unauthorized product through the filter', async () => {
    const { body } = await list({ productKey: productOf(session.sim, 'tracker').productKey });
    expect(body).toMatchObject({ code: 200, data: [], total: 0, pages: 0 });
  });

  it('should page through the products', async () => {
    const total = session.sim.store.authorizedProducts().length;
    const first = (await list({ pageNum: 1, pageSize: 3 })).body;
    const second = (await list({ pageNum: 2, pageSize: 3 })).body;
    expect(first).toMatchObject({ pageNum: 1, pageSize: 3, pages: Math.ceil(total / 3), total });
    expect(first.data).toHaveLength(3);
    expect(second.data).toHaveLength(3);
    expect(second.data[0].productKey).not.toBe(first.data[0].productKey);
  });

  it('should answer an empty page with the real totals when pageNum is out of range', async () => {
    const total = session.sim.store.authorizedProducts().length;
    const { body } = await list({ pageNum: 99, pageSize: 10 });
    expect(body).toEqual({ code: 200, msg: '', data: [], pageNum: 99, pageSize: 10, pages: Math.ceil(total / 10), total });
  });

  it.each([
    ['pageNum', '0'],
    ['pageNum', '-1'],
    ['pageNum', 'abc'],
    ['pageNum', '1.5'],
    ['pageSize', '0'],
    ['pageSize', '101'],
    ['pageSize', 'ten'],
  ])('should answer 50005 for %s=%s', async (name, value) => {
    expect((await list({ [name]: value })).body).toEqual({ code: 50005, msg: 'param check error' });
  });

  it('should accept pageSize equal to maxPageSize', async () => {
    expect((await list({ pageSize: 100 })).body.code).toBe(200);
  });
});

describe('maxPageSize option', () => {
  it('should reject a pageSize above a configured maximum', async () => {
    // The maximum refuses only without the strict page-size cap, which cuts a large page down instead.
    const sim = await startSimulator({ maxPageSize: 5, strict: suiteRulesWith({ pageSizeCap: 0 }) });
    try {
      const token = await login(sim);
      expect((await call(sim, PATHS.productList, { pageSize: 5 }, { token })).body.code).toBe(200);
      expect((await call(sim, PATHS.productList, { pageSize: 6 }, { token })).body.code).toBe(50005);
    } finally {
      await sim.close();
    }
  });
});

describe('product detail', () => {
  // Epoch-ms times as the example has them; strict-mode.test.ts covers the date-time strings of dateTimeStrings.
  const session = signedSession('', { strict: suiteRulesWith({ dateTimeStrings: false }) });
  const detail = (query: Record<string, string>) => session.send('GET', PATHS.productDetail, { query });

  it('should answer the list fields plus productConfig', async () => {
    const gateway = productOf(session.sim, 'cellular-gateway');
    const { body } = await detail({ productKey: gateway.productKey });
    expect(body).toEqual({
      code: 200,
      msg: '',
      data: {
        accessType: 1,
        connectPlatform: 0,
        createTime: String(gateway.createTime),
        dataFmt: 3,
        logoPath: gateway.logoPath,
        netWay: '2',
        productConfig: { aiCapabilityStatus: gateway.aiCapabilityStatus },
        productKey: gateway.productKey,
        productName: 'Edge Gateway G500',
        updateTime: gateway.updateTime === null ? '' : String(gateway.updateTime),
      },
    });
  });

  it('should answer 70017 for an unknown product', async () => {
    expect((await detail({ productKey: 'p1none' })).body).toEqual({ code: 70017, msg: 'Product does not exist.' });
  });

  it('should answer 70089 for a product not authorized to the SaaS app', async () => {
    expect((await detail({ productKey: productOf(session.sim, 'tracker').productKey })).body).toEqual({
      code: 70089,
      msg: 'You have limited permission to operate this project or product or device.',
    });
  });

  it('should answer 50005 when productKey is missing or empty', async () => {
    expect((await detail({})).body.code).toBe(50005);
    expect((await detail({ productKey: '' })).body.code).toBe(50005);
  });
});
