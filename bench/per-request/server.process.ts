import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { serveParent } from './ipc';

/**
 * One GraphQL server in a process of its own (`fork`ed by per-request.bench.ts): argv[2] is `quec-graph` (the real
 * HTTP service with the production defaults, logs to /dev/null) or `baseline` (baseline.server.ts). The upstream
 * comes from BENCH_UPSTREAM_URL, BENCH_ACCESS_KEY and BENCH_ACCESS_SECRET. Answers `windowStart` and `windowEnd`,
 * which measure this process between them: CPU (process.cpuUsage), bytes allocated on the V8 heap and RSS.
 */

export type ServerKind = 'quec-graph' | 'baseline';

export interface ServerReady {
  /** Where to POST GraphQL. */
  graphqlUrl: string;
  pid: number;
}

export interface WindowStats {
  cpuMs: number;
  allocatedBytes: number;
  gcCount: number;
  rssBytes: number;
}

/** Loaded only in the process that serves it, so neither server's RSS holds the other's modules. */
async function startQuecGraph(baseUrl: string, accessKey: string, accessSecret: string): Promise<string> {
  const { startQuecGraph: start } = await import('./quec-graph-service');
  // BENCH_UPSTREAM_MAX_CONCURRENCY: the limiter's bound (default 64), to see what it costs a fan-out-heavy page.
  const limiter = process.env.BENCH_UPSTREAM_MAX_CONCURRENCY;
  const { url } = await start({ baseUrl, accessKey, accessSecret }, limiter ? { UPSTREAM_MAX_CONCURRENCY: limiter } : {});
  return `${url}/graphql`;
}

/**
 * Heap bytes allocated between `start` and `end`: what the heap grew by plus what each GC in between freed. The
 * GC profiler reports the used heap before and after every collection.
 */
class AllocationWindow {
  private profiler: GCProfiler | undefined;
  private usedAtStart = 0;
  private cpuAtStart: NodeJS.CpuUsage | undefined;

  start(): void {
    this.profiler = new GCProfiler();
    this.profiler.start();
    this.usedAtStart = getHeapStatistics().used_heap_size;
    this.cpuAtStart = process.cpuUsage();
  }

  end(): WindowStats {
    const cpu = process.cpuUsage(this.cpuAtStart);
    const usedAtEnd = getHeapStatistics().used_heap_size;
    const statistics = this.profiler?.stop()?.statistics ?? [];
    const freed = statistics.reduce(
      (sum, gc) => sum + Math.max(0, gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize),
      0,
    );
    return {
      cpuMs: (cpu.user + cpu.system) / 1000,
      allocatedBytes: usedAtEnd - this.usedAtStart + freed,
      gcCount: statistics.length,
      rssBytes: process.memoryUsage.rss(),
    };
  }
}

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind;
  const baseUrl = process.env.BENCH_UPSTREAM_URL ?? '';
  const accessKey = process.env.BENCH_ACCESS_KEY ?? '';
  const accessSecret = process.env.BENCH_ACCESS_SECRET ?? '';
  const graphqlUrl =
    kind === 'quec-graph'
      ? await startQuecGraph(baseUrl, accessKey, accessSecret)
      : `${await (await import('./baseline.server')).startBaselineServer(baseUrl, { accessKey, accessSecret })}/graphql`;
  const window = new AllocationWindow();
  const profiler = new Session();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolvePost, reject) => profiler.post(method, params, (error, result) => (error ? reject(error) : resolvePost(result))));
  serveParent(
    {
      windowStart: () => window.start(),
      windowEnd: () => window.end(),
      rss: () => process.memoryUsage.rss(),
      memory: () => process.memoryUsage(),
      // CPU profile of the measured part only (after the warm-up), for BENCH_CPU_PROF.
      profileStart: async () => {
        profiler.connect();
        await post('Profiler.enable');
        await post('Profiler.setSamplingInterval', { interval: 200 });
        await post('Profiler.start');
      },
      profileStop: async (path: unknown) => {
        const { profile } = (await post('Profiler.stop')) as { profile: object };
        writeFileSync(String(path), JSON.stringify(profile));
        profiler.disconnect();
      },
    },
    { graphqlUrl, pid: process.pid } satisfies ServerReady,
  );
  process.once('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
