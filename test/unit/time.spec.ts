import { toDate } from '../../src/datasources/platform/time';
import { toProduct } from '../../src/resolvers/catalog/product.mapper';

describe('toDate (reference §5)', () => {
  it.each([
    ['epoch ms as a number', 1730871606221, '2024-11-06T05:40:06.221Z'],
    ['epoch ms as a string', '1730871606221', '2024-11-06T05:40:06.221Z'],
    ['RFC 3339 in UTC', '2024-11-06T05:40:06Z', '2024-11-06T05:40:06.000Z'],
    ['RFC 3339 with milliseconds', '2024-11-06T05:40:06.221Z', '2024-11-06T05:40:06.221Z'],
    ['RFC 3339 with an offset', '2024-11-06T13:40:06+08:00', '2024-11-06T05:40:06.000Z'],
    ['an offset without a colon', '2024-11-06T13:40:06+0800', '2024-11-06T05:40:06.000Z'],
    ['a negative offset', '2024-11-05T23:40:06-06:00', '2024-11-06T05:40:06.000Z'],
    ['a space instead of T, no offset (read as UTC)', '2024-11-06 05:40:06', '2024-11-06T05:40:06.000Z'],
    ['minutes only', '2024-11-06 05:40', '2024-11-06T05:40:00.000Z'],
    ['a date alone', '2024-11-06', '2024-11-06T00:00:00.000Z'],
    ['microseconds', '2024-11-06T05:40:06.221999Z', '2024-11-06T05:40:06.221Z'],
  ])('should read %s', (_name, value, iso) => {
    expect(toDate(value)?.toISOString()).toBe(iso);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty string', ''],
    ['zero', 0],
    ['"0"', '0'],
    ['a negative number', -5],
    ['text', 'yesterday'],
    ['an impossible date', '2025-02-30 10:00:00'],
    ['an impossible hour', '2025-02-03 24:00:00'],
    ['a date with trailing words', '2025-02-03 10:00:00 Beijing'],
  ])('should give null for %s', (_name, value) => {
    expect(toDate(value as string | number | null | undefined)).toBeNull();
  });
});

describe('a product served with date-time strings (reference §5)', () => {
  it('should map createTime and updateTime to dates, not null', () => {
    // The vendor OpenAPI file types these fields string(date-time); the pages' examples use epoch ms.
    const product = toProduct({
      productKey: 'p11v14',
      productName: 'Meter',
      accessType: 0,
      dataFmt: 3,
      createTime: '2025-03-24T12:05:50Z',
      updateTime: '2025-03-24 12:05:51',
    });
    expect([product.createdAt?.toISOString(), product.updatedAt?.toISOString()]).toEqual(['2025-03-24T12:05:50.000Z', '2025-03-24T12:05:51.000Z']);
  });
});
