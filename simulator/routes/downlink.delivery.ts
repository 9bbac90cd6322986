import { messageFor } from '../http/error-codes';
import type { SimulatorStore } from '../store/simulator.store';
import type { Device, Product } from '../store/store.types';
import type { DownlinkOptions } from './downlink.request';

/** What a downlink command shows on the push channel (§9.3 rows 4, 6, 10). */
export type DownlinkAnnouncement =
  | { kind: 'read'; codes: string[] }
  | { kind: 'write'; kv: Record<string, unknown> }
  | { kind: 'service'; calls: Array<{ code: string; kv: Record<string, unknown> }> }
  | { kind: 'raw'; raw: string };

export interface DownlinkCommand {
  cmd: string | null;
  dmData: string | null;
  /** Base64 packet. */
  raw: string;
  /** What an online device does with the command once it arrives. */
  apply?(device: Device, at: number): void;
  /** How the command shows on the push channel (§9.4). */
  announce: DownlinkAnnouncement;
}

/** One `data[]` entry of a downlink answer (§6.5). */
export interface DeviceResult {
  code: number;
  productKey: string;
  deviceKey: string;
  /** null when nothing was sent [INFERRED]. */
  ticket: string | null;
  message: string | null;
}

/**
 * Per-device outcome, checked in this order [INFERRED]: unknown device 70130; sub-device whose gateway link is
 * down 70026 (§7, whatever isCache says); offline without isCache 61002. Whether these are per-device codes
 * under a top-level 200, as here, or top-level errors is UNCONFIRMED (§12 q3). An accepted command gets a
 * ticket, counts towards `commandsReceived` and joins the message log: sent (1) to an online device, which
 * applies it, or not yet sent (0) when cached for an offline one.
 */
export function deliver(
  store: SimulatorStore,
  product: Product | undefined,
  productKey: string,
  deviceKey: string,
  options: DownlinkOptions,
  command: DownlinkCommand,
  now: number,
): DeviceResult {
  const failed = (code: number): DeviceResult => ({ code, productKey, deviceKey, ticket: null, message: messageFor(code) });
  const device = product ? store.device(product.productKey, deviceKey) : undefined;
  if (!product || !device) return failed(70130);
  if (!product.authorized) return failed(70089);
  if (product.accessType === 2 && !store.currentGatewayOf(device)) return failed(70026);
  const online = device.deviceStatus === 1;
  if (!online && !options.isCache) return failed(61002);

  const ticket = store.nextTicket(now);
  device.commandsReceived += 1;
  device.messages.push({ ticket, direction: 2, cmd: command.cmd, sendStatus: online ? 1 : 0, at: now, raw: command.raw, dmData: command.dmData });
  if (online) command.apply?.(device, now);
  return { code: 200, productKey, deviceKey, ticket, message: null };
}
