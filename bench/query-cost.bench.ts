import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { parse } from 'graphql';
import { createApp, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startSimulator, type SimulatorHandle } from '../simulator';

/**
 * The pre-execution cost check (docs/limits.md) on hostile and normal operations: its estimate, the upstream calls
 * actually made, the outcome and how long the answer took. Refused operations should show 0 calls and a few ms.
 * Prints a Markdown table.
 */

const RUNS = 5;

function nested(productKey: string, levels: number): string {
  let inner = 'deviceKey';
  for (let i = 0; i < levels; i += 1) inner = `product { devices(first: 2) { edges { node { ${inner} } } } }`;
  return `{ product(productKey: "${productKey}") { devices(first: 2) { edges { node { ${inner} } } } } }`;
}

const FAN_OUT =
  '{ products(first: 100) { edges { node { productKey thingModel { properties { code } } devices(first: 100) { edges { node { deviceKey ' +
  'product { name } resources { battery } gateway { deviceKey } location { accuracy } properties { code } messages(first: 5) { totalCount } ' +
  'events(first: 5) { totalCount } boundUsers(first: 5) { totalCount } groups(first: 5) { totalCount } } } } } } } }';

const README_FIRST =
  '{ products(first: 10) { totalCount edges { node { productKey name accessType thingModel { properties { code name dataType access } } ' +
  'devices(first: 5, status: ONLINE) { totalCount edges { node { deviceKey name status lastConnectedAt gateway { deviceKey name } } } pageInfo { hasNextPage endCursor } } } } } }';

function fragmentBomb(productKey: string, levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment F${i} on Device { deviceKey }`
      : `fragment F${i} on Device { product { devices(first: 1) { edges { node { ...F${i + 1} } } } } gateway { ...F${i + 1} } }`,
  );
  return `{ device(productKey: "${productKey}", deviceKey: "x") { ...F0 } } ${fragments.join(' ')}`;
}

function aliases(count: number, productKey: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: product(productKey: "${productKey}") { thingModel { properties { code } } }`).join(' ')} }`;
}

function commands(count: number, productKey: string, deviceKey: string): string {
  const input = `{ devices: [{ productKey: "${productKey}", deviceKey: "${deviceKey}" }], payload: "01", encoding: HEX }`;
  return `mutation { ${Array.from({ length: count }, (_, i) => `c${i}: sendDeviceRawData(input: ${input}) { allAccepted }`).join(' ')} }`;
}

interface Scenario {
  name: string;
  query: (sim: SimulatorHandle) => string;
}

const scenarios: Scenario[] = [
  { name: 'hostile: product/devices nested 30 deep', query: (sim) => nested(sim.store.authorizedProducts()[0].productKey, 30) },
  { name: 'hostile: products(100) > devices(100) > every device field', query: () => FAN_OUT },
  { name: 'hostile: fragments that double 20 times', query: (sim) => fragmentBomb(sim.store.authorizedProducts()[0].productKey, 20) },
  { name: 'hostile: 1,000 aliases', query: (sim) => aliases(1000, sim.store.authorizedProducts()[0].productKey) },
  {
    name: 'hostile: 200 aliased raw downlinks',
    query: (sim) => {
      const product = sim.store.authorizedProducts()[0];
      return commands(200, product.productKey, sim.store.devices(product.productKey)[0].deviceKey);
    },
  },
  { name: 'normal: README first query', query: () => README_FIRST },
  { name: 'normal: product/devices nested 3 deep', query: (sim) => nested(sim.store.authorizedProducts()[0].productKey, 3) },
  { name: 'normal: 20 aliases of product thing model', query: (sim) => aliases(20, sim.store.authorizedProducts()[0].productKey) },
  {
    name: 'normal: products(100) > devices(1) totalCount',
    query: () => '{ products(first: 100) { edges { node { devices(first: 1) { totalCount } } } } }',
  },
];

async function measure(app: App, counter: { calls: number }, query: string) {
  const estimate = app.queryCost.estimate(parse(query));
  const durations: number[] = [];
  let outcome = 'ok';
  for (let run = 0; run < RUNS; run += 1) {
    counter.calls = 0;
    const started = performance.now();
    const response = await app.server.executeOperation({ query }, { contextValue: app.createContext() });
    durations.push(performance.now() - started);
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const error = response.body.singleResult.errors?.[0];
    const cost = error?.extensions?.cost as { kind?: string } | undefined;
    outcome = error ? `${String(error.extensions?.code)}${cost?.kind ? ` (${cost.kind})` : ''}` : 'ok';
  }
  durations.sort((a, b) => a - b);
  return { estimate, calls: counter.calls, outcome, p50: durations[Math.floor(RUNS / 2)], max: durations[RUNS - 1] };
}

export async function runQueryCostBench(): Promise<string> {
  const sim = await startSimulator();
  const counter = { calls: 0 };
  const app = await createApp(
    loadConfig({ LOG_LEVEL: 'silent' }),
    { baseUrl: sim.baseUrl, ...sim.credentials },
    { logger: createLogger('silent'), observeUpstream: () => (counter.calls += 1) },
  );
  const rows: string[] = [];
  try {
    await app.server.executeOperation({ query: '{ products(first: 1) { totalCount } }' }, { contextValue: app.createContext() });
    for (const scenario of scenarios) {
      const query = scenario.query(sim);
      const { estimate, calls, outcome, p50, max } = await measure(app, counter, query);
      const estimated = estimate.selectionsExceeded ? `> ${estimate.upstreamCalls}` : String(Math.round(estimate.upstreamCalls));
      rows.push(
        `| ${scenario.name} | ${(query.length / 1024).toFixed(1)} | ${estimated} | ${estimate.depth} | ${calls} | ${outcome} | ${p50.toFixed(1)} | ${max.toFixed(1)} |`,
      );
    }
  } finally {
    await app.stop();
    await sim.close();
  }
  const { maxUpstreamCalls, maxDepth, maxAliases, maxCommands } = app.config.queryLimits;
  return [
    `### Query cost check (${RUNS} runs each; limits: ${maxUpstreamCalls} upstream calls, depth ${maxDepth}, ${maxAliases} aliases, ${maxCommands} commands)`,
    '',
    '| operation | size (KiB) | estimated calls | depth | actual upstream calls | outcome | p50 (ms) | max (ms) |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ...rows,
  ].join('\n');
}
