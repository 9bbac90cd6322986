import { decodeGlobalId, encodeGlobalId } from '../../src/schema/global-id';

describe('global ids', () => {
  it('should round-trip key parts, including a device key that holds a colon', () => {
    const id = encodeGlobalId('Device', ['p1awgC', 'AA:BB:CC:01']);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeGlobalId('Device', id, 2)).toEqual(['p1awgC', 'AA:BB:CC:01']);
  });

  it('should be stable and differ between types with the same key', () => {
    expect(encodeGlobalId('Product', ['p1'])).toBe(encodeGlobalId('Product', ['p1']));
    expect(encodeGlobalId('Product', ['p1'])).not.toBe(encodeGlobalId('EndUser', ['p1']));
  });

  it.each([
    ['an id of another type', encodeGlobalId('Product', ['p1'])],
    ['the wrong number of parts', encodeGlobalId('Device', ['p1'])],
    ['an empty part', encodeGlobalId('Device', ['p1', ''])],
    ['not base64url', 'a b'],
    ['a broken escape', Buffer.from('Device:p1:%E0%A4%A', 'utf8').toString('base64url')],
    ['an overlong id', 'A'.repeat(513)],
  ])('should refuse %s with BAD_USER_INPUT', (_, id) => {
    expect(() => decodeGlobalId('Device', id, 2)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
});
