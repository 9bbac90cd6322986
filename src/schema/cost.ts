import { Kind, visit, type ConstDirectiveNode, type ConstValueNode, type DocumentNode } from 'graphql';

/**
 * What one field costs in upstream calls, per object that selects it (its parent). Declared by resolvers/ (which
 * know the loaders) in one table, read by the cost estimator before execution and printed into the SDL as
 * Federation's `@cost`/`@listSize` so a router can estimate the same way. Fields absent from the table cost 0:
 * they are served from the parent's upstream row.
 */
export interface FieldCost {
  /** Calls per parent object that selects the field (no loader de-duplication assumed: an upper bound). */
  perParent?: number;
  /** Calls once per selection of the field however many parents select it (a request-wide scan the loader shares). */
  perBatch?: number;
  /**
   * A Relay connection read page by page: `first` or `last` (clamped to `maxPage`) rows cost `ceil(rows / pageSize)`
   * pages per parent, one more when the window may straddle pages (`after`, or `last` before `before`), two more for
   * `last` without `before` (page 1 tells the list's length), and multiply the objects below `edges`.
   */
  paged?: boolean;
  /** Elements assumed for a list field without a slicing argument. */
  assumedSize?: number;
  /** A list field as long as this list argument (e.g. `_entities(representations:)`). */
  sizedByArgument?: string;
  /** Calls per element of the returned list (with `sizedByArgument`). */
  perElement?: number;
  /**
   * Calls per distinct `productKey` among the `input.devices` argument, replacing `perParent` when the argument is
   * known (commands are sent once per product, §6.5).
   */
  perProductOfDevices?: number;
  /**
   * Calls per distinct product of the parent objects (a loader keyed by the parent's `productKey`): at most one per
   * parent, and at most one per product in scope when the parents are one product's devices (see `scopesProducts`).
   */
  perProduct?: number;
  /** The objects returned all belong to the parent product(s) (`Product.devices`): fields below may count per product. */
  scopesProducts?: boolean;
  /** A downlink command: sent to devices exactly once; counted against the per-operation command cap. */
  command?: boolean;
  /**
   * The objects this field returns carry every detail field (they come from a full upstream row), so selecting a
   * detail field below costs nothing extra.
   */
  fullRows?: boolean;
  /** The detail fields the returned (partial) rows do carry: selecting only these costs no detail call. */
  rowFields?: readonly string[];
  /** Plus these calls per parent when the named argument is given (e.g. a filter that may need a bounded scan). */
  perParentWithArgument?: Readonly<Record<string, number>>;
  /** Plus one call per this many entries of `input.devices` (writes sent in chunks). */
  inputDevicesPerCall?: number;
}

/** Detail loading of one type: what selecting one of its detail fields costs when the object came without them. */
export interface DetailCost {
  perParent: number;
  perBatch?: number;
  /** Detail fields besides the ones marked `DetailField` (types whose detail is loaded by their own resolvers). */
  fields?: readonly string[];
}

export interface CostTable {
  /** `Type.field` -> cost. */
  fields: Readonly<Record<string, FieldCost>>;
  /** Type name -> detail loading cost. */
  details: Readonly<Record<string, DetailCost>>;
  /** Largest `first` or `last` any connection accepts (validation refuses more): the estimate never assumes more rows. */
  maxPage: number;
  /** Rows a connection returns when the query gives neither `first` nor `last`. */
  defaultPage: number;
  /** Elements assumed for list fields that have neither an entry nor a slicing argument. */
  defaultListSize: number;
  /** Cost of a mutation field without an entry. */
  defaultMutation: FieldCost;
}

/** The slicing arguments of every connection (one of them at a time) and the field their value sizes (Federation `@listSize`). */
const SLICING_ARGUMENTS = ['first', 'last'];
const SIZED_FIELD = 'edges';

/**
 * Adds Federation's demand-control directives (v2.9 `@cost`, `@listSize`) to the printed subgraph SDL from the table.
 * `@cost(weight:)` is the calls per parent plus the request-wide calls, at least the first page of a connection.
 */
export function withCostDirectives(document: DocumentNode, table: CostTable): DocumentNode {
  return visit(document, {
    ObjectTypeDefinition(type) {
      const fields = type.fields?.map((field) => {
        const cost = table.fields[`${type.name.value}.${field.name.value}`];
        if (!cost) return field;
        const directives = costDirectives(
          cost,
          field.type.kind === Kind.LIST_TYPE || (field.type.kind === Kind.NON_NULL_TYPE && field.type.type.kind === Kind.LIST_TYPE),
        );
        return directives.length > 0 ? { ...field, directives: [...(field.directives ?? []), ...directives] } : field;
      });
      return { ...type, fields };
    },
  });
}

function costDirectives(cost: FieldCost, isList: boolean): ConstDirectiveNode[] {
  const directives: ConstDirectiveNode[] = [];
  const weight = (cost.perParent ?? 0) + (cost.perBatch ?? 0) + (cost.perElement ?? 0) + (cost.paged ? 1 : 0);
  if (weight > 0) directives.push(directive('cost', { weight: int(weight) }));
  if (cost.paged) {
    directives.push(
      directive('listSize', {
        slicingArguments: { kind: Kind.LIST, values: SLICING_ARGUMENTS.map(str) },
        sizedFields: { kind: Kind.LIST, values: [str(SIZED_FIELD)] },
        // A query may give neither (the default page) or either, never both.
        requireOneSlicingArgument: { kind: Kind.BOOLEAN, value: false },
      }),
    );
  } else if (isList && cost.assumedSize !== undefined) {
    directives.push(directive('listSize', { assumedSize: int(cost.assumedSize) }));
  }
  return directives;
}

function directive(name: string, args: Record<string, ConstValueNode>): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments: Object.entries(args).map(([argName, value]) => ({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: argName }, value })),
  };
}

const int = (value: number): ConstValueNode => ({ kind: Kind.INT, value: String(value) });
const str = (value: string): ConstValueNode => ({ kind: Kind.STRING, value });
