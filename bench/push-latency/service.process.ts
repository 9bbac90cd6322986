import { serveParent } from '../per-request/ipc';
import { startQuecGraph } from '../per-request/quec-graph-service';
import { useRouter, type RouterKind } from './scan-router';

/**
 * quec-graph in a process of its own for push-latency.bench.ts: the real HTTP service with the production defaults
 * (live state on, logs to /dev/null) consuming the bench's RabbitMQ queue, its hub routing by `argv[2]` (`map` or
 * `scan`). Upstream and broker from BENCH_UPSTREAM_URL, BENCH_ACCESS_KEY, BENCH_ACCESS_SECRET, BENCH_AMQP_URL and
 * BENCH_AMQP_QUEUE. Answers `subscribers`, `windowStart` and `windowEnd` (fan-outs, CPU and RSS between them).
 */

export interface ServiceReady {
  url: string;
  pid: number;
}

export interface ServiceWindow {
  /** Messages the hub fanned out (through the router named on the command line). */
  fanOuts: number;
  cpuMs: number;
  rssBytes: number;
}

async function main(): Promise<void> {
  const router = process.argv[2] as RouterKind;
  if (router !== 'map' && router !== 'scan') throw new Error(`router must be map or scan, got ${router}`);
  const env = process.env;
  const upstream = { baseUrl: env.BENCH_UPSTREAM_URL ?? '', accessKey: env.BENCH_ACCESS_KEY ?? '', accessSecret: env.BENCH_ACCESS_SECRET ?? '' };
  const { url, app } = await startQuecGraph(upstream, { QUEC_AMQP_URL: env.BENCH_AMQP_URL, QUEC_AMQP_QUEUE: env.BENCH_AMQP_QUEUE });
  if (!app.push) throw new Error('push is not configured: BENCH_AMQP_URL and BENCH_AMQP_QUEUE are needed');
  const hub = app.push;
  const counter = useRouter(hub, router);
  let start = { fanOuts: 0, cpu: process.cpuUsage() };
  serveParent(
    {
      subscribers: () => hub.subscriberCount,
      windowStart: () => {
        start = { fanOuts: counter.fanOuts(), cpu: process.cpuUsage() };
      },
      windowEnd: (): ServiceWindow => {
        const cpu = process.cpuUsage(start.cpu);
        return { fanOuts: counter.fanOuts() - start.fanOuts, cpuMs: (cpu.user + cpu.system) / 1000, rssBytes: process.memoryUsage.rss() };
      },
    },
    { url, pid: process.pid } satisfies ServiceReady,
  );
  // The bench disposes its clients first; the broker requeues nothing, every message was acknowledged.
  process.once('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench service failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
