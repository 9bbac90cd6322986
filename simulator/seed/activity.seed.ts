import { SEED_WORKER, snowflake } from '../store/snowflake';
import type { Device, Product } from '../store/store.types';
import { seedEvents } from './event-history.seed';
import { seedLocation } from './location.seed';
import { seedMessages } from './message-history.seed';
import { Random } from './random';

/**
 * Message log, event log and location of every device. Each device draws from its own PRNG stream
 * (seed x device id), so this adds history without shifting a single value of the rest of the seed.
 */
export function seedActivity(seed: number, products: Product[], devices: Device[]): void {
  const productByKey = new Map(products.map((p) => [p.productKey, p]));
  const perMillisecond = new Map<number, number>();
  const ticket = (at: number) => {
    const sequence = perMillisecond.get(at) ?? 0;
    perMillisecond.set(at, sequence + 1);
    return snowflake(at, SEED_WORKER, sequence);
  };
  for (const device of devices) {
    const product = productByKey.get(device.productKey) as Product;
    const random = new Random((seed ^ Math.imul(device.id, 0x9e3779b1)) >>> 0);
    seedMessages(device, product, random, ticket);
    seedEvents(device, product, random, ticket);
    seedLocation(device, product.role, random, ticket);
  }
}
