import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type GraphQLSchema, parse } from 'graphql';

/**
 * One intended breaking change, named by graphql-inspector's change type and path (e.g. `FIELD_REMOVED`,
 * `Product.logoUrl`), with the reason a reviewer accepted it. Lives in `schema.breaking-allow.json`.
 */
export interface AllowedBreak {
  type: string;
  path: string;
  reason: string;
}

export interface CompatReport {
  /** Breaking changes against the baseline that the allow-list does not name. */
  unapproved: Change[];
  /** Allow-list entries that match no breaking change: stale, remove them (or they would excuse a later break). */
  unused: AllowedBreak[];
}

/** Building a subgraph schema takes about a second; the same SDL is often compared more than once per process. */
const built = new Map<string, GraphQLSchema>();

function subgraphSchema(sdl: string): GraphQLSchema {
  let schema = built.get(sdl);
  if (!schema) {
    schema = buildSubgraphSchema(parse(sdl));
    built.set(sdl, schema);
  }
  return schema;
}

/** graphql-inspector over two subgraph SDLs; both are built as subgraphs so federation directives resolve. */
export async function breakingChanges(baselineSdl: string, currentSdl: string): Promise<Change[]> {
  const changes = await diff(subgraphSchema(baselineSdl), subgraphSchema(currentSdl));
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

/** Breaking changes of `currentSdl` against `baselineSdl`, less the allowed ones. */
export async function checkCompatibility(baselineSdl: string, currentSdl: string, allowed: readonly AllowedBreak[]): Promise<CompatReport> {
  const breaking = await breakingChanges(baselineSdl, currentSdl);
  const matches = (entry: AllowedBreak, change: Change) => entry.type === change.type && entry.path === change.path;
  return {
    unapproved: breaking.filter((change) => !allowed.some((entry) => matches(entry, change))),
    unused: allowed.filter((entry) => !breaking.some((change) => matches(entry, change))),
  };
}

/** Reads and checks the allow-list: every entry needs a type, a path and a reason. */
export function parseAllowList(json: string): AllowedBreak[] {
  const entries: unknown = JSON.parse(json);
  if (!Array.isArray(entries)) throw new Error('schema.breaking-allow.json must be a JSON array');
  return entries.map((entry, index) => {
    const { type, path, reason } = (entry ?? {}) as Record<string, unknown>;
    if (typeof type !== 'string' || typeof path !== 'string' || typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(`schema.breaking-allow.json[${index}] needs "type", "path" and a non-empty "reason"`);
    }
    return { type, path, reason };
  });
}

/** Composition errors of our SDL next to other subgraphs' SDLs (none: an empty list). */
export function compositionErrors(ours: string, peers: ReadonlyArray<{ name: string; sdl: string }>): string[] {
  const result = composeServices([{ name: 'quec', typeDefs: parse(ours) }, ...peers.map((peer) => ({ name: peer.name, typeDefs: parse(peer.sdl) }))]);
  return (result.errors ?? []).map((error) => error.message);
}

/** The report as lines a developer can act on; empty when the schema is compatible. */
export function describeProblems(report: CompatReport, composition: readonly string[]): string[] {
  return [
    ...report.unapproved.map(
      (change) => `breaking change not in schema.breaking-allow.json: ${change.message} ({ "type": "${change.type}", "path": "${change.path}" })`,
    ),
    ...report.unused.map((entry) => `schema.breaking-allow.json names a change that no longer happens: ${entry.type} ${entry.path}`),
    ...composition.map((message) => `composition failed: ${message}`),
  ];
}

/** Files the check reads, relative to the repository root. */
export const COMPAT_FILES = {
  baseline: 'schema.baseline.graphql',
  current: 'schema.graphql',
  allowList: 'schema.breaking-allow.json',
  peers: [{ name: 'sites', path: 'examples/site-subgraph/schema.graphql' }],
} as const;

/** Runs the whole check over the repository at `root`; the lines `describeProblems` returns. */
export async function checkRepository(root: string, extraPeers: ReadonlyArray<{ name: string; sdl: string }> = []): Promise<string[]> {
  const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
  const allowPath = resolve(root, COMPAT_FILES.allowList);
  const allowed = existsSync(allowPath) ? parseAllowList(readFileSync(allowPath, 'utf8')) : [];
  const current = read(COMPAT_FILES.current);
  const report = await checkCompatibility(read(COMPAT_FILES.baseline), current, allowed);
  const peers = [...COMPAT_FILES.peers.map((peer) => ({ name: peer.name, sdl: read(peer.path) })), ...extraPeers];
  return describeProblems(report, compositionErrors(current, peers));
}

if (require.main === module) {
  // Built under dist/scripts: the repository root is two levels up. Usage: node dist/scripts/schema-compat.js
  checkRepository(resolve(__dirname, '../..')).then(
    (problems) => {
      if (problems.length > 0) {
        process.stderr.write(`${problems.join('\n')}\n`);
        process.exit(1);
      }
      process.stdout.write('schema.graphql: no unapproved breaking change against schema.baseline.graphql; composes\n');
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
