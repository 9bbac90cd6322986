import { encodeCursor, offsetAfter, offsetBefore } from '../../src/schema/cursor';
import { ErrorCode } from '../../src/errors';

describe('cursors', () => {
  it('should continue right after the position a cursor names', () => {
    expect(offsetAfter('devices', encodeCursor('devices', 49))).toBe(50);
  });

  it('should start at 0 without a cursor', () => {
    expect(offsetAfter('devices', undefined)).toBe(0);
    expect(offsetAfter('devices', null)).toBe(0);
  });

  it('should be stable for the same position', () => {
    expect(encodeCursor('products', 7)).toBe(encodeCursor('products', 7));
  });

  it.each(['garbage', '', 'djE6ZGV2aWNlczotMQ', encodeCursor('products', 3), '%%%'])('should refuse %p with BAD_USER_INPUT', (cursor) => {
    expect(() => offsetAfter('devices', cursor)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }) }),
    );
  });

  it('should end right before the position a cursor names, and nowhere without one', () => {
    expect(offsetBefore('devices', encodeCursor('devices', 49))).toBe(49);
    expect(offsetBefore('devices', encodeCursor('devices', 0))).toBe(0);
    expect(offsetBefore('devices', undefined)).toBeUndefined();
    expect(offsetBefore('devices', null)).toBeUndefined();
  });

  it('should name the before argument when refusing a cursor of another list', () => {
    expect(() => offsetBefore('devices', encodeCursor('products', 3))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, argumentName: 'before' }) }),
    );
  });
});
