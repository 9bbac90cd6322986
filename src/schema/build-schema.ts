import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { defaultFieldResolver, isObjectType, parse, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, createResolversMap, type AuthChecker, type NonEmptyArray } from 'type-graphql';
import { DETAIL_FIELD } from './detail-field';
import { guardEntities } from './entities-guard';
import { REQUIRED_SCOPES } from './requires-scope';
import type { Scope } from './scope';
import { withCostDirectives, type CostTable } from './cost';
import { validateArgs } from './validate-args';

/** Wraps the resolver of a field marked with `DetailField` so it can load the entity's detail first. */
// biome-ignore lint/suspicious/noExplicitAny: type-graphql and Apollo resolver signatures are untyped at this seam
export type DetailFieldWrapper = (resolve: GraphQLFieldResolver<any, any>) => GraphQLFieldResolver<any, any>;

/** What the graph serves, registered once in `resolvers/index.ts` and handed to the builder. */
export interface GraphResolvers {
  // biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as NonEmptyArray<Function>
  resolverClasses: NonEmptyArray<Function>;
  /** Federation `__resolveReference` per entity type name. */
  // biome-ignore lint/suspicious/noExplicitAny: type-graphql and Apollo resolver signatures are untyped at this seam
  references: Record<string, (representation: any, context: any, info: any) => unknown>;
  /** Detail loading per type name, applied to the fields marked `DetailField`. */
  details: Record<string, DetailFieldWrapper>;
  /** Checks `RequiresScope` fields against the request's caller; throws a coded error to deny. */
  // biome-ignore lint/suspicious/noExplicitAny: type-graphql and Apollo resolver signatures are untyped at this seam
  authChecker: AuthChecker<any, Scope>;
  /** Upstream calls per field, for the pre-execution cost check and the SDL's `@cost`/`@listSize`. */
  costs: CostTable;
}

/**
 * Federation 2 features this subgraph imports; keep in step with the directives used on types. 2.4 is the first
 * version whose composition accepts a `Subscription` root in a subgraph (Apollo Router subscription docs); 2.5 adds
 * `@authenticated` and `@requiresScopes`, which declare our scopes to a router (docs/security.md); 2.9 the demand-control
 * directives `@cost`/`@listSize` (added from the cost table, see schema/cost.ts).
 */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@authenticated", "@requiresScopes", "@cost", "@listSize"])';

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

type ResolverMap = Record<string, Record<string, unknown>>;

/** One build per registration list and process: the federation validation alone takes about a second, and tests create many apps. */
const built = new WeakMap<GraphResolvers, Promise<GraphQLSchema>>();

/**
 * Builds the type-graphql schema from the given resolvers, then re-builds it as an Apollo subgraph so `_service`
 * and `_entities` exist, merging the entity references and detail loaders in. Built once per registration list
 * and process; the result is immutable, and Apollo Server's per-field plugin wrapping is idempotent and reads its
 * hooks from each request's context, so several servers can share it.
 */
export function buildFederatedSchema(graph: GraphResolvers): Promise<GraphQLSchema> {
  let schema = built.get(graph);
  if (!schema) {
    schema = build(graph).catch((error: unknown) => {
      built.delete(graph);
      throw error;
    });
    built.set(graph, schema);
  }
  return schema;
}

async function build(graph: GraphResolvers): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: graph.resolverClasses,
    validateFn: validateArgs,
    pubSub: NO_TOPICS,
    // `DateTime` (RFC 3339) is the name federation peers and codegen configs expect, not type-graphql's `DateTimeISO`.
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    skipCheck: true,
    authChecker: graph.authChecker,
    authMode: 'error',
  });
  requireRootScopes(schema);
  const resolvers = createResolversMap(schema) as ResolverMap;
  for (const [typeName, resolveReference] of Object.entries(graph.references)) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  for (const [typeName, wrap] of Object.entries(graph.details)) applyDetail(schema, resolvers, typeName, wrap, graph.authChecker);
  const subgraph = buildSubgraphSchema({
    typeDefs: withCostDirectives(parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`), graph.costs),
    resolvers: resolvers as never,
  });
  keepDetailMarks(schema, subgraph);
  guardEntities(subgraph);
  return subgraph;
}

/** Re-building from SDL drops field extensions; the cost estimator reads the `DetailField` marks from the result. */
function keepDetailMarks(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const type of Object.values(from.getTypeMap())) {
    const target = to.getType(type.name);
    if (!isObjectType(type) || !isObjectType(target)) continue;
    for (const field of Object.values(type.getFields())) {
      const copy = target.getFields()[field.name] as { extensions: Record<string, unknown> } | undefined;
      if (field.extensions?.[DETAIL_FIELD] && copy) copy.extensions = { ...copy.extensions, [DETAIL_FIELD]: true };
    }
  }
}

/**
 * Every root field must say which scope it needs: a query, mutation or subscription added without `RequiresScope`
 * would otherwise be open to any authenticated caller. Fails the build (and so the start) instead.
 */
function requireRootScopes(schema: GraphQLSchema): void {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  const open = roots.flatMap((root) =>
    root
      ? Object.values(root.getFields())
          .filter((f) => !scopesOf(f))
          .map((f) => `${root.name}.${f.name}`)
      : [],
  );
  if (open.length > 0) throw new Error(`root fields without RequiresScope: ${open.join(', ')}`);
}

// biome-ignore lint/suspicious/noExplicitAny: type-graphql and Apollo resolver signatures are untyped at this seam
function scopesOf(field: GraphQLField<any, any>): Scope[] | undefined {
  return field.extensions?.[REQUIRED_SCOPES] as Scope[] | undefined;
}

function applyDetail(
  schema: GraphQLSchema,
  resolvers: ResolverMap,
  typeName: string,
  wrap: DetailFieldWrapper,
  // biome-ignore lint/suspicious/noExplicitAny: type-graphql and Apollo resolver signatures are untyped at this seam
  authChecker: AuthChecker<any, Scope>,
): void {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`detail loader registered for ${typeName}, which is not an object type`);
  const marked = Object.values(type.getFields()).filter((field) => field.extensions?.[DETAIL_FIELD]);
  if (marked.length === 0) throw new Error(`detail loader registered for ${typeName}, which has no DetailField`);
  resolvers[typeName] ??= {};
  const typeResolvers = resolvers[typeName];
  for (const field of marked) {
    const resolve = (typeResolvers[field.name] as GraphQLFieldResolver<unknown, unknown> | undefined) ?? defaultFieldResolver;
    const scopes = scopesOf(field);
    typeResolvers[field.name] = scopes ? checkedFirst(wrap(resolve), scopes, authChecker) : wrap(resolve);
  }
}

/**
 * A scoped detail field is checked before its detail loads, so a denied field costs no upstream call (type-graphql's
 * own check runs again inside, after the load, and passes).
 */
function checkedFirst(
  // biome-ignore lint/suspicious/noExplicitAny: type-graphql and Apollo resolver signatures are untyped at this seam
  resolve: GraphQLFieldResolver<any, any>,
  scopes: Scope[],
  // biome-ignore lint/suspicious/noExplicitAny: type-graphql and Apollo resolver signatures are untyped at this seam
  authChecker: AuthChecker<any, Scope>,
  // biome-ignore lint/suspicious/noExplicitAny: type-graphql and Apollo resolver signatures are untyped at this seam
): GraphQLFieldResolver<any, any> {
  return async (root, args, context, info) => {
    const check = authChecker as (
      data: { root: unknown; args: unknown; context: unknown; info: unknown },
      roles: Scope[],
    ) => boolean | Promise<boolean>;
    if (!(await check({ root, args, context, info }, scopes))) throw new Error(`${info.parentType.name}.${info.fieldName}: access denied`);
    return resolve(root, args, context, info);
  };
}
