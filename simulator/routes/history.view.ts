import type { Device, DeviceEventRecord, DeviceMessage } from '../store/store.types';

/**
 * "DeviceData" (§6.5): times as ms strings; `id`, `productId` and `deviceId` null as in the reference example;
 * `sourceType` "MODE" and `dataType` "BASE64" throughout.
 */
export function toDeviceData(device: Device, message: DeviceMessage): Record<string, unknown> {
  const at = String(message.at);
  return {
    id: null,
    ticket: message.ticket,
    productKey: device.productKey,
    productId: null,
    deviceKey: device.deviceKey,
    deviceId: null,
    direction: message.direction,
    msgType: message.direction === 1 ? 'up' : 'down',
    cmd: message.cmd,
    sourceType: 'MODE',
    dataType: 'BASE64',
    data: message.raw,
    dmData: message.dmData,
    sendStatus: message.sendStatus,
    sendTime: at,
    createTime: at,
    updateTime: at,
    extData: null,
  };
}

/** "DeviceEventVO" (§6.5): `id` repeats the ticket as in the example; `extData` is `{}`. */
export function toDeviceEvent(device: Device, event: DeviceEventRecord): Record<string, unknown> {
  return {
    id: event.ticket,
    ticket: event.ticket,
    productKey: device.productKey,
    deviceKey: device.deviceKey,
    eventType: event.eventType,
    eventCode: event.eventCode,
    eventName: event.eventName,
    outputData: event.outputData,
    abId: event.abId,
    packetId: null,
    extData: {},
    createTime: String(event.at),
  };
}
