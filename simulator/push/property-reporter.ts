import type { Clock } from '../clock';
import { Random } from '../seed/random';
import { randomValue } from '../seed/tsl-value.seed';
import type { SimulatorStore } from '../store/simulator.store';
import type { Device } from '../store/store.types';
import { encodeFeatureValues, packetOf } from '../thing-model/dm-data';
import { CMD_REPORT } from '../thing-model/packet-commands';
import { readableProperties } from '../thing-model/tsl-lookup';

/** Messages kept per device once reports keep arriving; the oldest go first, like a platform's retention. */
const MAX_MESSAGES_PER_DEVICE = 500;

/** What the reporter needs of the push side: a MATTR/REPORT uplink (§9.3) for one device. */
export interface ReportSink {
  readonly active: boolean;
  deviceReport(productKey: string, deviceKey: string, kv: Record<string, unknown>, at: number): Promise<number>;
}

/**
 * Devices reporting on their own, as real ones do: every round, each online device of a thing-model product reports
 * 1-3 readable properties with new values that fit its thing model. A report lands where the platform would put
 * it: the device's latest values, its message history (an uplink 0x0012 packet), and the push channel. Rounds run
 * every `intervalMs` once started; 0 never schedules one. Rounds are skipped while nobody consumes pushed messages,
 * so a simulator nobody watches stays as seeded.
 */
export class PropertyReporter {
  private timer: NodeJS.Timeout | undefined;
  private readonly random: Random;

  constructor(
    private readonly deps: { store: SimulatorStore; clock: Clock; sink: ReportSink; seed: number },
    private readonly intervalMs: number,
  ) {
    this.random = new Random(deps.seed ^ 0x5eed);
  }

  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.round().catch((error: unknown) => console.error('[simulator] property reports failed', error));
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One round now; resolves with how many devices reported. */
  async round(): Promise<number> {
    if (!this.deps.sink.active) return 0;
    const reports: Array<Promise<number>> = [];
    for (const product of this.deps.store.authorizedProducts()) {
      if (!product.tsl) continue;
      const readable = readableProperties(product.tsl);
      if (readable.length === 0) continue;
      for (const device of this.deps.store.devices(product.productKey)) {
        if (device.deviceStatus !== 1) continue;
        reports.push(this.report(device, readable));
      }
    }
    await Promise.all(reports);
    return reports.length;
  }

  private report(device: Device, readable: ReturnType<typeof readableProperties>): Promise<number> {
    const at = this.deps.clock.now();
    const chosen = [...new Set(Array.from({ length: this.random.int(1, 3) }, () => this.random.pick(readable)))];
    const values = chosen.map((property) => ({ property, value: randomValue(property.dataType, property.specs, this.random, at) }));
    const kv: Record<string, unknown> = {};
    for (const { property, value } of values) {
      device.latestProperties.set(property.code, { value, time: at });
      kv[property.code] = value;
    }
    const dmData = encodeFeatureValues(values.map(({ property, value }) => ({ feature: property, value })));
    device.messages.push({ ticket: this.deps.store.nextTicket(at), direction: 1, cmd: CMD_REPORT, sendStatus: 1, at, raw: packetOf(dmData), dmData });
    if (device.messages.length > MAX_MESSAGES_PER_DEVICE) device.messages.splice(0, device.messages.length - MAX_MESSAGES_PER_DEVICE);
    // The same time in the history entry, the latest values and the pushed message, as on the platform.
    return this.deps.sink.deviceReport(device.productKey, device.deviceKey, kv, at);
  }
}
