import Keyv from 'keyv';
import { SharedReadCache, type SharedReadTtls } from '../../src/datasources/platform/shared-read-cache';

const ON: SharedReadTtls = { products: 60_000, thingModels: 60_000, devices: 60_000 };
const detail = (deviceKey: string) => ({ endpoint: 'device.detail', query: { productKey: 'P1', deviceKey } });

function setup(ttls: SharedReadTtls = ON, store = new Keyv()) {
  const outcomes: string[] = [];
  const cache = new SharedReadCache({ store, ttls, observe: (e) => outcomes.push(`${e.endpoint} ${e.outcome}`) });
  let calls = 0;
  const load = (value: string) => async () => {
    calls += 1;
    return { data: { value } };
  };
  return { cache, outcomes, load, calls: () => calls, store };
}

describe('SharedReadCache', () => {
  it('should answer the second read of a device from the store', async () => {
    const { cache, load, calls, outcomes } = setup();
    await cache.read(detail('D1'), load('a'));
    await expect(cache.read(detail('D1'), load('b'))).resolves.toEqual({ data: { value: 'a' } });
    expect(calls()).toBe(1);
    expect(outcomes).toEqual(['device.detail miss', 'device.detail hit']);
  });

  it('should not cache a kind whose TTL is 0, nor endpoints it does not know', async () => {
    const { cache, load, calls } = setup({ ...ON, devices: 0 });
    await cache.read(detail('D1'), load('a'));
    await cache.read(detail('D1'), load('a'));
    await cache.read({ endpoint: 'device.overview', query: { productKey: 'P1' } }, load('a'));
    await cache.read({ endpoint: 'device.overview', query: { productKey: 'P1' } }, load('a'));
    expect(calls()).toBe(4);
  });

  it('should let concurrent identical reads share one load', async () => {
    const { cache, load, calls, outcomes } = setup();
    const answers = await Promise.all([1, 2, 3].map(() => cache.read(detail('D1'), load('a'))));
    expect(answers).toEqual([1, 2, 3].map(() => ({ data: { value: 'a' } })));
    expect(calls()).toBe(1);
    expect(outcomes.filter((o) => o.endsWith('joined'))).toHaveLength(2);
  });

  it('should drop the devices a write names, from its body rows', async () => {
    const { cache, load, calls } = setup();
    await cache.read(detail('D1'), load('a'));
    await cache.read(detail('D2'), load('a'));
    await cache.read({ endpoint: 'product.detail', query: { productKey: 'P1' } }, load('p'));
    await cache.invalidateAfterWrite({ endpoint: 'device.updateBatch', body: { productKey: 'P1', devices: [{ deviceKey: 'D2', deviceName: 'x' }] } });
    await cache.read(detail('D1'), load('b'));
    await expect(cache.read(detail('D2'), load('b'))).resolves.toEqual({ data: { value: 'b' } });
    await cache.read({ endpoint: 'product.detail', query: { productKey: 'P1' } }, load('q'));
    expect(calls()).toBe(4);
  });

  it('should drop a product and its thing model after a write that names only the product', async () => {
    const { cache, load } = setup();
    await cache.read({ endpoint: 'product.detail', query: { productKey: 'P1' } }, load('p'));
    await cache.read({ endpoint: 'tsl.export', query: { productKey: 'P1' } }, load('t'));
    await cache.invalidateAfterWrite({ endpoint: 'product.update', query: { productKey: 'P1' } });
    await expect(cache.read({ endpoint: 'product.detail', query: { productKey: 'P1' } }, load('p2'))).resolves.toEqual({ data: { value: 'p2' } });
    await expect(cache.read({ endpoint: 'tsl.export', query: { productKey: 'P1' } }, load('t2'))).resolves.toEqual({ data: { value: 't2' } });
  });

  it('should not store an answer whose entry was invalidated while it was loading', async () => {
    const { cache, load } = setup();
    let finish!: () => void;
    const slow = cache.read(detail('D1'), async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      return { data: { value: 'before the write' } };
    });
    await new Promise((resolve) => setImmediate(resolve));
    await cache.invalidateDevice('P1', 'D1');
    finish();
    await slow;
    await expect(cache.read(detail('D1'), load('after the write'))).resolves.toEqual({ data: { value: 'after the write' } });
  });

  it('should expire entries after their TTL', async () => {
    jest.useFakeTimers();
    try {
      const { cache, load, calls } = setup({ ...ON, devices: 1000 });
      await cache.read(detail('D1'), load('a'));
      jest.advanceTimersByTime(1001);
      await cache.read(detail('D1'), load('b'));
      expect(calls()).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('should treat a failing store as a miss, never an error', async () => {
    const broken = new Keyv({
      store: {
        get: async () => {
          throw new Error('redis down');
        },
        set: async () => {
          throw new Error('redis down');
        },
        delete: async () => false,
        clear: async () => undefined,
        on() {
          return this;
        },
      },
    });
    const { cache, load, calls } = setup(ON, broken);
    await expect(cache.read(detail('D1'), load('a'))).resolves.toEqual({ data: { value: 'a' } });
    await expect(cache.invalidateDevice('P1', 'D1')).resolves.toBeUndefined();
    expect(calls()).toBe(1);
  });
});
