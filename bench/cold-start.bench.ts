import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startSimulator } from '../simulator';

/** 100 concurrent first requests against a cold token cache: logins made and time to answer them all. */
export async function runColdStartBench(): Promise<string> {
  const rows: string[] = [];
  for (const latencyMs of [0, 50]) {
    const sim = await startSimulator({ latencyMs });
    const app = await createApp(
      loadConfig({ LOG_LEVEL: 'silent' }),
      { baseUrl: sim.baseUrl, ...sim.credentials },
      { logger: createLogger('silent') },
    );
    try {
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 100 }, () =>
          app.server.executeOperation({ query: '{ products(first: 5) { totalCount } }' }, { contextValue: app.createContext() }),
        ),
      );
      const elapsed = performance.now() - started;
      rows.push(`| ${latencyMs} | 100 | ${sim.log.count('auth.login')} | ${sim.log.count('product.list')} | ${elapsed.toFixed(1)} |`);
    } finally {
      await app.stop();
      await sim.close();
    }
  }
  return [
    '### Cold start: 100 concurrent requests, empty token cache',
    '',
    '| upstream latency (ms) | requests | logins | product list calls | all answered (ms) |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
