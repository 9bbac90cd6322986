import { toUnbindPayload } from '../../src/resolvers/end-users/binding.mapper';

describe('batch unbinding outcome', () => {
  const a = { productKey: 'pA', deviceKey: 'd1' };
  const b = { productKey: 'pB', deviceKey: 'd1' };
  const c = { productKey: 'pA', deviceKey: 'd2' };

  it('should split rows by code and give a failure the index of its first input occurrence', () => {
    const payload = toUnbindPayload(
      [a, b, a, c],
      [a, b, c],
      [
        { pk: 'pA', dk: 'd1', code: 200, msg: '' },
        { pk: 'pB', dk: 'd1', code: 5493, msg: 'device does not exist' },
        { pk: 'pA', dk: 'd2', code: 200 },
      ],
    );
    expect(payload).toEqual({
      succeeded: [a, c],
      failed: [{ index: 1, productKey: 'pB', deviceKey: 'd1', code: 5493, message: 'device does not exist' }],
      succeededCount: 2,
      failedCount: 1,
    });
  });

  it('should match rows by product and device key, not by position', () => {
    const payload = toUnbindPayload(
      [a, b],
      [a, b],
      [
        { pk: 'pB', dk: 'd1', code: 200 },
        { pk: 'pA', dk: 'd1', code: 5327, msg: 'no permission for this product' },
      ],
    );
    expect(payload.succeeded).toEqual([b]);
    expect(payload.failed.map((f) => f.index)).toEqual([0]);
  });

  it('should count a device missing from the answer as failed with no code', () => {
    const payload = toUnbindPayload([a], [a], []);
    expect(payload.succeededCount).toBe(0);
    expect(payload.failed).toEqual([
      { index: 0, productKey: 'pA', deviceKey: 'd1', code: null, message: 'The platform did not report on this device' },
    ]);
  });
});
