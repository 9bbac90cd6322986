import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createApp, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startSimulator, type SimulatorHandle } from '../simulator';

/**
 * How the graph's batching holds up as upstream latency grows: upstream calls per operation and wall time,
 * with the simulator adding a fixed delay to every response. Prints a Markdown table.
 */

const NESTED =
  '{ products(first: 100) { edges { node { name devices(first: 50) { edges { node { deviceKey status product { name } gateway { deviceKey } } } } } } } }';

interface Scenario {
  name: string;
  query: string;
  variables?: (sim: SimulatorHandle) => Record<string, unknown>;
}

const scenarios: Scenario[] = [
  { name: 'products -> devices(50) -> product, gateway', query: NESTED },
  {
    name: '_entities: 100 devices over 7 products',
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { name status } } }',
    variables: (sim) => ({
      r: sim.store
        .authorizedProducts()
        .flatMap((p) =>
          sim.store
            .devices(p.productKey)
            .filter((_, i) => i % 3 === 0)
            .slice(0, 15),
        )
        .slice(0, 100)
        .map((d) => ({ __typename: 'Device', productKey: d.productKey, deviceKey: d.deviceKey })),
    }),
  },
  { name: 'one device page of 90 rows', query: '{ devices(productKey: "p1awgC", first: 90) { edges { node { deviceKey name } } } }' },
];

const RUNS = 10;

async function measure(app: App, sim: SimulatorHandle, scenario: Scenario) {
  const variables = scenario.variables?.(sim);
  const durations: number[] = [];
  let calls = 0;
  for (let run = 0; run < RUNS; run += 1) {
    sim.log.clear();
    const started = performance.now();
    const response = await app.server.executeOperation({ query: scenario.query, variables }, { contextValue: app.createContext() });
    durations.push(performance.now() - started);
    if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(`${scenario.name} failed`);
    calls = sim.log.count();
  }
  durations.sort((a, b) => a - b);
  return { calls, p50: durations[Math.floor(RUNS / 2)], max: durations[RUNS - 1] };
}

export async function runGraphWalkBench(): Promise<string> {
  const rows: string[] = [];
  for (const latencyMs of [0, 20]) {
    const sim = await startSimulator({ latencyMs });
    // The nested walk's worst case is over the default cost budget (docs/limits.md); this bench measures batching.
    const config = loadConfig({ LOG_LEVEL: 'silent', QUERY_MAX_UPSTREAM_CALLS: '1000000' });
    const app = await createApp(config, { baseUrl: sim.baseUrl, ...sim.credentials }, { logger: createLogger('silent') });
    try {
      await app.server.executeOperation({ query: '{ products(first: 1) { totalCount } }' }, { contextValue: app.createContext() });
      for (const scenario of scenarios) {
        const { calls, p50, max } = await measure(app, sim, scenario);
        rows.push(`| ${scenario.name} | ${latencyMs} | ${calls} | ${p50.toFixed(1)} | ${max.toFixed(1)} |`);
      }
    } finally {
      await app.stop();
      await sim.close();
    }
  }
  return [
    `### Graph walk (${RUNS} runs each, in-process Apollo Server, simulator on loopback)`,
    '',
    '| operation | upstream latency (ms) | upstream calls | p50 (ms) | max (ms) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
