import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * An integer knob of a bench from the environment: `fallback` when unset or empty. Anything else outside [min, max]
 * stops the bench with a message naming the variable, rather than silently running another experiment than asked.
 */
export function intFromEnv(name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer in ${min}..${max}`);
  return value;
}

/** Prints a bench's report and keeps it as `bench/results/<file>` (the source tree's, from the built dist/bench). */
export function keepReport(file: string, report: string): void {
  process.stdout.write(report);
  const dir = resolve(__dirname, '../../bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, file), report);
}

/** Runs a bench script; a failure prints its stack and exits 1, so a broken bench never looks like a finished one. */
export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
