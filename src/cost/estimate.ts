import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CostTable, FieldCost } from '../schema/cost';
import { DETAIL_FIELD } from '../schema/detail-field';

/**
 * Most field selections the estimate walks once fragments are expanded. A legitimate operation has a few hundred;
 * a document whose fragments multiply (each spreading the next several times) has billions, and is refused without
 * walking them all.
 */
export const MAX_EXPANDED_SELECTIONS = 10_000;

export interface OperationCost {
  /** Upper bound of the upstream calls executing the operation may make. */
  upstreamCalls: number;
  /** Deepest field nesting, fragments expanded (root fields are depth 1; `edges { node }` add none). */
  depth: number;
  /** Aliased fields written in the document. */
  aliases: number;
  /** Downlink command mutations the operation sends (each alias counts). */
  commands: number;
  /** Fragment expansion went past MAX_EXPANDED_SELECTIONS; the other numbers are then incomplete. */
  selectionsExceeded: boolean;
}

export interface EstimateInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>> | null;
  table: CostTable;
  /** Rows per upstream page (QUEC_PAGE_SIZE): a connection of `first` rows costs `ceil(first / pageSize)` pages. */
  pageSize: number;
}

/**
 * Estimates an operation before execution, as the executor would walk it: fields with the same response key merge,
 * `@skip`/`@include` and variables are applied, every alias is a field of its own, and the objects below a list or
 * connection multiply the calls of their fields by the list's size (nested page sizes multiply). Linear in the
 * document once fragments are expanded, and bounded by MAX_EXPANDED_SELECTIONS.
 */
export function estimateOperation(input: EstimateInput): OperationCost {
  const aliases = countAliases(input.document);
  const operation = getOperationAST(input.document, input.operationName ?? undefined);
  const root = operation && input.schema.getRootType(operation.operation);
  if (!operation || !root) return { upstreamCalls: 0, depth: 0, aliases, commands: 0, selectionsExceeded: false };

  // Variables that do not coerce fail execution before any resolver; estimating with none is then harmless.
  const coerced = getVariableValues(input.schema, operation.variableDefinitions ?? [], { ...(input.variables ?? {}) });
  const variables = coerced.coerced ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of input.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const walker = new Walker(input.schema, input.table, input.pageSize, fragments, variables, operation.operation === 'mutation');
  let selectionsExceeded = false;
  try {
    walker.walk(root, [operation.selectionSet], 1, 1, NOTHING_CARRIED);
  } catch (error) {
    if (!(error instanceof SelectionsExceeded)) throw error;
    selectionsExceeded = true;
  }
  return { upstreamCalls: walker.calls, depth: walker.depth, aliases, commands: walker.commands, selectionsExceeded };
}

class SelectionsExceeded extends Error {}

/** Relay connection and edge types, whose fields do not add to the depth. */
const RELAY_WRAPPER = /(Connection|Edge)$/;

/** Detail fields an object came with: all of them (a complete upstream row) or some. */
type Carried = 'all' | ReadonlySet<string>;
const NOTHING_CARRIED: Carried = new Set<string>();

function carriedBy(cost: FieldCost): Carried {
  if (cost.fullRows) return 'all';
  return cost.rowFields ? new Set(cost.rowFields) : NOTHING_CARRIED;
}

interface FieldGroup {
  owner: GraphQLCompositeType;
  name: string;
  nodes: FieldNode[];
}

class Walker {
  calls = 0;
  depth = 0;
  commands = 0;
  private visits = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly table: CostTable,
    private readonly pageSize: number,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly isMutation: boolean,
  ) {}

  /**
   * @param multiplicity how many objects of `parent` the selection sets are evaluated on
   * @param carried the detail fields those objects came with ('all' for complete upstream rows)
   * @param sized the field of `parent` whose objects number `size` per parent (a connection's `edges`)
   */
  walk(
    parent: GraphQLCompositeType,
    selectionSets: readonly SelectionSetNode[],
    multiplicity: number,
    level: number,
    carried: Carried,
    sized?: { field: string; size: number },
    productsInScope?: number,
  ): void {
    const groups = this.collect(parent, selectionSets);
    const detailOwners = new Set<GraphQLCompositeType>();
    for (const group of groups) {
      if (group.name === '__typename') continue;
      const field = this.fieldOf(group.owner, group.name);
      if (!field) continue;
      this.depth = Math.max(this.depth, level);
      if (carried !== 'all' && !carried.has(field.name) && this.isDetailField(group.owner, field)) detailOwners.add(group.owner);

      const cost = this.costOf(group.owner, group.name, level);
      // Only a field with a cost entry reads its arguments; coercing them is most of the walk's allocation.
      const args = cost ? this.argumentsOf(field, group.nodes[0]) : NO_ARGUMENTS;
      const perProduct = (cost?.perProduct ?? 0) * Math.min(multiplicity, productsInScope ?? multiplicity);
      this.calls += multiplicity * this.callsPerParent(cost, args) + perProduct + (multiplicity > 0 ? (cost?.perBatch ?? 0) : 0);
      if (cost?.command) this.commands += multiplicity;

      const isSized = sized?.field === group.name;
      let childMultiplicity = isSized ? multiplicity * sized.size : multiplicity;
      let childSized: { field: string; size: number } | undefined;
      if (cost?.paged) {
        childSized = { field: 'edges', size: this.sliceOf(args) };
      } else if (!isSized && isListType(getNullableType(field.type))) {
        const size = cost?.sizedByArgument ? lengthOf(args[cost.sizedByArgument]) : (cost?.assumedSize ?? this.table.defaultListSize);
        childMultiplicity *= size;
        this.calls += multiplicity * size * (cost?.perElement ?? 0);
      }
      const type = getNamedType(field.type);
      const selections = group.nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      if (isCompositeType(type) && selections.length > 0) {
        // Wrappers without an entry (edges, node) pass the scope on; other fields return objects of any product.
        const scope = cost ? (cost.scopesProducts ? multiplicity : undefined) : productsInScope;
        // A connection's `edges { node }` wrappers are one level with it: depth counts hops between objects.
        // Likewise `__Type.ofType` only unwraps a type reference (the standard introspection query nests it 7 deep).
        const wrapper = RELAY_WRAPPER.test(type.name) || (group.owner.name === '__Type' && group.name === 'ofType');
        const childLevel = wrapper ? level : level + 1;
        this.walk(type, selections, childMultiplicity, childLevel, cost ? carriedBy(cost) : carried, childSized, scope);
      }
    }
    for (const owner of detailOwners) {
      const detail = this.table.details[owner.name];
      if (detail) this.calls += multiplicity * detail.perParent + (multiplicity > 0 ? (detail.perBatch ?? 0) : 0);
    }
  }

  /** Groups fields by type and response key as the executor's field collection does, fragments expanded. */
  private collect(parent: GraphQLCompositeType, selectionSets: readonly SelectionSetNode[]): FieldGroup[] {
    const groups = new Map<string, FieldGroup>();
    const spread = new Set<string>();
    const add = (owner: GraphQLCompositeType, selections: readonly SelectionNode[]) => {
      for (const selection of selections) {
        this.visits += 1;
        if (this.visits > MAX_EXPANDED_SELECTIONS) throw new SelectionsExceeded();
        if (!this.included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = `${owner.name}\u0000${(selection.alias ?? selection.name).value}`;
          const group = groups.get(key) ?? { owner, name: selection.name.value, nodes: [] };
          group.nodes.push(selection);
          groups.set(key, group);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          add(this.conditionType(selection.typeCondition?.name.value) ?? owner, selection.selectionSet.selections);
        } else {
          const name = selection.name.value;
          const fragment = this.fragments.get(name);
          // Like the executor, a fragment spreads once per selection set; cycles are refused by validation.
          if (!fragment || spread.has(name)) continue;
          spread.add(name);
          add(this.conditionType(fragment.typeCondition.name.value) ?? owner, fragment.selectionSet.selections);
        }
      }
    };
    for (const selectionSet of selectionSets) add(parent, selectionSet.selections);
    return [...groups.values()];
  }

  private costOf(owner: GraphQLCompositeType, name: string, level: number): FieldCost | undefined {
    const declared = this.table.fields[`${owner.name}.${name}`];
    if (declared) return declared;
    return this.isMutation && level === 1 ? this.table.defaultMutation : undefined;
  }

  private callsPerParent(cost: FieldCost | undefined, args: Record<string, unknown>): number {
    if (!cost) return 0;
    const products = cost.perProductOfDevices === undefined ? undefined : distinctProducts(args);
    const perParent = products === undefined ? (cost.perParent ?? 0) : products * (cost.perProductOfDevices ?? 0);
    const pages = cost.paged ? this.pagesOf(args) : 0;
    const chunks = cost.inputDevicesPerCall ? Math.ceil(inputDevices(args).length / cost.inputDevicesPerCall) : 0;
    const withArguments = Object.entries(cost.perParentWithArgument ?? {}).reduce(
      (sum, [name, calls]) => sum + (args[name] !== undefined && args[name] !== null ? calls : 0),
      0,
    );
    return perParent + pages + chunks + withArguments;
  }

  /**
   * Pages a connection reads for its rows (resolvers/connection.ts): `ceil(rows / pageSize)`, one more when the window
   * does not start at a page boundary (after `after`, or `last` rows ending at `before`), and for `last` without
   * `before` one more again: page 1, read for the list's length (`readLastWindow`).
   */
  private pagesOf(args: Record<string, unknown>): number {
    const pages = Math.ceil(this.sliceOf(args) / this.pageSize);
    if (isCount(args.last)) return pages + 1 + (args.before ? 0 : 1);
    return pages + (args.after ? 1 : 0);
  }

  /**
   * Rows a connection returns per parent: `first` or `last`, at most what validation accepts; the default page when
   * neither is given; all of them when the arguments are unknown (they did not coerce).
   */
  private sliceOf(args: Record<string, unknown>): number {
    const asked = isCount(args.first) ? args.first : isCount(args.last) ? args.last : undefined;
    const rows = asked ?? (args === UNKNOWN_ARGUMENTS ? this.table.maxPage : this.table.defaultPage);
    return Math.min(Math.max(rows, 1), this.table.maxPage);
  }

  private argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
    try {
      return getArgumentValues(field, node, this.variables);
    } catch {
      // An argument that does not coerce fails execution of this field; with none known the estimate assumes the most.
      return UNKNOWN_ARGUMENTS;
    }
  }

  private fieldOf(owner: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
    if (owner === this.schema.getQueryType()) {
      if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
      if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    }
    return isObjectType(owner) || isInterfaceType(owner) ? owner.getFields()[name] : undefined;
  }

  private isDetailField(owner: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): boolean {
    const detail = this.table.details[owner.name];
    if (!detail) return false;
    return Boolean(field.extensions?.[DETAIL_FIELD]) || (detail.fields?.includes(field.name) ?? false);
  }

  private conditionType(name: string | undefined): GraphQLCompositeType | undefined {
    const type = name ? this.schema.getType(name) : undefined;
    return type && isCompositeType(type) ? type : undefined;
  }

  private included(selection: SelectionNode): boolean {
    try {
      if (getDirectiveValues(GraphQLSkipDirective, selection, this.variables)?.if === true) return false;
      return getDirectiveValues(GraphQLIncludeDirective, selection, this.variables)?.if !== false;
    } catch {
      return true;
    }
  }
}

/** The arguments of a field without a cost entry, which nothing reads. */
const NO_ARGUMENTS: Record<string, unknown> = Object.freeze({});

/** The arguments of a field whose arguments did not coerce (compared by identity). */
const UNKNOWN_ARGUMENTS: Record<string, unknown> = Object.freeze({});

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Alias counts by document: Apollo Server hands every request with the same query text the same parsed document. */
const aliasCounts = new WeakMap<DocumentNode, number>();

function countAliases(document: DocumentNode): number {
  let count = aliasCounts.get(document);
  if (count === undefined) {
    let counted = 0;
    visit(document, {
      Field(node) {
        if (node.alias) counted += 1;
      },
    });
    count = counted;
    aliasCounts.set(document, count);
  }
  return count;
}

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 1;
}

function inputDevices(args: Record<string, unknown>): unknown[] {
  const devices = (args.input as { devices?: unknown } | undefined)?.devices;
  return Array.isArray(devices) ? devices : [];
}

/** Distinct `productKey`s of `input.devices`; undefined when the argument is not there to read. */
function distinctProducts(args: Record<string, unknown>): number | undefined {
  const devices = (args.input as { devices?: unknown } | undefined)?.devices;
  if (!Array.isArray(devices)) return undefined;
  return new Set(devices.map((device) => (device as { productKey?: unknown } | null)?.productKey)).size;
}
