import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChildRunner } from './per-request/ipc';
import { ALL_OPERATIONS } from './per-request/operations';
import { closeConnections, execute } from './per-request/post';
import type { ServerReady } from './per-request/server.process';
import type { SimulatorReady } from './per-request/simulator.process';
import { intFromEnv, keepReport, runScript } from './script';

/**
 * Memory over a long run: the built service (production defaults, its own process) answers RSS_SOAK_REQUESTS
 * requests (default 100,000) of the per-request bench's four operations in turn, at RSS_SOAK_CONCURRENCY (default 8),
 * against the simulator in a third process at 0 ms latency. The server's RSS is read every tenth of the run. A leak
 * shows as a slope: the table gives the least-squares growth over the second half, where warm-up (JIT, pools, the
 * young generation growing to its working size) is over. Target (issue 13): under 150 MiB at the end, no growth
 * trend. Not a test: no pass/fail.
 *
 *   npm run bench:rss                          # 100,000 requests, writes bench/results/rss-soak.md
 *   RSS_SOAK_REQUESTS=20000 npm run bench:rss  # a shorter run
 *   RSS_SOAK_NODE_OPTIONS=--max-semi-space-size=4 npm run bench:rss   # the service under other V8 flags
 */

const settings = {
  requests: intFromEnv('RSS_SOAK_REQUESTS', 100_000, 1, 1_000_000),
  concurrency: intFromEnv('RSS_SOAK_CONCURRENCY', 8, 1, 64),
  /** Stops early past this, whatever the count: every loop here is bounded in time too. */
  maxSeconds: intFromEnv('RSS_SOAK_MAX_SECONDS', 1800, 1, 7200),
  samples: 10,
};

interface Reading {
  requests: number;
  seconds: number;
  rssMiB: number;
  /** V8 heap in use and reserved: RSS growing with a flat heap in use is the heap reserving, not a leak. */
  heapUsedMiB: number;
  heapTotalMiB: number;
}

/** Least-squares slope of RSS against requests, in MiB per 10,000 requests. */
function slopePer10k(readings: readonly Reading[]): number {
  const n = readings.length;
  if (n < 2) return 0;
  const mx = readings.reduce((s, r) => s + r.requests, 0) / n;
  const my = readings.reduce((s, r) => s + r.rssMiB, 0) / n;
  const sxy = readings.reduce((s, r) => s + (r.requests - mx) * (r.rssMiB - my), 0);
  const sxx = readings.reduce((s, r) => s + (r.requests - mx) ** 2, 0);
  return sxx === 0 ? 0 : (sxy / sxx) * 10_000;
}

export async function runRssSoakBench(): Promise<string> {
  const dist = __dirname;
  const load = loadavg()[0];
  const sim = ChildRunner.fork<SimulatorReady>(resolve(dist, 'per-request/simulator.process.js'), ['0'], {});
  let server: ChildRunner<ServerReady> | undefined;
  try {
    const { baseUrl, credentials, fixtures } = await sim.ready;
    server = ChildRunner.fork<ServerReady>(resolve(dist, 'per-request/server.process.js'), ['quec-graph'], {
      BENCH_UPSTREAM_URL: baseUrl,
      BENCH_ACCESS_KEY: credentials.accessKey,
      BENCH_ACCESS_SECRET: credentials.accessSecret,
      // V8 flags to compare (e.g. --max-semi-space-size=4), as an operator would set them.
      ...(process.env.RSS_SOAK_NODE_OPTIONS ? { NODE_OPTIONS: process.env.RSS_SOAK_NODE_OPTIONS } : {}),
    });
    const { graphqlUrl } = await server.ready;
    const bodies = ALL_OPERATIONS.map((op) => JSON.stringify({ query: op.query, variables: op.variables(fixtures) }));
    const read = async (requests: number, seconds: number): Promise<Reading> => {
      const memory = await server!.ask<NodeJS.MemoryUsage>('memory');
      const mib = (bytes: number) => bytes / 1048576;
      return { requests, seconds, rssMiB: mib(memory.rss), heapUsedMiB: mib(memory.heapUsed), heapTotalMiB: mib(memory.heapTotal) };
    };

    const readings: Reading[] = [await read(0, 0)];
    const every = Math.ceil(settings.requests / settings.samples);
    const started = performance.now();
    const deadline = started + settings.maxSeconds * 1000;
    let sent = 0;
    let done = 0;
    let failures = 0;
    let firstFailure = '';
    let nextReading = every;
    let reading: Promise<void> = Promise.resolve();
    const worker = async () => {
      while (sent < settings.requests && performance.now() < deadline) {
        const body = bodies[sent++ % bodies.length];
        await execute(graphqlUrl, body).catch((error: unknown) => {
          failures += 1;
          firstFailure ||= error instanceof Error ? error.message : String(error);
        });
        done += 1;
        if (done >= nextReading) {
          nextReading += every;
          const at = done;
          reading = reading.then(async () => {
            readings.push(await read(at, (performance.now() - started) / 1000));
          });
        }
      }
    };
    await Promise.all(Array.from({ length: settings.concurrency }, worker));
    await reading;
    const seconds = (performance.now() - started) / 1000;
    const secondHalf = readings.filter((r) => r.requests >= done / 2);
    const peak = Math.max(...readings.map((r) => r.rssMiB));
    return [
      '### RSS over a long run: the built service, four operations in turn, simulator at 0 ms in its own process',
      '',
      '| requests | seconds | server RSS (MiB) | V8 heap used / reserved (MiB) |',
      '| ---: | ---: | ---: | ---: |',
      ...readings.map(
        (r) => `| ${r.requests} | ${r.seconds.toFixed(0)} | ${r.rssMiB.toFixed(1)} | ${r.heapUsedMiB.toFixed(1)} / ${r.heapTotalMiB.toFixed(1)} |`,
      ),
      '',
      '| measure | value |',
      '| --- | ---: |',
      ['requests answered / failed', `${done - failures} / ${failures}${firstFailure ? ` (first: ${firstFailure.slice(0, 120)})` : ''}`],
      ['concurrency / throughput (req/s)', `${settings.concurrency} / ${(done / seconds).toFixed(0)}`],
      ['RSS at the end / peak (MiB; target under 150)', `${readings.at(-1)!.rssMiB.toFixed(1)} / ${peak.toFixed(1)}`],
      ['RSS growth over the second half (MiB per 10,000 requests; no trend is about 0)', slopePer10k(secondHalf).toFixed(2)],
      ['service NODE_OPTIONS', process.env.RSS_SOAK_NODE_OPTIONS ?? '(none)'],
      ['load average at the start (1 min) / CPUs', `${load.toFixed(1)} / ${cpus().length}`],
    ]
      .map((row) => (typeof row === 'string' ? row : `| ${row[0]} | ${row[1]} |`))
      .join('\n');
  } finally {
    closeConnections();
    await server?.stop();
    await sim.stop();
  }
}

if (require.main === module) {
  runScript(async () => keepReport('rss-soak.md', `${await runRssSoakBench()}\n\nnode ${process.version}; ${new Date().toISOString()}\n`));
}
