import { readBatchFailures } from '../../src/datasources/devices/device-lifecycle.api';
import { ErrorCode } from '../../src/errors';
import { BATCH_EXAMPLE } from '../fixtures/vendor-batch-answers';

const read = (data: unknown) => readBatchFailures('device.createBatch', data);
const unknownOutcome = { extensions: { code: ErrorCode.UPSTREAM_ERROR }, message: expect.stringContaining('outcome of each row is unknown') };

describe('readBatchFailures (reference §12.4)', () => {
  it("should read the vendor's example, which has no data, as every row done", () => {
    expect(read(JSON.parse(BATCH_EXAMPLE).data)).toEqual([]);
    expect(read(null)).toEqual([]);
    expect(read({})).toEqual([]);
  });

  it('should take array rows with a code other than 200 as refused and rows with 200 as done', () => {
    const rows = [
      { deviceKey: 'DK1', code: 70062, message: 'exists' },
      { deviceKey: 'DK2', code: 200, message: null },
      { deviceKey: 'DK3', code: '200' },
      { deviceKey: 'DK4', msg: 'no code given' },
    ];
    expect(read(rows).map((row) => row.deviceKey)).toEqual(['DK1', 'DK4']);
  });

  it('should read failure lists of an object, rows or bare device keys, beside success lists and counts', () => {
    expect(read({ successList: ['DK2'], failList: [{ deviceKey: 'DK1', code: 70062, msg: 'exists' }] })).toEqual([
      { deviceKey: 'DK1', code: 70062, msg: 'exists' },
    ]);
    expect(read({ successCount: 1, failCount: '1', failDevices: ['DK9'] })).toEqual([{ deviceKey: 'DK9' }]);
    expect(read({ successCount: 2, failCount: 0 })).toEqual([]);
  });

  it.each([
    ['a failure count without the failed rows', { successCount: 1, failCount: 1 }],
    ['an object with keys that say nothing about rows', { result: 'PARTIAL' }],
    ['a failure field that is text', { errMsg: 'DK1 exists' }],
    ['a string', 'done'],
    ['a number', 2],
    ['an array of numbers', [1, 2]],
  ])('should refuse to guess "no failures" from %s', (_name, data) => {
    expect(() => read(data)).toThrow(expect.objectContaining(unknownOutcome));
  });
});
