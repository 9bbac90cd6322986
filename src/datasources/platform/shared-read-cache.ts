import type Keyv from 'keyv';
import { settleWithin } from '../../timeout';

/** What the cache needs of a platform request (PlatformClient's `ReadRequest` fits). */
export interface ReadRequest {
  endpoint: string;
  query?: Readonly<Record<string, unknown>>;
  body?: unknown;
}

/** The reads that may be shared across requests and replicas: what rarely changes, each with its own TTL. */
export interface SharedReadTtls {
  /** `product.detail`, ms; 0 = not cached. */
  readonly products: number;
  /** `tsl.export` (thing models), ms; 0 = not cached. */
  readonly thingModels: number;
  /** `device.detail`, ms; 0 = not cached. */
  readonly devices: number;
}

export interface SharedReadCacheOptions {
  store: Keyv;
  ttls: SharedReadTtls;
  /** Longest wait for the store, ms; slower counts as a miss (a platform call, never an error). Default 500. */
  storeTimeoutMs?: number;
  /** Called once per cached read with where its answer came from. */
  observe?: (event: { endpoint: string; outcome: 'hit' | 'miss' | 'joined' }) => void;
}

/** Query parameters that name the entity a cached read is about; the cache key is built from them alone. */
const ENTITY_PARAMS = ['productKey', 'deviceKey'] as const;

/**
 * Answers the reads of what rarely changes (products, thing models, device details) from the shared keyv (Redis when
 * configured, so every replica shares them) for a configured TTL, and lets concurrent identical reads in this process
 * share one platform call. Opt-in per kind: with every TTL at 0 it is a pass-through.
 *
 * Writes invalidate: after any write (even a failed one: it may have been carried out) the details of the devices its
 * query or body names are dropped or, for a write that names a `productKey` and no device, the product and its thing
 * model; `invalidateDevice` does the same for a change the push channel reports. A read already in flight when its entry is invalidated is not stored. What a
 * write does not name (rare: a platform-side change nobody reported) is stale for at most its TTL.
 *
 * Every store failure counts as a miss. Safe to share between callers: the platform answers these reads the same for
 * every caller (one service account), and what a caller may see is decided above, in the graph.
 */
export class SharedReadCache {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  /** Bumped by an invalidation; a load started under an older generation does not store its answer. */
  private readonly generations = new Map<string, number>();
  private readonly ttlByEndpoint: ReadonlyMap<string, number>;

  constructor(private readonly options: SharedReadCacheOptions) {
    const { ttls } = options;
    this.ttlByEndpoint = new Map([
      ['product.detail', ttls.products],
      ['tsl.export', ttls.thingModels],
      ['device.detail', ttls.devices],
    ]);
  }

  /** Whether any kind is cached at all. */
  get enabled(): boolean {
    return [...this.ttlByEndpoint.values()].some((ttl) => ttl > 0);
  }

  /** `load` unless the answer is cached or being loaded; stores what `load` answers for the endpoint's TTL. */
  read<T extends object>(request: ReadRequest, load: () => Promise<T>): Promise<T> {
    const ttl = this.ttlByEndpoint.get(request.endpoint) ?? 0;
    if (ttl <= 0) return load();
    const key = cacheKey(request.endpoint, request.query);
    const pending = this.inFlight.get(key);
    if (pending) {
      this.options.observe?.({ endpoint: request.endpoint, outcome: 'joined' });
      return pending as Promise<T>;
    }
    const loading = this.lookUpOrLoad(request.endpoint, key, ttl, load).finally(() => {
      if (this.inFlight.get(key) === loading) this.inFlight.delete(key);
    });
    this.inFlight.set(key, loading);
    return loading;
  }

  /**
   * Drops what a write may have changed: the devices its query or body names or, when it names no device, the
   * product (a device write names its product only to address the device).
   */
  async invalidateAfterWrite(request: ReadRequest): Promise<void> {
    if (!this.enabled) return;
    const named = namedEntities(request);
    await Promise.all(
      named.devices.length > 0
        ? named.devices.map(([productKey, deviceKey]) => this.invalidateDevice(productKey, deviceKey))
        : [...named.products].map((productKey) => this.invalidateProduct(productKey)),
    );
  }

  /** Drops one device's cached detail (a change reported by the push channel, or made through us). */
  invalidateDevice(productKey: string, deviceKey: string): Promise<void> {
    return this.drop([cacheKey('device.detail', { productKey, deviceKey })]);
  }

  /** Drops a product's cached detail and thing model. */
  invalidateProduct(productKey: string): Promise<void> {
    return this.drop([cacheKey('product.detail', { productKey }), cacheKey('tsl.export', { productKey })]);
  }

  private async lookUpOrLoad<T extends object>(endpoint: string, key: string, ttl: number, load: () => Promise<T>): Promise<T> {
    const generation = this.generations.get(key) ?? 0;
    const cached = await this.bounded(() => this.options.store.get<T>(key), undefined);
    if (cached && typeof cached === 'object') {
      this.options.observe?.({ endpoint, outcome: 'hit' });
      return cached;
    }
    this.options.observe?.({ endpoint, outcome: 'miss' });
    const fresh = await load();
    if ((this.generations.get(key) ?? 0) === generation) {
      await this.bounded(() => this.options.store.set(key, fresh, ttl), false);
    }
    return fresh;
  }

  private async drop(keys: string[]): Promise<void> {
    for (const key of keys) {
      this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
      this.inFlight.delete(key);
    }
    await Promise.all(keys.map((key) => this.bounded(() => this.options.store.delete(key), false)));
  }

  private bounded<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    return settleWithin(work, this.options.storeTimeoutMs ?? 500, fallback);
  }
}

/** `read:<endpoint>:<productKey>:<deviceKey>`: the cached reads are identified by their entity keys alone. */
function cacheKey(endpoint: string, query: ReadRequest['query']): string {
  const parts = ENTITY_PARAMS.map((name) => String(query?.[name] ?? ''));
  return `read:${endpoint}:${parts.map(encodeURIComponent).join(':')}`;
}

/** Every productKey, and every (productKey, deviceKey) pair, a write's query or body names, searched two levels deep. */
function namedEntities(request: ReadRequest): { products: Set<string>; devices: Array<[string, string]> } {
  const products = new Set<string>();
  const devices: Array<[string, string]> = [];
  const visit = (value: unknown, inheritedProduct: string | undefined, depth: number) => {
    if (depth > 3 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, inheritedProduct, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const productKey = typeof record.productKey === 'string' ? record.productKey : inheritedProduct;
    if (productKey) products.add(productKey);
    const deviceKeys = [record.deviceKey, record.deviceKeys, record.devices].flatMap((v) => (Array.isArray(v) ? v : [v]));
    for (const deviceKey of deviceKeys) {
      if (productKey && typeof deviceKey === 'string') devices.push([productKey, deviceKey]);
    }
    for (const nested of Object.values(record)) visit(nested, productKey, depth + 1);
  };
  visit(request.query ?? {}, undefined, 0);
  visit(request.body ?? {}, typeof request.query?.productKey === 'string' ? request.query.productKey : undefined, 0);
  return { products, devices };
}
