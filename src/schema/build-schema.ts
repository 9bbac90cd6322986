import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, createResolversMap } from 'type-graphql';
import { ProductResolver } from '../resolvers/product.resolver';
import { DeviceResolver } from '../resolvers/device.resolver';
import { DeviceDataResolver } from '../resolvers/device-data.resolver';
import { CommandResolver } from '../resolvers/command.resolver';
import { DeviceLifecycleResolver } from '../resolvers/device-lifecycle.resolver';
import { PushMessageResolver } from '../resolvers/push-message.resolver';
import { resolveDeviceReference } from '../resolvers/device.reference';
import { resolveProductReference } from '../resolvers/product.reference';
import { ADMIN_RESOLVERS, addAdminReferenceResolvers } from './admin.schema';

/**
 * Federation 2 features this subgraph imports; keep in step with the directives used on types. 2.4 is the first
 * version whose composition accepts a `Subscription` root in a subgraph (Apollo Router subscription docs).
 */
const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.4", import: ["@key", "@shareable"])';

/**
 * type-graphql insists on a PubSub as soon as a `@Subscription` exists, even when every subscription brings its own
 * `subscribe` (ours read from the push hub in the context). Nothing publishes or subscribes by topic.
 */
const NO_TOPICS = {
  publish(): void {
    throw new Error('topic-based subscriptions are not used; deviceMessages subscribes through the push hub');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('topic-based subscriptions are not used; deviceMessages subscribes through the push hub');
  },
};

let built: Promise<GraphQLSchema> | undefined;

/**
 * Builds the type-graphql schema, then re-builds it as an Apollo subgraph so `_service` and `_entities` exist,
 * merging the entity reference resolvers in. Built once per process (the federation validation alone takes about a
 * second; tests create many apps); the result is immutable, and Apollo Server's per-field plugin wrapping is
 * idempotent and reads its hooks from each request's context, so several servers can share it.
 */
export function buildFederatedSchema(): Promise<GraphQLSchema> {
  built ??= build().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}

async function build(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [ProductResolver, DeviceResolver, DeviceDataResolver, CommandResolver, DeviceLifecycleResolver, PushMessageResolver, ...ADMIN_RESOLVERS],
    validate: { forbidUnknownValues: false },
    pubSub: NO_TOPICS,
    // `DateTime` (RFC 3339) is the name federation peers and codegen configs expect, not type-graphql's `DateTimeISO`.
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    skipCheck: true,
  });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  resolvers.Device = { ...resolvers.Device, __resolveReference: resolveDeviceReference };
  resolvers.Product = { ...resolvers.Product, __resolveReference: resolveProductReference };
  addAdminReferenceResolvers(resolvers);
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolvers as never,
  });
}
