import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startSimulator, type SimulatorHandle } from '../simulator';
import { intFromEnv, keepReport, runScript } from './script';

/**
 * Soak: the built service (dist/src/index.js, a real process on 127.0.0.1:0) over the simulator with injected faults
 * (5 % 5xx, resets, timeouts, 429 bursts with Retry-After, every token revoked mid-run), driven by 50 concurrent
 * connections for a bounded time. Counts answers, coded and uncoded errors, crashes, duplicate commands, secrets
 * in responses/logs/metrics, RSS and latency. Prints a Markdown table; not a test, no pass/fail.
 *
 *   npm run bench:soak                      # 30 s, retries on
 *   SOAK_SECONDS=60 npm run bench:soak
 *   SOAK_RETRY_MAX=0 npm run bench:soak     # the same load with retries off, for comparison
 *   SOAK_FAULTS=0 npm run bench:soak        # the same load over a healthy simulator: the machine's baseline
 */

export interface SoakOptions {
  seconds: number;
  connections: number;
  /** UPSTREAM_RETRY_MAX of the service; 0 shows the platform's faults unabsorbed. */
  retryMax: number;
  /** False runs the same load over a healthy simulator: this machine's baseline. */
  faults: boolean;
}

const ENTRY = resolve(__dirname, '../src/index.js');
const CLIENT_TIMEOUT_MS = 10_000;
/** A connection's share of command mutations: 1 in this many requests. */
const COMMAND_EVERY = 40;

const NESTED = '{ products(first: 5) { edges { node { productKey name devices(first: 5) { edges { node { deviceKey name status } } } } } } }';
const DEVICE = 'query($pk: String!, $dk: String!) { device(productKey: $pk, deviceKey: $dk) { deviceKey name status product { name } } }';
const COMMAND = 'mutation($input: WritePropertiesInput!) { writeDeviceProperties(input: $input) { acceptedCount rejectedCount unknownCount } }';

interface Tally {
  reads: number;
  readsFull: number;
  commands: number;
  commandsFull: number;
  coded: number;
  uncoded: number;
  http5xx: number;
  timeouts: number;
  secrets: number;
  latencies: number[];
  codes: Map<string, number>;
  /** Error messages with digits folded, to see what failed. */
  messages: Map<string, number>;
}

/** Finds secrets in text that arrives in chunks: keeps a tail so a secret split across two chunks is still seen. */
class SecretScanner {
  private tail = '';
  found = 0;

  constructor(private readonly patterns: RegExp[]) {}

  scan(chunk: string): void {
    const text = this.tail + chunk;
    // A match that ends inside the kept tail was counted with the previous chunk.
    for (const pattern of this.patterns) {
      for (const match of text.matchAll(pattern)) if (match.index + match[0].length > this.tail.length) this.found += 1;
    }
    this.tail = text.slice(-200);
  }
}

function secretPatterns(sim: SimulatorHandle): RegExp[] {
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [new RegExp(escapeRegExp(sim.credentials.accessSecret), 'g'), /QJWT [\w-]+/g, /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g];
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

async function startService(
  sim: SimulatorHandle,
  retryMax: number,
  scanner: SecretScanner,
): Promise<{ url: string; child: ChildProcess; exited: () => boolean }> {
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      // Debug logs every upstream call: the place a token or secret would leak first.
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
      QUEC_BASE_URL: sim.baseUrl,
      QUEC_ACCESS_KEY: sim.credentials.accessKey,
      QUEC_ACCESS_SECRET: sim.credentials.accessSecret,
      QUEC_TIMEOUT_MS: '2000',
      UPSTREAM_RETRY_MAX: String(retryMax),
      UPSTREAM_RETRY_BUDGET_MS: '3000',
      ...(process.env.SOAK_HEDGE_AFTER_MS ? { UPSTREAM_HEDGE_AFTER_MS: process.env.SOAK_HEDGE_AFTER_MS } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  let head = '';
  child.once('exit', () => (exited = true));
  const onOutput = (chunk: Buffer) => {
    const text = chunk.toString();
    scanner.scan(text);
    if (head.length < 100_000) head += text;
  };
  child.stdout!.on('data', onOutput);
  child.stderr!.on('data', onOutput);
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${head}`)), 30_000);
    const check = () => {
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"quec-graph ready"/.exec(head);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code}:\n${head}`));
    });
  });
  return { url, child, exited: () => exited };
}

function injectFaults(sim: SimulatorHandle): void {
  sim.faults.random(
    [
      // 5 % 5xx in all: gateway pages and platform 5xx.
      { probability: 0.02, fault: { httpStatus: 500 } },
      { probability: 0.015, fault: { httpStatus: 502, body: '<html><body>502 Bad Gateway</body></html>' } },
      { probability: 0.015, fault: { httpStatus: 503, headers: { 'Retry-After': '1' }, body: '<html>busy</html>' } },
      // Connections cut, and answers that come after the service's 2 s upstream timeout.
      { probability: 0.005, fault: { reset: true } },
      { probability: 0.005, fault: { delayMs: 2500, httpStatus: 504 } },
    ],
    42,
  );
}

/** A burst of 429s with Retry-After on the busiest endpoints, the way a rate limiter kicks in. */
function rateLimitBurst(sim: SimulatorHandle): void {
  const busiest = Object.entries(sim.log.counters())
    .filter(([endpoint]) => !endpoint.startsWith('auth.') && !endpoint.startsWith('dm.') && endpoint !== 'unknown')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  for (const [endpoint] of busiest)
    sim.faults.inject(endpoint, { httpStatus: 429, headers: { 'Retry-After': '1' }, body: '{"status":429,"error":"Too Many Requests"}', times: 5 });
}

async function post(
  url: string,
  body: object,
  tally: Tally,
  scanner: SecretScanner,
): Promise<{ data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: unknown } }> } | undefined> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const text = await response.text();
    tally.latencies.push(performance.now() - started);
    scanner.scan(text);
    if (response.status >= 500) tally.http5xx += 1;
    return JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: unknown } }> };
  } catch (error) {
    tally.latencies.push(performance.now() - started);
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') tally.timeouts += 1;
    else tally.uncoded += 1;
    return undefined;
  }
}

function classify(result: Awaited<ReturnType<typeof post>>, tally: Tally): boolean {
  if (!result) return false;
  for (const error of result.errors ?? []) {
    const message = String((error as { message?: unknown }).message ?? '')
      .replace(/\d+/g, 'N')
      .slice(0, 90);
    tally.messages.set(message, (tally.messages.get(message) ?? 0) + 1);
    const code = error.extensions?.code;
    if (typeof code === 'string') {
      tally.coded += 1;
      tally.codes.set(code, (tally.codes.get(code) ?? 0) + 1);
    } else tally.uncoded += 1;
  }
  return !result.errors?.length && result.data !== null && result.data !== undefined;
}

export async function runSoakBench(options: SoakOptions): Promise<string> {
  // Every upstream call of the run stays in the log, so commands executed can be counted from it.
  const sim = await startSimulator({ latencyMs: 5, requestLogLimit: 1_000_000 });
  const scanner = new SecretScanner(secretPatterns(sim));
  const service = await startService(sim, options.retryMax, scanner);
  const tally: Tally = {
    reads: 0,
    readsFull: 0,
    commands: 0,
    commandsFull: 0,
    coded: 0,
    uncoded: 0,
    http5xx: 0,
    timeouts: 0,
    secrets: 0,
    latencies: [],
    codes: new Map(),
    messages: new Map(),
  };
  const timers: NodeJS.Timeout[] = [];
  try {
    const devices = sim.store.authorizedProducts().flatMap((p) => sim.store.devices(p.productKey).slice(0, 20));
    const meter = sim.store.products().find((p) => p.role === 'meter');
    const commandTargets = meter ? sim.store.devices(meter.productKey).slice(0, 10) : [];
    // Warm-up without faults: login, schema, connections.
    for (let i = 0; i < 5; i += 1)
      await post(service.url, { query: NESTED }, { ...tally, latencies: [], codes: new Map(), messages: new Map() }, scanner);
    const rssStart = rssMiB(service.child.pid!);
    sim.log.clear();
    if (options.faults) injectFaults(sim);
    const durationMs = options.seconds * 1000;
    if (options.faults) {
      timers.push(setInterval(() => rateLimitBurst(sim), 10_000));
      timers.push(setTimeout(() => sim.tokens.revokeAll(), durationMs / 2));
    }
    const deadline = performance.now() + durationMs;

    const worker = async (id: number) => {
      for (let i = 0; performance.now() < deadline; i += 1) {
        if (commandTargets.length > 0 && (i + id) % COMMAND_EVERY === 0) {
          const target = commandTargets[(i + id) % commandTargets.length];
          tally.commands += 1;
          const input = {
            devices: [{ productKey: target.productKey, deviceKey: target.deviceKey }],
            properties: [{ code: 'switch', value: (i & 1) === 0 }],
          };
          if (classify(await post(service.url, { query: COMMAND, variables: { input } }, tally, scanner), tally)) tally.commandsFull += 1;
          continue;
        }
        tally.reads += 1;
        const device = devices[(i * 7 + id) % devices.length];
        const body = i % 2 === 0 ? { query: NESTED } : { query: DEVICE, variables: { pk: device.productKey, dk: device.deviceKey } };
        if (classify(await post(service.url, body, tally, scanner), tally)) tally.readsFull += 1;
      }
    };
    await Promise.all(Array.from({ length: options.connections }, (_, id) => worker(id)));
    for (const timer of timers) clearInterval(timer);
    sim.faults.clear();

    const metrics = await fetch(`${service.url}/metrics`)
      .then((r) => r.text())
      .catch(() => '');
    scanner.scan(metrics);
    // By reason (http_<status>, timeout, network, hedge): which faults the tail latency comes from.
    const retriesByReason = new Map<string, number>();
    for (const m of metrics.matchAll(/^quec_graph_upstream_retries_total\{[^}]*reason="([^"]+)"[^}]*\} (\d+)/gm)) {
      retriesByReason.set(m[1], (retriesByReason.get(m[1]) ?? 0) + Number(m[2]));
    }
    const retries = [...retriesByReason.values()].reduce((sum, n) => sum + n, 0);
    const rssEnd = rssMiB(service.child.pid!);
    const crashes = service.exited() ? 1 : 0;
    // A command the platform refused (an injected fault, a revoked token answered 91001 and re-sent once with a new
    // token) was not executed; a duplicate is a second accepted call for one mutation.
    const writes = sim.log.entries().filter((e) => e.endpoint === 'dm.writeData');
    const sentCommands = writes.length;
    const executedCommands = writes.filter((e) => e.httpStatus === 200 && e.code === 200).length;
    const duplicates = Math.max(0, executedCommands - tally.commands);
    tally.latencies.sort((a, b) => a - b);
    const pct = (p: number) => tally.latencies[Math.min(tally.latencies.length - 1, Math.floor((p / 100) * tally.latencies.length))] ?? 0;
    const requests = tally.reads + tally.commands;
    const upstream = sim.log.entries();
    const faulted = upstream.filter((e) => e.httpStatus !== 200).length;
    const rows: Array<[string, string]> = [
      [
        'duration (s) / connections / UPSTREAM_RETRY_MAX / UPSTREAM_HEDGE_AFTER_MS / faults',
        `${options.seconds} / ${options.connections} / ${options.retryMax} / ${process.env.SOAK_HEDGE_AFTER_MS ?? '1500 (default)'} / ${options.faults ? 'on' : 'off'}`,
      ],
      ['load average at the end (1 min, this machine)', loadavg()[0].toFixed(1)],
      ['requests', String(requests)],
      ['reads answered in full', `${tally.readsFull} / ${tally.reads} (${((100 * tally.readsFull) / Math.max(1, tally.reads)).toFixed(2)} %)`],
      ['commands answered in full', `${tally.commandsFull} / ${tally.commands}`],
      ['coded errors (by code)', `${tally.coded} ${JSON.stringify(Object.fromEntries(tally.codes))}`],
      ['uncoded errors', String(tally.uncoded)],
      ['HTTP 5xx from the service', String(tally.http5xx)],
      ['client timeouts (10 s)', String(tally.timeouts)],
      ['crashes', String(crashes)],
      [
        'duplicate commands (dm.writeData accepted by the platform beyond mutations sent)',
        `${duplicates} (${executedCommands} accepted, ${sentCommands} calls, for ${tally.commands} mutations)`,
      ],
      ['secrets found (responses, logs, /metrics)', String(scanner.found)],
      [
        'upstream calls / answered with a fault / retries',
        `${upstream.length} / ${faulted} (${((100 * faulted) / Math.max(1, upstream.length)).toFixed(1)} %) / ${retries}`,
      ],
      ['retries by reason (hedge: a second exchange for a slow read)', JSON.stringify(Object.fromEntries([...retriesByReason].sort()))],
      ['RSS start / end (MiB)', `${rssStart.toFixed(0)} / ${rssEnd.toFixed(0)}`],
      [
        'most frequent error messages',
        [...tally.messages]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([m, n]) => `${n}× ${m}`)
          .join('; ') || '-',
      ],
      ['p50 / p99 / max (ms)', `${pct(50).toFixed(0)} / ${pct(99).toFixed(0)} / ${(tally.latencies.at(-1) ?? 0).toFixed(0)}`],
    ];
    return [
      `### Soak: built service over a faulty simulator (5 % 5xx, resets, timeouts, 429 bursts, token revoked mid-run)`,
      '',
      '| measure | value |',
      '| --- | ---: |',
      ...rows.map(([name, value]) => `| ${name} | ${value} |`),
    ].join('\n');
  } finally {
    for (const timer of timers) clearInterval(timer);
    await new Promise<void>((done) => {
      if (service.exited()) return done();
      service.child.once('exit', () => done());
      service.child.kill('SIGTERM');
    });
    await sim.close();
  }
}

if (require.main === module) {
  const options = {
    seconds: intFromEnv('SOAK_SECONDS', 30, 5, 600),
    connections: intFromEnv('SOAK_CONNECTIONS', 50, 1, 500),
    retryMax: intFromEnv('SOAK_RETRY_MAX', 3, 0, 10),
    faults: intFromEnv('SOAK_FAULTS', 1, 0, 1) === 1,
  };
  runScript(async () => {
    const table = await runSoakBench(options);
    keepReport(
      `soak-c${options.connections}-retry-${options.retryMax}${options.faults ? '' : '-no-faults'}.md`,
      `${table}\n\nnode ${process.version}; ${new Date().toISOString()}\n`,
    );
  });
}
