import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startSimulator } from '../simulator';
import { intFromEnv, keepReport, runScript } from './script';

/**
 * A dashboard that re-runs the product page every few seconds for a minute, with the shared read cache off (the
 * default) and on (CACHE_*_TTL_MS): platform calls per endpoint over the whole minute. The product page: the product,
 * its thing model, and a page of devices with their details. Interval and run count from DASHBOARD_INTERVAL_MS
 * (default 5000) and DASHBOARD_RUNS (default 12). Not a test: prints a table and writes bench/results/.
 */
const PAGE = `query($pk: String!, $dk: String!) {
  product(productKey: $pk) { name thingModel { properties { code name } } devices(first: 20) { edges { node { deviceKey name status } } } }
  device(productKey: $pk, deviceKey: $dk) { name sn product { name } }
}`;

async function runDashboard(cacheOn: boolean, runs: number, intervalMs: number): Promise<Record<string, number>> {
  const sim = await startSimulator();
  const ttl = cacheOn ? '300000' : '0';
  const config = loadConfig({ LOG_LEVEL: 'silent', CACHE_PRODUCTS_TTL_MS: ttl, CACHE_THING_MODELS_TTL_MS: ttl, CACHE_DEVICES_TTL_MS: ttl });
  const app = await createApp(config, { baseUrl: sim.baseUrl, ...sim.credentials }, { logger: createLogger('silent') });
  try {
    const product = sim.store.authorizedProducts().find((p) => sim.store.devices(p.productKey).length > 0)!;
    const variables = { pk: product.productKey, dk: sim.store.devices(product.productKey)[0].deviceKey };
    // Log in before counting: the token is not what this measures.
    await app.server.executeOperation({ query: '{ products(first: 1) { totalCount } }' }, { contextValue: app.createContext() });
    sim.log.clear();
    for (let run = 0; run < runs; run++) {
      if (run > 0) await sleep(intervalMs);
      const response = await app.server.executeOperation({ query: PAGE, variables }, { contextValue: app.createContext() });
      if (response.body.kind !== 'single' || response.body.singleResult.errors) {
        throw new Error(
          `product page failed: ${JSON.stringify(response.body.kind === 'single' ? response.body.singleResult.errors : 'incremental')}`,
        );
      }
    }
    return sim.log.counters();
  } finally {
    await app.stop();
    await sim.close();
  }
}

async function main(): Promise<void> {
  const runs = intFromEnv('DASHBOARD_RUNS', 12, 1);
  const intervalMs = intFromEnv('DASHBOARD_INTERVAL_MS', 5000, 0);
  const off = await runDashboard(false, runs, intervalMs);
  const on = await runDashboard(true, runs, intervalMs);
  const endpoints = [...new Set([...Object.keys(off), ...Object.keys(on)])].sort();
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const rows = endpoints.map((e) => `| ${e} | ${off[e] ?? 0} | ${on[e] ?? 0} |`);
  const report = [
    `### Dashboard: the product page every ${intervalMs / 1000} s, ${runs} runs (platform calls over the whole run)`,
    '',
    '| endpoint | cache off (default) | cache on (CACHE_*_TTL_MS=300000) |',
    '| --- | ---: | ---: |',
    ...rows,
    `| **total** | **${total(off)}** | **${total(on)}** |`,
    '',
    `node ${process.version}; ${new Date().toISOString()}`,
    '',
  ].join('\n');
  keepReport('dashboard-cache.md', report);
}

runScript(main);
