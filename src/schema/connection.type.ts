import { type ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * Generic types are `@shareable`: Relay-style subgraphs declare the same `PageInfo` (and often same-named connection
 * and edge types), and Federation 2 refuses a field two subgraphs resolve unless both mark it shareable.
 */
export const SHAREABLE = '@shareable';

@Directive(SHAREABLE)
@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow the last edge.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede the first edge.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

/** One item of a list and its position (`resolvers/connection.ts` builds them). */
export interface Edge<TNode> {
  cursor: string;
  node: TNode;
}

/** A page of a list, the shape `pageConnection` in `resolvers/connection.ts` returns. */
export interface ConnectionPage<TEdge> {
  edges: TEdge[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Descriptions of an edge's fields, as the SDL shows them. */
export interface EdgeText {
  /** Of the `cursor` field. */
  cursor: string;
  /** Of the `node` field. */
  node: string;
}

/** Names and descriptions of a connection type, as the SDL shows them. */
export interface ConnectionText {
  /** Prefix of the type names: `Device` declares `DeviceConnection` (and `DeviceEdge` when the factory makes the edge). */
  name: string;
  /** Of the connection type. */
  description: string;
  /** Of the `edges` field. */
  edges: string;
  /** Of the `pageInfo` field. */
  pageInfo?: string;
  /** Of the `totalCount` field. */
  totalCount: string;
}

/** A connection whose edges carry only `cursor` and `node`: the factory declares the edge type too. */
export interface PlainConnectionText extends ConnectionText {
  edge: EdgeText & { /** Of the edge type. */ description: string };
}

type AbstractClass<T> = abstract new () => T;

const DEFAULT_PAGE_INFO = 'Where this page sits in the list.';

/**
 * The `cursor` and `node` fields every edge has. Extend it in an `@ObjectType` class to declare an edge that carries
 * more about the item than the item itself (e.g. a binding's role), then hand that class to `Connection`; mark it
 * `@Directive(SHAREABLE)` like every generic type. The base is never referenced by a field, so type-graphql never emits it.
 */
export function EdgeFields<TNode extends object>(node: ClassType<TNode>, text: EdgeText): AbstractClass<Edge<TNode>> {
  @ObjectType()
  abstract class EdgeBase {
    @Field(() => String, { description: text.cursor })
    cursor!: string;

    @Field(() => node, { description: text.node })
    node!: TNode;
  }
  return EdgeBase;
}

/**
 * Declares a Relay connection type (`edges`, `pageInfo`, `totalCount`, in that order) over the items of `node`,
 * with its edge type `<name>Edge`; or, given an edge class, over that edge.
 */
export function Connection<TNode extends object>(node: ClassType<TNode>, text: PlainConnectionText): ClassType<ConnectionPage<Edge<TNode>>>;
export function Connection<TEdge extends Edge<unknown>>(edge: AbstractClass<TEdge>, text: ConnectionText): ClassType<ConnectionPage<TEdge>>;
export function Connection(
  nodeOrEdge: ClassType<object> | AbstractClass<Edge<unknown>>,
  text: ConnectionText | PlainConnectionText,
): ClassType<ConnectionPage<Edge<unknown>>> {
  const edge = 'edge' in text ? plainEdge(nodeOrEdge as ClassType<object>, `${text.name}Edge`, text.edge) : nodeOrEdge;

  @Directive(SHAREABLE)
  @ObjectType(`${text.name}Connection`, { description: text.description })
  class ConnectionType {
    @Field(() => [edge], { description: text.edges })
    edges!: Edge<unknown>[];

    @Field(() => PageInfo, { description: text.pageInfo ?? DEFAULT_PAGE_INFO })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: text.totalCount })
    totalCount!: number;
  }
  return ConnectionType;
}

function plainEdge(node: ClassType<object>, name: string, text: PlainConnectionText['edge']): AbstractClass<Edge<unknown>> {
  @Directive(SHAREABLE)
  @ObjectType(name, { description: text.description })
  class PlainEdge extends EdgeFields(node, text) {}
  return PlainEdge;
}
