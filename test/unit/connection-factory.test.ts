import { graphql, printType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { buildSchema, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Connection, EdgeFields } from '../../src/schema/connection.type';

@ObjectType({ description: 'A widget.' })
class Widget {
  @Field({ description: 'Widget name.' })
  name!: string;
}

const WidgetConnection = Connection(Widget, {
  name: 'Widget',
  description: 'A page of widgets.',
  edges: 'The widgets of this page.',
  totalCount: 'Number of widgets in the whole list.',
  edge: { description: 'A widget in a list.', cursor: 'Opaque position of this widget.', node: 'The widget.' },
});

@ObjectType({ description: 'A widget in a ranking.' })
class RankedWidgetEdge extends EdgeFields(Widget, { cursor: 'Opaque position in the ranking.', node: 'The ranked widget.' }) {
  @Field(() => Int, { nullable: true, description: 'Rank; null when unranked.' })
  rank!: number | null;
}

const RankedWidgetConnection = Connection(RankedWidgetEdge, {
  name: 'RankedWidget',
  description: 'A page of a ranking.',
  edges: 'The ranked widgets of this page.',
  pageInfo: 'Where this page sits in the ranking.',
  totalCount: 'Number of ranked widgets.',
});

const PAGE_INFO = { hasNextPage: true, hasPreviousPage: false, startCursor: 'c0', endCursor: 'c0' };

@Resolver()
class WidgetResolver {
  @Query(() => WidgetConnection)
  widgets() {
    return { edges: [{ cursor: 'c0', node: { name: 'w0' } }], pageInfo: PAGE_INFO, totalCount: 2 };
  }

  @Query(() => RankedWidgetConnection)
  rankedWidgets() {
    return { edges: [{ cursor: 'c0', node: { name: 'w0' }, rank: null }], pageInfo: PAGE_INFO, totalCount: 2 };
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema({ resolvers: [WidgetResolver], validate: false });
});

function sdl(name: string): string {
  return printType(schema.getType(name) as GraphQLNamedType);
}

describe('Connection over a node type', () => {
  it('should declare <name>Connection with edges, pageInfo and totalCount, non-null, described as given', () => {
    expect(sdl('WidgetConnection')).toBe(
      [
        '"""A page of widgets."""',
        'type WidgetConnection {',
        '  """The widgets of this page."""',
        '  edges: [WidgetEdge!]!',
        '',
        '  """Where this page sits in the list."""',
        '  pageInfo: PageInfo!',
        '',
        '  """Number of widgets in the whole list."""',
        '  totalCount: Int!',
        '}',
      ].join('\n'),
    );
  });

  it('should declare <name>Edge with cursor then node, described as given', () => {
    expect(sdl('WidgetEdge')).toBe(
      [
        '"""A widget in a list."""',
        'type WidgetEdge {',
        '  """Opaque position of this widget."""',
        '  cursor: String!',
        '',
        '  """The widget."""',
        '  node: Widget!',
        '}',
      ].join('\n'),
    );
  });
});

describe('Connection over an edge that carries more than the node', () => {
  it("should keep cursor and node first and the edge's own fields after them", () => {
    expect(sdl('RankedWidgetEdge')).toBe(
      [
        '"""A widget in a ranking."""',
        'type RankedWidgetEdge {',
        '  """Opaque position in the ranking."""',
        '  cursor: String!',
        '',
        '  """The ranked widget."""',
        '  node: Widget!',
        '',
        '  """Rank; null when unranked."""',
        '  rank: Int',
        '}',
      ].join('\n'),
    );
  });

  it('should use the given pageInfo description and the given edge type', () => {
    expect(sdl('RankedWidgetConnection')).toContain('"""Where this page sits in the ranking."""\n  pageInfo: PageInfo!');
    expect(sdl('RankedWidgetConnection')).toContain('edges: [RankedWidgetEdge!]!');
  });
});

describe('the types the factory emits', () => {
  it('should emit only the named connection and edge types, never the EdgeFields base', () => {
    const typeNames = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__'));
    expect(typeNames.sort()).toEqual(
      [
        'Boolean',
        'Int',
        'PageInfo',
        'Query',
        'RankedWidgetConnection',
        'RankedWidgetEdge',
        'String',
        'Widget',
        'WidgetConnection',
        'WidgetEdge',
      ].sort(),
    );
  });

  it('should resolve what a resolver returns in the connection shape', async () => {
    const result = await graphql({
      schema,
      source: '{ widgets { totalCount edges { cursor node { name } } } rankedWidgets { edges { rank node { name } } pageInfo { endCursor } } }',
    });
    expect(result).toEqual({
      data: {
        widgets: { totalCount: 2, edges: [{ cursor: 'c0', node: { name: 'w0' } }] },
        rankedWidgets: { edges: [{ rank: null, node: { name: 'w0' } }], pageInfo: { endCursor: 'c0' } },
      },
    });
  });
});
