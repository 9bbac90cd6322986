import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { NO_HEDGING } from './no-hedging';
import { pollUntil } from './poll';

export interface RunningService {
  url: string;
  child: ChildProcess;
  /** Every line the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

const ENTRY = resolve(__dirname, '../../dist/src/index.js');

/**
 * Starts the built service (`npm run build` first) on port 0 and waits for its ready line. It runs in `cwd`, by
 * default this folder, which has no `.env`: a developer's `.env` in the repository root must not leak into tests.
 */
export async function startService(env: NodeJS.ProcessEnv = {}, cwd: string = __dirname): Promise<RunningService> {
  const child = spawn(process.execPath, [ENTRY], {
    cwd,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...NO_HEDGING, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      // Otherwise a service that never became ready outlives the test run.
      child.kill('SIGKILL');
      reject(new Error(`service did not become ready:\n${output}`));
    }, 20_000);
    // Only until the ready line: a long-lived service writes a line per request (about 460 KB over the hostile sweep),
    // and rescanning all of it on every chunk cost the test worker about half a second of CPU.
    const check = () => {
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"quec-graph ready"/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolveUrl(match[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    stop: () =>
      new Promise((resolveExit) => {
        if (child.exitCode !== null) return resolveExit(child.exitCode);
        child.once('exit', (code) => resolveExit(code));
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Resolves once the process's `/metrics` shows `line` (a whole exposition line such as `quec_graph_push_subscribers 1`),
 * for state a child process cannot signal otherwise; rejects with the last exposition after `boundMs`.
 */
export async function metricReaches(serviceUrl: string, line: RegExp, boundMs = 10_000): Promise<void> {
  await pollUntil(
    async () => (await fetch(`${serviceUrl}/metrics`)).text(),
    (body) => line.test(body),
    `/metrics showing ${line}`,
    boundMs,
  );
}

/** POSTs one operation that must succeed and returns its `data`: a response with errors fails the calling test. */
export async function graphqlData<T = any>(url: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await postGraphQL(url, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

/** POSTs one GraphQL operation over real HTTP. */
export async function postGraphQL(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: any[] } };
}
