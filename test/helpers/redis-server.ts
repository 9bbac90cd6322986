import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port';

export interface RedisServer {
  url: string;
  /** Sends the server process a signal, e.g. SIGSTOP and SIGCONT to freeze it with its connections open. */
  signal(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

/**
 * Whether tests that need a real Redis can run here. With REQUIRE_SERVICES=1 (CI) a missing redis-server is a
 * failure, not a skip, so a broken CI image cannot turn the Redis tests green by skipping them.
 */
export function redisAvailable(): boolean {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!found && process.env.REQUIRE_SERVICES === '1') {
    throw new Error('REQUIRE_SERVICES=1 but redis-server is not installed');
  }
  return found;
}

/**
 * Starts a throwaway redis-server on loopback (no persistence) and resolves once it accepts connections; on `port`
 * when given (a test that restarts "the same" Redis), else on a free one.
 */
export async function startRedis(port?: number): Promise<RedisServer> {
  port ??= await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'notice'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    signal: (signal) => {
      child.kill(signal);
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
