import type { DeviceResult, DownlinkAnnouncement } from '../routes/downlink.delivery';
import type { SimulatorStore } from '../store/simulator.store';
import type { Device } from '../store/store.types';
import { originOf } from './device-origin';
import type { PushIds, PushMessage } from './push-message';

/**
 * §9.4 downlink traffic for the devices a command actually reached: the downlink message and its REQACK carry the
 * ticket the OpenAPI answer returned; a read is followed by the device's READRESP with its current values (a new
 * ticket: it is the device's own uplink [INFERRED]). A command cached for an offline device has not been sent, so it
 * shows nothing yet [INFERRED]; a service call's later MSERV/OUTPUT is not simulated.
 */
export function downlinkMessages(
  store: SimulatorStore,
  announcement: DownlinkAnnouncement,
  results: DeviceResult[],
  now: number,
  ids: PushIds,
): PushMessage[] {
  const messages: PushMessage[] = [];
  for (const result of results) {
    const device = result.ticket === null ? undefined : store.device(result.productKey, result.deviceKey);
    if (!device || !wasSent(device, result.ticket as string)) continue;
    const common = { ...originOf(store, device), createdAt: now, ticket: result.ticket as string };
    const reqAck: PushMessage = { type: 'REQACK', ...common, data: { sentAt: now, status: 'succ' } };
    switch (announcement.kind) {
      case 'read':
        messages.push({ type: 'MATTR', subtype: 'READ', ...common, data: { keys: announcement.codes } }, reqAck, {
          type: 'MATTR',
          subtype: 'READRESP',
          ...common,
          ticket: ids.ticket(),
          data: { packetId: ids.packetId(), kv: currentValues(device, announcement.codes) },
        });
        break;
      case 'write':
        messages.push({ type: 'MATTR', subtype: 'WRITE', ...common, data: { kv: announcement.kv } }, reqAck);
        break;
      case 'service':
        for (const call of announcement.calls) {
          messages.push({ type: 'MSERV', subtype: 'INPUT', ...common, data: { packetId: ids.packetId(), code: call.code, kv: call.kv } });
        }
        messages.push(reqAck);
        break;
      case 'raw':
        messages.push({ type: 'RAW', subtype: 'DOWNLINK', ...common, data: { raw: announcement.raw } }, reqAck);
        break;
    }
  }
  return messages;
}

/** Sent at once (1), not cached for later (0): see deliver(). */
function wasSent(device: Device, ticket: string): boolean {
  for (let i = device.messages.length - 1; i >= 0; i -= 1) {
    if (device.messages[i].ticket === ticket) return device.messages[i].sendStatus === 1;
  }
  return false;
}

function currentValues(device: Device, codes: string[]): Record<string, unknown> {
  const kv: Record<string, unknown> = {};
  for (const code of codes) {
    const sample = device.latestProperties.get(code);
    if (sample !== undefined) kv[code] = sample.value;
  }
  return kv;
}
