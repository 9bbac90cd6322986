import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../config';
import { AppError, ErrorCode } from '../errors';
import type { CostTable } from '../schema/cost';
import { MAX_EXPANDED_SELECTIONS, estimateOperation, type OperationCost } from './estimate';

/** Which limit refused an operation; `extensions.cost.kind` names it. */
export type LimitKind = 'selections' | 'depth' | 'aliases' | 'commands' | 'upstreamCalls';

/** A refusal states what was estimated and what is allowed (docs/limits.md), never anything from the request. */
export class QueryTooComplexError extends AppError {
  constructor(kind: LimitKind, estimated: number, limit: number) {
    const shown = Math.min(estimated, Number.MAX_SAFE_INTEGER);
    super(
      `Operation refused before execution: ${DESCRIPTIONS[kind]} ${formatNumber(shown)} exceeds the limit of ${formatNumber(limit)}`,
      ErrorCode.QUERY_TOO_COMPLEX,
      {
        cost: { kind, estimated: shown, limit },
        // Apollo Server answers with this status and strips it from the response; a refusal is the caller's to fix.
        http: { status: 400 },
      },
    );
  }
}

const DESCRIPTIONS: Record<LimitKind, string> = {
  selections: 'the number of field selections once fragments are expanded, at least',
  depth: 'the field depth',
  aliases: 'the number of aliases',
  commands: 'the number of command mutations',
  upstreamCalls: 'the estimated number of upstream platform calls',
};

function formatNumber(value: number): string {
  return value >= 1e15 ? value.toExponential(2) : String(Math.ceil(value));
}

/**
 * Checks an operation against the configured limits before execution. One instance per process, shared by the
 * Apollo plugin (HTTP) and the WebSocket subscribe path.
 */
export class QueryCostGuard {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly table: CostTable,
    private readonly pageSize: number,
    readonly limits: QueryLimits,
  ) {}

  estimate(document: DocumentNode, operationName?: string | null, variables?: Readonly<Record<string, unknown>> | null): OperationCost {
    return estimateOperation({ schema: this.schema, document, operationName, variables, table: this.table, pageSize: this.pageSize });
  }

  /** The refusal for an operation over a limit, or undefined when it may run. Cheap limits are checked first. */
  check(
    document: DocumentNode,
    operationName?: string | null,
    variables?: Readonly<Record<string, unknown>> | null,
  ): QueryTooComplexError | undefined {
    const cost = this.estimate(document, operationName, variables);
    return refusalFor(cost, this.limits);
  }
}

export function refusalFor(cost: OperationCost, limits: QueryLimits): QueryTooComplexError | undefined {
  if (cost.selectionsExceeded) return new QueryTooComplexError('selections', MAX_EXPANDED_SELECTIONS + 1, MAX_EXPANDED_SELECTIONS);
  if (cost.depth > limits.maxDepth) return new QueryTooComplexError('depth', cost.depth, limits.maxDepth);
  if (cost.aliases > limits.maxAliases) return new QueryTooComplexError('aliases', cost.aliases, limits.maxAliases);
  if (cost.commands > limits.maxCommands) return new QueryTooComplexError('commands', cost.commands, limits.maxCommands);
  if (cost.upstreamCalls > limits.maxUpstreamCalls) return new QueryTooComplexError('upstreamCalls', cost.upstreamCalls, limits.maxUpstreamCalls);
  return undefined;
}
