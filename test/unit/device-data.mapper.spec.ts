import { toThingModel } from '../../src/resolvers/catalog/thing-model.mapper';
import type { TslDocumentDto } from '../../src/datasources/catalog/thing-model.dto';
import {
  toDeviceEvent,
  toDeviceLocation,
  toDeviceMessage,
  toDeviceProperties,
  toUpstreamEventType,
} from '../../src/resolvers/device-data/device-data.mapper';
import type { DeviceMessageDto } from '../../src/datasources/device-data/device-data.dto';
import { DeviceEventType } from '../../src/schema/device-data/device-event-type.enum';
import reference from '../fixtures/tsl-reference.json';

const model = toThingModel(reference as TslDocumentDto);

function message(at: number, dmData: unknown, direction = 1): DeviceMessageDto {
  return {
    productKey: 'PK0001',
    deviceKey: 'DK1',
    direction,
    cmd: direction === 1 ? '0012' : '0013',
    dmData: JSON.stringify(dmData),
    createTime: String(at),
    sendTime: String(at),
    sendStatus: 1,
  };
}

describe('toDeviceProperties', () => {
  const log = [
    message(3000, [{ id: 10, value: false }]),
    message(1000, [
      { id: 10, value: true },
      { id: 11, value: 1 },
      { id: 1, value: 7 },
    ]),
    message(4000, [{ id: 1, value: 99 }], 2),
    message(2000, [
      { id: 11, value: 2 },
      { id: 999, value: 'x' },
    ]),
  ];

  it('should take each property from the newest uplink that carries it, with that report time', () => {
    const byCode = Object.fromEntries(toDeviceProperties(model, log).map((p) => [p.code, p]));
    expect(byCode.bool).toMatchObject({ value: { bool: false }, reportedAt: new Date(3000) });
    expect(byCode.enum).toMatchObject({ value: { value: 2, label: 'd2' }, reportedAt: new Date(2000) });
    // The downlink write of 99 at 4000 is not a report.
    expect(byCode.int01).toMatchObject({ value: { number: 7 }, reportedAt: new Date(1000) });
  });

  it('should list every property in thing-model order, null where nothing was reported', () => {
    const all = toDeviceProperties(model, log);
    expect(all.map((p) => p.code)).toEqual(model.properties.map((p) => p.code));
    expect(all.find((p) => p.code === 'text')).toEqual({
      code: 'text',
      name: 'Text type',
      dataType: 'TEXT',
      value: null,
      reportedAt: null,
      source: null,
      ageSeconds: null,
    });
  });

  it('should select and order by codes', () => {
    expect(toDeviceProperties(model, log, ['enum', 'bool']).map((p) => p.code)).toEqual(['enum', 'bool']);
  });
});

describe('toDeviceMessage', () => {
  it('should decode uplink values by TSL id', () => {
    const m = toDeviceMessage({ ...message(1000, [{ id: 17, value: [{ id: 1, value: 3 }] }]), ticket: 't1', data: 'AAE=' }, model);
    expect(m).toMatchObject({ ticket: 't1', direction: 'UP', command: '0012', payloadBase64: 'AAE=', sendStatus: 'SENT', createdAt: new Date(1000) });
    expect(m.values).toEqual([{ id: 17, code: 'struct', name: 'struct', value: expect.objectContaining({ json: { struct_int: 3 } }) }]);
  });

  it('should turn a downlink read into the requested property codes', () => {
    const m = toDeviceMessage({ ...message(1000, ['10', '1'], 2), sendStatus: 0 }, model);
    expect(m).toMatchObject({ direction: 'DOWN', requestedProperties: ['bool', 'int01'], values: [], sendStatus: 'NOT_SENT' });
  });

  it('should decode a service call by service id into a struct of its inputs, and an uplink answer into its outputs', () => {
    const call = toDeviceMessage(message(1000, [{ id: 22, value: [{ id: 7, value: 'aa' }] }], 2), model);
    expect(call.values).toEqual([
      { id: 22, code: 'fuwu', name: 'Service', value: expect.objectContaining({ dataType: 'STRUCT', json: { raw1: 'AA' } }) },
    ]);
    const answer = toDeviceMessage(message(1000, [{ id: 22, value: [{ id: 10, value: true }] }], 1), model);
    expect(answer.values[0].value).toMatchObject({ json: { bool: true } });
  });

  it('should keep raw messages of products without a thing model', () => {
    expect(toDeviceMessage({ productKey: 'p', deviceKey: 'd', direction: 1, data: 'aGk=', dmData: null, sendStatus: -1 }, null)).toMatchObject({
      values: [],
      requestedProperties: [],
      payloadBase64: 'aGk=',
      sendStatus: 'FAILED',
    });
  });
});

describe('toDeviceEvent', () => {
  it('should map the event type and decode outputs by code with the event definition', () => {
    const e = toDeviceEvent(
      {
        productKey: 'p',
        deviceKey: 'd',
        id: 'e1',
        eventType: '4',
        eventCode: 'gaojin',
        eventName: null,
        outputData: '{"canshu_array_int":[1,2]}',
        createTime: '1749173645408',
      },
      model,
    );
    expect(e).toMatchObject({ id: 'e1', type: 'WARNING', code: 'gaojin', name: 'Alarm event', occurredAt: new Date(1749173645408) });
    expect(e.outputs).toEqual([expect.objectContaining({ code: 'canshu_array_int', value: expect.objectContaining({ json: [1, 2] }) })]);
  });

  it('should map connectivity events without outputs', () => {
    expect(toDeviceEvent({ productKey: 'p', deviceKey: 'd', eventType: '1', eventCode: 'online', outputData: null }, model)).toMatchObject({
      type: 'ONLINE',
      outputs: [],
    });
  });

  it('should translate every filter type to its upstream code (reference §5)', () => {
    expect(Object.values(DeviceEventType).map(toUpstreamEventType)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
  });
});

describe('toDeviceLocation', () => {
  it('should map the three coordinate systems and the fix details (reference §6.5 example)', () => {
    const location = toDeviceLocation({
      accuracy: '550',
      bdLat: 31.826790506073646,
      bdLng: 117.12844898451473,
      gcjLat: 31.820436517272384,
      gcjLng: 117.12202697843334,
      wgsLat: 31.822269439697266,
      wgsLng: 117.11640167236328,
      createTime: '1749262714000',
      locateTime: '1749262713572',
      locateType: 'LBS ',
      hdop: null,
      height: null,
      satellites: null,
      speed: null,
    });
    expect(location).toEqual({
      wgs84: { latitude: 31.822269439697266, longitude: 117.11640167236328 },
      gcj02: { latitude: 31.820436517272384, longitude: 117.12202697843334 },
      bd09: { latitude: 31.826790506073646, longitude: 117.12844898451473 },
      accuracy: 550,
      fixType: 'LBS',
      hdop: null,
      altitude: null,
      satellites: null,
      speed: null,
      locatedAt: new Date(1749262713572),
      reportedAt: new Date(1749262714000),
    });
  });

  it('should leave a coordinate system null when half of it is missing', () => {
    expect(toDeviceLocation({ wgsLat: 1, wgsLng: null, satellites: '7', hdop: '0.9' })).toMatchObject({ wgs84: null, satellites: 7, hdop: 0.9 });
  });
});
