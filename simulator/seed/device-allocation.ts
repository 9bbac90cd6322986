import type { Random } from './random';

/** How many devices each product gets, and how gateway devices split their sub-devices. */
export interface DeviceAllocation {
  meter: number;
  plug: number;
  waterMeter: number;
  tracker: number;
  /** One entry per gateway: its number of sub-devices (5..50 each). */
  gateways: number[];
}

const MIN_SUBS = 5;
const MAX_SUBS = 50;
const GATEWAY_WITH_MIN_SUBS = 1 + MIN_SUBS;

/**
 * Splits `deviceCount` over the products the SaaS app can see so their totals match exactly: ~42 % direct
 * devices, the rest gateways plus their sub-devices. The tracker product is not authorized to the app, so its
 * devices (~3 % more) come on top: a caller listing every product sees exactly `deviceCount` devices.
 * Requires deviceCount >= MIN_DEVICE_COUNT so two gateways always fit.
 */
export function allocateDevices(deviceCount: number, random: Random): DeviceAllocation {
  const tracker = Math.max(1, Math.round(deviceCount * 0.03));
  const meter = Math.max(1, Math.round(deviceCount * 0.18));
  const plug = Math.max(1, Math.round(deviceCount * 0.14));
  const waterMeter = Math.max(1, Math.round(deviceCount * 0.07));
  let budget = deviceCount - meter - plug - waterMeter;

  const gateways: number[] = [];
  while (budget >= GATEWAY_WITH_MIN_SUBS) {
    // The first gateway leaves room for a second so both gateway products get one.
    const reserve = gateways.length === 0 ? GATEWAY_WITH_MIN_SUBS : 0;
    let subs = random.int(MIN_SUBS, Math.min(MAX_SUBS, budget - 1 - reserve));
    const rest = budget - 1 - subs;
    // Never leave a remainder too small for another gateway with its minimum of sub-devices.
    if (reserve === 0 && rest > 0 && rest < GATEWAY_WITH_MIN_SUBS) {
      subs = subs + rest <= MAX_SUBS ? subs + rest : subs - (GATEWAY_WITH_MIN_SUBS - rest);
    }
    gateways.push(subs);
    budget -= 1 + subs;
  }
  return { meter: meter + budget, plug, waterMeter, tracker, gateways };
}
