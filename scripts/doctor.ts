import { resolve } from 'node:path';
import type { UpstreamTarget } from '../src/app';
import { ConfigError, REGION_BASE_URLS, loadConfig } from '../src/config';
import { loadDotEnv } from '../src/env-file';
import { startSimulator, type SimulatorHandle } from '../simulator';
import { formatTable, runDoctor } from './doctor/run-doctor';

const USAGE = `usage: npm run doctor -- [--out <folder>] [--no-samples] [--page-size <n>]

Probes the platform account configured by QUEC_REGION / QUEC_BASE_URL, QUEC_ACCESS_KEY and QUEC_ACCESS_SECRET
(environment or .env) with harmless reads only, prints what works, what is capped and what is unsupported, and
writes sanitised answers to a new folder per run under <folder> (default doctor-samples/). Without credentials it probes the embedded simulator.
`;

interface Arguments {
  outDir?: string;
  largePageSize: number;
}

function parseArguments(argv: readonly string[]): Arguments {
  const args: Arguments = { outDir: 'doctor-samples', largePageSize: 1000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--out' && argv[i + 1]) args.outDir = argv[++i];
    else if (flag === '--no-samples') args.outDir = undefined;
    else if (flag === '--page-size' && /^\d{1,5}$/.test(argv[i + 1] ?? '') && Number(argv[i + 1]) >= 1) args.largePageSize = Number(argv[++i]);
    else throw new ConfigError(`unknown or incomplete argument "${flag}"\n${USAGE}`);
  }
  return args;
}

/** `npm run doctor`: exit 0 when the login works and every documented family answers; 1 otherwise. */
async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  loadDotEnv();
  const config = loadConfig();
  let simulator: SimulatorHandle | undefined;
  let upstream: UpstreamTarget;
  let label: string;
  if (config.upstream.kind === 'platform') {
    upstream = config.upstream;
    const region = Object.entries(REGION_BASE_URLS).find(([, url]) => url === upstream.baseUrl)?.[0];
    label = region ? `platform (${region})` : 'platform (custom QUEC_BASE_URL)';
  } else {
    simulator = await startSimulator({ port: config.simulatorPort });
    upstream = { baseUrl: simulator.baseUrl, ...simulator.credentials };
    label = 'embedded simulator (no QUEC_ACCESS_KEY/QUEC_ACCESS_SECRET set)';
  }
  try {
    process.stdout.write(`quec-graph doctor: ${label}; reads only, first page of each list at pageSize ${args.largePageSize}\n\n`);
    // A new folder per run, so samples of two runs never mix and nothing of the user's is overwritten.
    const outDir = args.outDir === undefined ? undefined : resolve(args.outDir, new Date().toISOString().replace(/[:.]/g, '-'));
    const report = await runDoctor({ config, upstream, upstreamLabel: label, largePageSize: args.largePageSize, outDir });
    process.stdout.write(`${formatTable(report.rows)}\n\n`);
    if (outDir) process.stdout.write(`wrote ${report.samples.length} sanitised samples to ${outDir} (review them before attaching)\n`);
    process.stdout.write(report.passed ? 'doctor: passed\n' : 'doctor: FAILED (the login or a documented family answered with an error)\n');
    return report.passed ? 0 : 1;
  } finally {
    await simulator?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`doctor failed: ${message}\n`);
    process.exit(2);
  },
);
