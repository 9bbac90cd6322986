import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChildRunner } from './per-request/ipc';
import { ALL_OPERATIONS } from './per-request/operations';
import { closeConnections, execute } from './per-request/post';
import type { SimulatorReady } from './per-request/simulator.process';
import type { ServerKind, ServerReady, WindowStats } from './per-request/server.process';
import { intFromEnv, keepReport, runScript } from './script';

/**
 * quec-graph against a plain hand-written `@apollo/server` (per-request/baseline.server.ts) making the same upstream
 * calls, side by side in one run: four operations at 0 and 20 ms upstream latency. The simulator and each server run
 * in a process of their own, so the CPU and heap read in a server process are that server's alone. Per operation and
 * trial, each server gets a sequential phase (latency: p50/p99) and a concurrent phase (throughput), and the server
 * process reports the CPU time (process.cpuUsage) and V8 heap bytes allocated over both. The servers alternate trial
 * by trial (A B, then B A) and the tables give medians over trials and the median of the per-trial ratios, because
 * this machine is shared and noisy. Not a test: no pass/fail.
 *
 *   npm run bench:per-request                      # this table only, written to bench/results/per-request.md
 *   BENCH_TRIALS=15 npm run bench:per-request      # more trials (default 9)
 *   BENCH_LABEL=before npm run bench:per-request   # writes bench/results/per-request-before.md
 *   BENCH_LATENCIES=0 npm run bench:per-request    # upstream latencies to run, ms (default 0,20)
 *   BENCH_CPU_PROF=/tmp/prof npm run bench:per-request   # also writes a CPU profile of each server's measured part there
 *   BENCH_UPSTREAM_MAX_CONCURRENCY=256 npm run bench:per-request   # quec-graph with a wider upstream limiter (default 64)
 */

/** BENCH_OPS=1,4 runs the first and fourth operation only (for profiling one of them). */
const OPERATIONS = process.env.BENCH_OPS
  ? ALL_OPERATIONS.filter((_, i) => process.env.BENCH_OPS?.split(',').includes(String(i + 1)))
  : ALL_OPERATIONS;

const SERVERS: ServerKind[] = ['quec-graph', 'baseline'];

/** Bounded by count and by time, whichever ends first. */
const settings = {
  // Nine: with five, one noisy trial on this 2-core machine moved a median ratio by 0.1 or more.
  trials: intFromEnv('BENCH_TRIALS', 9, 1),
  warmup: intFromEnv('BENCH_WARMUP', 40, 1),
  sequential: intFromEnv('BENCH_SEQUENTIAL', 20, 1),
  concurrent: intFromEnv('BENCH_CONCURRENT', 80, 1),
  concurrency: intFromEnv('BENCH_CONCURRENCY', 8, 1),
  phaseMs: intFromEnv('BENCH_PHASE_MS', 4000, 1),
};

interface Sample {
  requests: number;
  calls: number;
  latencies: number[];
  throughput: number;
  cpuMs: number;
  allocatedBytes: number;
  rssBytes: number;
}

interface Running {
  kind: ServerKind;
  child: ChildRunner<ServerReady>;
  url: string;
}

async function measure(server: Running, sim: ChildRunner<SimulatorReady>, body: string): Promise<Sample> {
  await sim.ask('clear');
  await server.child.ask('windowStart');
  const latencies: number[] = [];
  const sequentialUntil = performance.now() + settings.phaseMs;
  for (let i = 0; i < settings.sequential && (i === 0 || performance.now() < sequentialUntil); i += 1) {
    const started = performance.now();
    await execute(server.url, body);
    latencies.push(performance.now() - started);
  }
  let sent = 0;
  const concurrentStarted = performance.now();
  const concurrentUntil = concurrentStarted + settings.phaseMs;
  const worker = async () => {
    while (sent < settings.concurrent && (sent === 0 || performance.now() < concurrentUntil)) {
      sent += 1;
      await execute(server.url, body);
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, worker));
  const concurrentMs = performance.now() - concurrentStarted;
  const stats = await server.child.ask<WindowStats>('windowEnd');
  const calls = await sim.ask<number>('count');
  const requests = latencies.length + sent;
  return {
    requests,
    calls: calls / requests,
    latencies,
    throughput: (sent / concurrentMs) * 1000,
    cpuMs: stats.cpuMs / requests,
    allocatedBytes: stats.allocatedBytes / requests,
    rssBytes: stats.rssBytes,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const mib = (bytes: number) => bytes / 1048576;

interface LatencyResult {
  latencyMs: number;
  rows: string[];
  ratios: string[];
  rss: Record<ServerKind, number>;
}

async function runAtLatency(latencyMs: number): Promise<LatencyResult> {
  const dist = __dirname;
  const sim = ChildRunner.fork<SimulatorReady>(resolve(dist, 'per-request/simulator.process.js'), [String(latencyMs)], {});
  const servers: Running[] = [];
  try {
    const { baseUrl, credentials, fixtures } = await sim.ready;
    const env = {
      BENCH_UPSTREAM_URL: baseUrl,
      BENCH_ACCESS_KEY: credentials.accessKey,
      BENCH_ACCESS_SECRET: credentials.accessSecret,
      ...(process.env.BENCH_UPSTREAM_MAX_CONCURRENCY ? { BENCH_UPSTREAM_MAX_CONCURRENCY: process.env.BENCH_UPSTREAM_MAX_CONCURRENCY } : {}),
    };
    for (const kind of SERVERS) {
      const child = ChildRunner.fork<ServerReady>(resolve(dist, 'per-request/server.process.js'), [kind], env);
      servers.push({ kind, child, url: (await child.ready).graphqlUrl });
    }
    const bodies = OPERATIONS.map((op) => JSON.stringify({ query: op.query, variables: op.variables(fixtures) }));
    // Warm-up: JIT, the upstream token, connection pools; a failing operation stops the bench here.
    for (const server of servers) {
      for (const body of bodies) {
        await Promise.all(
          Array.from({ length: 4 }, async () => {
            for (let i = 0; i < settings.warmup / 4; i += 1) await execute(server.url, body);
          }),
        );
      }
    }
    const profileDir = process.env.BENCH_CPU_PROF;
    if (profileDir) await Promise.all(servers.map((server) => server.child.ask('profileStart')));
    const samples = new Map<string, Sample[]>();
    for (let trial = 0; trial < settings.trials; trial += 1) {
      const order = trial % 2 === 0 ? servers : [...servers].reverse();
      for (const [index, body] of bodies.entries()) {
        for (const server of order) {
          const key = `${index}/${server.kind}`;
          samples.set(key, [...(samples.get(key) ?? []), await measure(server, sim, body)]);
        }
      }
    }
    if (profileDir) {
      mkdirSync(profileDir, { recursive: true });
      await Promise.all(servers.map((server) => server.child.ask('profileStop', resolve(profileDir, `${server.kind}-${latencyMs}ms.cpuprofile`))));
    }
    const rows: string[] = [];
    const ratios: string[] = [];
    const rss = {} as Record<ServerKind, number>;
    for (const [index, op] of OPERATIONS.entries()) {
      const floor = op.floor(fixtures);
      for (const server of servers) {
        const s = samples.get(`${index}/${server.kind}`) ?? [];
        const latencies = s.flatMap((x) => x.latencies);
        rows.push(
          `| ${op.name} | ${latencyMs} | ${server.kind} | ${fixed(median(s.map((x) => x.calls)), 0)} / ${floor} | ${fixed(percentile(latencies, 50))} | ${fixed(percentile(latencies, 99))} | ${fixed(median(s.map((x) => x.throughput)), 0)} | ${fixed(median(s.map((x) => x.cpuMs)), 2)} | ${fixed(mib(median(s.map((x) => x.allocatedBytes))), 2)} |`,
        );
        rss[server.kind] = Math.max(rss[server.kind] ?? 0, ...s.map((x) => x.rssBytes));
      }
      const ours = samples.get(`${index}/quec-graph`) ?? [];
      const theirs = samples.get(`${index}/baseline`) ?? [];
      const paired = (pick: (x: Sample) => number) => median(ours.map((x, i) => pick(x) / pick(theirs[i])));
      const oursP50 = percentile(
        ours.flatMap((x) => x.latencies),
        50,
      );
      const theirsP50 = percentile(
        theirs.flatMap((x) => x.latencies),
        50,
      );
      ratios.push(
        `| ${op.name} | ${latencyMs} | ${fixed(
          paired((x) => x.cpuMs),
          2,
        )} | ${fixed(
          paired((x) => x.throughput),
          2,
        )} | ${fixed(
          paired((x) => x.allocatedBytes),
          2,
        )} | ${fixed(oursP50 / theirsP50, 2)} | ${op.waves} x ${latencyMs} = ${op.waves * latencyMs} | ${fixed(oursP50 - op.waves * latencyMs)} |`,
      );
    }
    return { latencyMs, rows, ratios, rss };
  } finally {
    await Promise.all(servers.map((server) => server.child.stop()));
    await sim.stop();
  }
}

/** Runs both latencies and returns the Markdown tables. */
export async function runPerRequestBench(): Promise<string> {
  const started = performance.now();
  const load = loadavg()[0];
  const results: LatencyResult[] = [];
  const latencies = (process.env.BENCH_LATENCIES ?? '0,20').split(',').map(Number);
  for (const latencyMs of latencies) results.push(await runAtLatency(latencyMs));
  closeConnections();
  const seconds = (performance.now() - started) / 1000;
  return [
    `### Per request: quec-graph against a plain hand-written @apollo/server making the same upstream calls`,
    '',
    `${settings.trials} trials, servers alternating (A B, B A, ...); per trial and server: ${settings.sequential} sequential requests (latency), then ${settings.concurrent} at concurrency ${settings.concurrency} (throughput), each phase at most ${settings.phaseMs / 1000} s. ` +
      'CPU and heap allocation are read in the server process over both phases (process.cpuUsage, V8 GC profiler); the simulator runs in its own process. ' +
      'Medians over trials; p50/p99 over all sequential requests.',
    '',
    '| operation | upstream latency (ms) | server | upstream calls / floor | p50 (ms) | p99 (ms) | throughput (ops/s) | CPU (ms/op) | allocated (MiB/op) |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.flatMap((r) => r.rows),
    '',
    'Ratios quec-graph / baseline (median of the per-trial ratios; targets: CPU at most 1.1, throughput at least 0.9), and quec-graph p50 against the sequential waves:',
    '',
    '| operation | upstream latency (ms) | CPU | throughput | allocated | p50 | waves x latency (ms) | quec-graph p50 over it (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.flatMap((r) => r.ratios),
    '',
    `Server RSS at the end (max over windows): ${results.map((r) => `${r.latencyMs} ms: quec-graph ${fixed(mib(r.rss['quec-graph']), 0)} MiB, baseline ${fixed(mib(r.rss.baseline), 0)} MiB`).join('; ')}. ` +
      `Load average at start ${fixed(load, 1)} on ${cpus().length} CPUs; ${fixed(seconds, 0)} s.`,
  ].join('\n');
}

if (require.main === module) {
  runScript(async () => {
    const label = process.env.BENCH_LABEL;
    keepReport(
      `per-request${label ? `-${label}` : ''}.md`,
      `${await runPerRequestBench()}\n\nnode ${process.version}; ${new Date().toISOString()}\n`,
    );
  });
}
