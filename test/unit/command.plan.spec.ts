import { groupByProduct, toCommandPayload } from '../../src/resolvers/device-data/command.plan';
import { ErrorCode, UpstreamError } from '../../src/errors';

const refs = [
  { productKey: 'pA', deviceKey: 'd1' },
  { productKey: 'pB', deviceKey: 'd2' },
  { productKey: 'pA', deviceKey: 'd3' },
  { productKey: 'pA', deviceKey: 'd1' },
  { productKey: 'pC', deviceKey: 'd4' },
];

describe('groupByProduct', () => {
  it('should make one group per product, devices in input order, duplicates dropped', () => {
    expect(groupByProduct(refs)).toEqual([
      { productKey: 'pA', deviceKeys: ['d1', 'd3'], firstIndex: 0 },
      { productKey: 'pB', deviceKeys: ['d2'], firstIndex: 1 },
      { productKey: 'pC', deviceKeys: ['d4'], firstIndex: 4 },
    ]);
  });
});

describe('toCommandPayload', () => {
  const callOf = (ref: { productKey: string }) => ({ pA: 0, pB: 1, pC: 2 })[ref.productKey]!;

  it('should report every device: accepted, rejected per device, rejected per call, unknown', () => {
    const payload = toCommandPayload(
      refs,
      [
        {
          status: 'fulfilled',
          value: [
            { code: 200, productKey: 'pA', deviceKey: 'd1', ticket: 't1', message: null },
            { code: 61002, productKey: 'pA', deviceKey: 'd3', ticket: null, message: 'device offline' },
          ],
        },
        { status: 'rejected', reason: new UpstreamError('x', ErrorCode.FORBIDDEN, { code: 70089, msg: 'no permission' }) },
        { status: 'rejected', reason: new UpstreamError('Platform did not answer dm.writeData within 10 ms', ErrorCode.UPSTREAM_UNAVAILABLE) },
      ],
      callOf,
    );
    expect(payload.results).toEqual([
      { productKey: 'pA', deviceKey: 'd1', status: 'ACCEPTED', accepted: true, code: 200, ticket: 't1', message: null },
      { productKey: 'pB', deviceKey: 'd2', status: 'REJECTED', accepted: false, code: 70089, ticket: null, message: 'no permission' },
      { productKey: 'pA', deviceKey: 'd3', status: 'REJECTED', accepted: false, code: 61002, ticket: null, message: 'device offline' },
      {
        productKey: 'pC',
        deviceKey: 'd4',
        status: 'UNKNOWN',
        accepted: false,
        code: null,
        ticket: null,
        message: 'Platform did not answer dm.writeData within 10 ms',
      },
    ]);
    expect(payload).toMatchObject({ acceptedCount: 1, rejectedCount: 2, unknownCount: 1, allAccepted: false });
  });

  it('should say UNKNOWN for a device the answer leaves out, and mask errors that are not ours', () => {
    const payload = toCommandPayload(
      [
        { productKey: 'pA', deviceKey: 'd1' },
        { productKey: 'pB', deviceKey: 'd2' },
      ],
      [
        { status: 'fulfilled', value: [] },
        { status: 'rejected', reason: new Error('secret token in url') },
      ],
      callOf,
    );
    expect(payload.results.map((r) => [r.status, r.message])).toEqual([
      ['UNKNOWN', 'The platform answered without a result for this device'],
      ['UNKNOWN', 'The platform did not answer'],
    ]);
  });

  it('should be allAccepted only when every device accepted', () => {
    const payload = toCommandPayload(
      [{ productKey: 'pA', deviceKey: 'd1' }],
      [{ status: 'fulfilled', value: [{ code: 200, productKey: 'pA', deviceKey: 'd1', ticket: 't' }] }],
      callOf,
    );
    expect(payload).toMatchObject({ acceptedCount: 1, rejectedCount: 0, unknownCount: 0, allAccepted: true });
  });
});
