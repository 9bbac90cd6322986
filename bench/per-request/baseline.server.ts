import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import DataLoader from 'dataloader';
import { GraphQLError, parse } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { signLogin } from '../../src/auth/signing';

/**
 * The yardstick: the subgraph a competent engineer would write by hand for the operations the per-request bench
 * runs, with plain `@apollo/server` (standalone, its defaults), `@apollo/subgraph`, DataLoader and built-in fetch.
 * It makes the same upstream calls as quec-graph (the tables check it): one product detail per product, the first
 * device list page of 100, one current-gateway lookup per listed sub-device, `_entities` planned per product.
 * None of quec-graph's extras: no auth, scopes, cost check, metrics, request log, retries, breakers or timeouts.
 */

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  scalar DateTime
  enum DeviceStatus { ONLINE OFFLINE }
  enum AccessType { DIRECT GATEWAY SUB_DEVICE }
  enum DataFormat { THING_MODEL TRANSPARENT }
  type Query {
    product(productKey: String!): Product
    device(productKey: String!, deviceKey: String!): Device
    devices(productKey: String!, first: Int! = 20, after: String): DeviceConnection!
  }
  type Product @key(fields: "productKey") {
    productKey: String!
    name: String!
    accessType: AccessType!
    dataFormat: DataFormat!
    createdAt: DateTime
    updatedAt: DateTime
    devices(first: Int! = 20, after: String): DeviceConnection!
  }
  type Device @key(fields: "productKey deviceKey") {
    productKey: String!
    deviceKey: String!
    name: String
    sn: String
    status: DeviceStatus!
    activated: Boolean!
    verified: Boolean!
    virtual: Boolean!
    createdAt: DateTime
    updatedAt: DateTime
    activatedAt: DateTime
    firstConnectedAt: DateTime
    lastConnectedAt: DateTime
    lastOfflineAt: DateTime
    product: Product!
    gateway: Device
  }
  type DeviceConnection { edges: [DeviceEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type DeviceEdge { cursor: String! node: Device! }
  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
`);

const PAGE_SIZE = 100;

type Row = Record<string, any>;
interface Ref {
  productKey: string;
  deviceKey: string;
}

class Upstream {
  private token = '';

  constructor(
    private readonly baseUrl: string,
    private readonly credentials: { accessKey: string; accessSecret: string },
  ) {}

  async login(): Promise<void> {
    const query = new URLSearchParams({ ...signLogin(this.credentials, Date.now()) });
    const response = await fetch(`${this.baseUrl}/v2/quecauth/accessKeyAuthrize/accessKeyLogin?${query}`);
    const body = (await response.json()) as { access_token: string };
    this.token = body.access_token;
  }

  async get(path: string, query: Record<string, string | number>): Promise<Row> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) search.set(name, String(value));
    const response = await fetch(`${this.baseUrl}${path}?${search}`, { headers: { Authorization: this.token, Accept: 'application/json' } });
    const body = (await response.json()) as Row;
    if (body.code !== 200) throw Object.assign(new GraphQLError(String(body.msg)), { upstreamCode: body.code });
    return body;
  }
}

const date = (value: unknown) => (value === null || value === undefined || value === '' ? null : new Date(Number(value)));

function toDevice(row: Row) {
  return {
    productKey: row.productKey,
    deviceKey: row.deviceKey,
    name: row.deviceName ?? null,
    sn: row.sn || null,
    status: row.deviceStatus === 1 ? 'ONLINE' : 'OFFLINE',
    activated: row.isActived === 1,
    verified: row.isVerified === 1,
    virtual: row.isVirtual === 1,
    createdAt: date(row.createTime),
    updatedAt: date(row.updateTime),
    activatedAt: date(row.activedTime),
    firstConnectedAt: date(row.firstConnTime),
    lastConnectedAt: date(row.lastConnTime),
    lastOfflineAt: date(row.lastOfflineTime),
  };
}

function toProduct(row: Row) {
  return {
    productKey: row.productKey,
    name: row.productName,
    accessType: (['DIRECT', 'GATEWAY', 'SUB_DEVICE'] as const)[row.accessType ?? 0] ?? 'DIRECT',
    dataFormat: row.dataFmt === 3 ? 'THING_MODEL' : 'TRANSPARENT',
    createdAt: date(row.createTime),
    updatedAt: date(row.updateTime),
  };
}

const refKey = (ref: Ref) => `${ref.productKey}/${ref.deviceKey}`;
const cursor = (offset: number) => Buffer.from(`v1:devices:${offset}`).toString('base64url');

function loaders(upstream: Upstream) {
  const product = new DataLoader<string, Row | null>((keys) =>
    Promise.all(
      keys.map((productKey) =>
        upstream.get('/v2/quecproductmgr/r3/openapi/product/detail', { productKey }).then(
          (body) => body.data as Row,
          () => null,
        ),
      ),
    ),
  );
  const devicePage = new DataLoader<string, Row>((keys) =>
    Promise.all(
      keys.map((productKey) =>
        upstream.get('/v2/devicemgr/r3/openapi/product/device/overview', { productKey, pageNum: 1, pageSize: PAGE_SIZE }).catch((e: Error) => e),
      ),
    ),
  );
  // Upstream has no multi-device detail: up to two devices of a product by detail calls, more from its list page.
  const device = new DataLoader<Ref, Row | null, string>(
    async (refs) => {
      const found = new Map<string, Row>();
      const byProduct = new Map<string, Ref[]>();
      for (const ref of refs) byProduct.set(ref.productKey, [...(byProduct.get(ref.productKey) ?? []), ref]);
      await Promise.all(
        [...byProduct].map(async ([productKey, wanted]) => {
          if (wanted.length <= 2) {
            await Promise.all(
              wanted.map((ref) =>
                upstream.get('/v2/devicemgr/r3/openapi/device/detail', { ...ref }).then(
                  (body) => found.set(refKey(ref), body.data),
                  () => undefined,
                ),
              ),
            );
            return;
          }
          const page = await devicePage.load(productKey);
          for (const row of page.data as Row[]) found.set(refKey(row as Ref), row);
        }),
      );
      return refs.map((ref) => found.get(refKey(ref)) ?? null);
    },
    { cacheKeyFn: refKey },
  );
  const gateway = new DataLoader<Ref, Row | null, string>(
    (refs) =>
      Promise.all(
        refs.map((ref) =>
          upstream.get('/v2/devicemgr/r1/openapi/product/gateway/getGatewayProductByChildDevice', { ...ref }).then(
            (body) => body.data as Row,
            () => null,
          ),
        ),
      ),
    { cacheKeyFn: refKey },
  );
  return { product, devicePage, device, gateway };
}

interface Context {
  loaders: ReturnType<typeof loaders>;
}

async function deviceConnection(productKey: string, first: number, after: string | undefined, ctx: Context) {
  if (first < 1 || first > 100) throw new GraphQLError('first must be 1 to 100', { extensions: { code: 'BAD_USER_INPUT' } });
  const start = after ? Number(Buffer.from(after, 'base64url').toString().split(':')[2]) + 1 : 0;
  if (start + first > PAGE_SIZE) throw new GraphQLError('the baseline reads the first upstream page only');
  const page = await ctx.loaders.devicePage.load(productKey);
  const rows = (page.data as Row[]).slice(start, start + first);
  const edges = rows.map((row, i) => ({ cursor: cursor(start + i), node: toDevice(row) }));
  return {
    edges,
    totalCount: page.total,
    pageInfo: {
      hasNextPage: start + rows.length < page.total,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

const resolvers = {
  DateTime: DateTimeResolver,
  Query: {
    product: async (_: unknown, { productKey }: { productKey: string }, ctx: Context) => {
      const row = await ctx.loaders.product.load(productKey);
      return row ? toProduct(row) : null;
    },
    device: async (_: unknown, ref: Ref, ctx: Context) => {
      const row = await ctx.loaders.device.load({ productKey: ref.productKey, deviceKey: ref.deviceKey });
      return row ? toDevice(row) : null;
    },
    devices: (_: unknown, args: { productKey: string; first: number; after?: string }, ctx: Context) =>
      deviceConnection(args.productKey, args.first, args.after, ctx),
  },
  Product: {
    __resolveReference: async (ref: { productKey: string }, ctx: Context) => {
      const row = await ctx.loaders.product.load(ref.productKey);
      return row ? toProduct(row) : null;
    },
    devices: (product: { productKey: string }, args: { first: number; after?: string }, ctx: Context) =>
      deviceConnection(product.productKey, args.first, args.after, ctx),
  },
  Device: {
    __resolveReference: async (ref: Ref, ctx: Context) => {
      const row = await ctx.loaders.device.load({ productKey: ref.productKey, deviceKey: ref.deviceKey });
      return row ? toDevice(row) : null;
    },
    product: async (device: Ref, _: unknown, ctx: Context) => {
      const row = await ctx.loaders.product.load(device.productKey);
      if (!row) throw new GraphQLError(`Product ${device.productKey} does not exist`);
      return toProduct(row);
    },
    gateway: async (device: Ref, _: unknown, ctx: Context) => {
      const product = await ctx.loaders.product.load(device.productKey);
      if (product?.accessType !== 2) return null;
      const ref = await ctx.loaders.gateway.load({ productKey: device.productKey, deviceKey: device.deviceKey });
      return ref ? { productKey: ref.productKey, deviceKey: ref.deviceKey, name: ref.deviceName ?? null } : null;
    },
  },
};

/** Starts the baseline on 127.0.0.1 (ephemeral port) against `baseUrl`; resolves with its URL once it has a token. */
export async function startBaselineServer(baseUrl: string, credentials: { accessKey: string; accessSecret: string }): Promise<string> {
  const upstream = new Upstream(baseUrl, credentials);
  await upstream.login();
  const server = new ApolloServer<Context>({
    schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }),
    nodeEnv: 'production',
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async () => ({ loaders: loaders(upstream) }),
  });
  return url.replace(/\/$/, '');
}
