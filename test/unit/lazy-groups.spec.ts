import { lazyGroups } from '../../src/datasources/lazy-groups';
import { createLoaders } from '../../src/datasources/loaders';
import { createApis } from '../../src/datasources/apis';
import type { PlatformClient } from '../../src/datasources/platform/platform-client';
import type { DeviceApi } from '../../src/datasources/devices/device.api';
import type { ProductApi } from '../../src/datasources/catalog/product.api';

interface Things {
  a: { from: string };
  b: { from: string };
  c: { from: string };
}

describe('lazyGroups', () => {
  function counted() {
    const builds: string[] = [];
    const Things = lazyGroups<[string], Things>(
      [
        (tag) => {
          builds.push(`ab:${tag}`);
          return { a: { from: tag }, b: { from: tag } };
        },
        (tag) => {
          builds.push(`c:${tag}`);
          return { c: { from: tag } };
        },
      ],
      ['sample'],
    );
    builds.length = 0;
    return { Things, builds };
  }

  it('should build nothing until a property is read', () => {
    const { Things, builds } = counted();
    new Things('request-1');
    expect(builds).toEqual([]);
  });

  it('should build a group once, on the first read of any of its properties, from the instance arguments', () => {
    const { Things, builds } = counted();
    const things = new Things('request-1');
    const a = things.a;
    expect(a).toEqual({ from: 'request-1' });
    expect(things.b).toEqual({ from: 'request-1' });
    expect(things.a).toBe(a);
    expect(builds).toEqual(['ab:request-1']);
  });

  it('should keep instances apart', () => {
    const { Things, builds } = counted();
    const first = new Things('request-1');
    const second = new Things('request-2');
    expect(first.c).not.toBe(second.c);
    expect(second.c).toEqual({ from: 'request-2' });
    expect(builds).toEqual(['c:request-1', 'c:request-2']);
  });

  it('should list every property, as a plain object would', () => {
    const { Things } = counted();
    expect(Object.keys(Object.getPrototypeOf(new Things('x'))).sort()).toEqual(['a', 'b', 'c']);
  });

  it('should refuse two groups that build the same property', () => {
    expect(() => lazyGroups<[], Things>([() => ({ a: { from: '1' } }), () => ({ a: { from: '2' } })], [])).toThrow(/"a" is built by groups 0 and 1/);
  });
});

describe('per-request loaders and datasources', () => {
  it('should build each loader once per request and keep requests apart', () => {
    const apis = createApis({} as PlatformClient);
    const first = createLoaders(apis, 100);
    const second = createLoaders(apis, 100);
    expect(first.deviceByKey).toBe(first.deviceByKey);
    expect(first.deviceByKey).not.toBe(second.deviceByKey);
  });

  it('should build loaders over the request datasources', async () => {
    const getProduct = jest.fn(async (productKey: string) => ({ productKey, productName: 'P' }));
    const apis = createApis({} as PlatformClient, undefined, { products: { getProduct } as unknown as ProductApi });
    const loaders = createLoaders(apis, 100);
    await expect(Promise.all([loaders.productByKey.load('p1'), loaders.productByKey.load('p1')])).resolves.toEqual([
      { productKey: 'p1', productName: 'P' },
      { productKey: 'p1', productName: 'P' },
    ]);
    expect(getProduct).toHaveBeenCalledTimes(1);
  });

  it('should build datasources over the given client and let an override take a datasource place', () => {
    const fake = { getDevice: jest.fn() } as unknown as DeviceApi;
    const apis = createApis({} as PlatformClient, undefined, { devices: fake });
    expect(apis.devices).toBe(fake);
    expect(apis.products).toBe(apis.products);
    expect(apis.products.constructor.name).toBe('HttpProductApi');
  });
});
