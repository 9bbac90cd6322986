import 'reflect-metadata';
import { runColdStartBench } from './cold-start.bench';
import { runGraphWalkBench } from './graph-walk.bench';
import { runPerRequestBench } from './per-request.bench';
import { runPushFanoutBench } from './push-fanout.bench';
import { runQueryCostBench } from './query-cost.bench';
import { keepReport, runScript } from './script';

/** Runs every benchmark, prints the tables and writes them to bench/results/latest.md. Not a test: no pass/fail. */
async function main(): Promise<void> {
  const memoryBefore = process.memoryUsage().rss;
  const tables = [
    await runGraphWalkBench(),
    await runPerRequestBench(),
    await runColdStartBench(),
    await runPushFanoutBench(),
    await runQueryCostBench(),
  ];
  const footer = `RSS ${(memoryBefore / 1048576).toFixed(0)} MiB before, ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB after; node ${process.version}; ${new Date().toISOString()}`;
  const report = `${tables.join('\n\n')}\n\n${footer}\n`;
  keepReport('latest.md', report);
}

runScript(main);
