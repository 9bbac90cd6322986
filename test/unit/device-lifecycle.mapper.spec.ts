import { toDeviceBatchPayload, toDeviceChangeDto, toNewDeviceDto } from '../../src/resolvers/devices/device-lifecycle.mapper';
import { DeviceAuthMode } from '../../src/schema/devices/device-auth-mode.enum';

describe('device lifecycle mappers', () => {
  it('should send only the fields given, with upstream names and codes', () => {
    expect(toNewDeviceDto({ deviceKey: 'd1', name: 'N', sn: null, authMode: DeviceAuthMode.X509, fingerprint: 'ab' })).toEqual({
      deviceKey: 'd1',
      deviceName: 'N',
      authMode: 2,
      fingerPrint: 'ab',
    });
    expect(toDeviceChangeDto({ deviceKey: 'd1', sn: 'S' })).toEqual({ deviceKey: 'd1', sn: 'S' });
  });

  it('should split a batch into succeeded devices and failed rows with their input index', () => {
    const payload = toDeviceBatchPayload(
      'pA',
      [{ deviceKey: 'd1' }, { deviceKey: 'd2' }, { deviceKey: 'd3' }],
      [
        { deviceKey: 'd3', code: 70062, message: 'DeviceKey already exists' },
        { deviceKey: 'ghost', code: 50005, message: 'x' },
      ],
    );
    expect(payload).toEqual({
      succeeded: [
        { productKey: 'pA', deviceKey: 'd1' },
        { productKey: 'pA', deviceKey: 'd2' },
      ],
      failed: [
        { index: 2, productKey: 'pA', deviceKey: 'd3', code: 70062, message: 'DeviceKey already exists' },
        { index: null, productKey: 'pA', deviceKey: 'ghost', code: 50005, message: 'x' },
      ],
      succeededCount: 2,
      failedCount: 2,
    });
  });
});
