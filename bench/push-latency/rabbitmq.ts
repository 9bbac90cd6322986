import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A throwaway RabbitMQ node for the push benchmark. The logic is test/helpers/rabbitmq-server.ts cut to what a bench
// needs: no bench imports test/, and the build (tsconfig.build.json) does not compile it.

const VHOST = 'quec-open';
const BOOT_TIMEOUT_MS = 60_000;
const POLL_MS = 100;
const STOP_TIMEOUT_MS = 10_000;

export interface BenchRabbitMq {
  /** `amqp://127.0.0.1:<port>/quec-open`; every client signs its own credentials (§9.1). */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a node on free loopback ports whose only auth backend asks `authBaseUrl` (the simulator) who may connect.
 * Resolves once the AMQP port accepts a connection; rejects after 60 s. Debian's launcher needs root or `rabbitmq`.
 */
export async function startRabbitMq(authBaseUrl: string): Promise<BenchRabbitMq> {
  const port = await freePort();
  const distPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'quec-bench-rabbitmq-'));
  const pidFile = join(dir, 'node.pid');
  for (const sub of ['mnesia', 'log', 'plugins-expand']) mkdirSync(join(dir, sub));
  const base = authBaseUrl.replace(/\/+$/, '');
  writeFileSync(
    join(dir, 'rabbitmq.conf'),
    [
      `listeners.tcp.default = 127.0.0.1:${port}`,
      'loopback_users = none',
      'auth_backends.1 = http',
      'auth_http.http_method = post',
      ...['user', 'vhost', 'resource', 'topic'].map((kind) => `auth_http.${kind}_path = ${base}/amqp/auth/${kind}`),
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'enabled_plugins'), '[rabbitmq_auth_backend_http].\n');
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'rabbitmq:rabbitmq', dir], { stdio: 'ignore' });

  const child = spawn('rabbitmq-server', [], {
    env: {
      PATH: process.env.PATH,
      LANG: process.env.LANG ?? 'C.UTF-8',
      RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
      RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
      RABBITMQ_LOG_BASE: join(dir, 'log'),
      RABBITMQ_FEATURE_FLAGS_FILE: join(dir, 'feature_flags'),
      RABBITMQ_PLUGINS_EXPAND_DIR: join(dir, 'plugins-expand'),
      RABBITMQ_PID_FILE: pidFile,
      RABBITMQ_NODENAME: `quec-bench-${process.pid}-${randomBytes(4).toString('hex')}@localhost`,
      RABBITMQ_NODE_PORT: String(port),
      RABBITMQ_DIST_PORT: String(distPort),
      RABBITMQ_DEFAULT_VHOST: VHOST,
    },
    // Own process group, so stop() reaches the launcher scripts as well as the Erlang VM.
    detached: true,
    stdio: 'ignore',
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async () => {
    await killNode(child, pidFile);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (!(await accepts(port))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(exited ? 'rabbitmq-server exited during boot' : `rabbitmq-server not up within ${BOOT_TIMEOUT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { url: `amqp://127.0.0.1:${port}/${VHOST}`, stop };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** SIGKILL to the Erlang VM and the launcher's process group: the node is throwaway. epmd, shared, stays. */
async function killNode(child: ChildProcess, pidFile: string): Promise<void> {
  const beamPid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : Number.NaN;
  const kill = (pid: number) => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  if (Number.isInteger(beamPid) && beamPid > 0) kill(beamPid);
  if (child.pid !== undefined) kill(-child.pid);
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A loopback port free right now: rabbitmq-server cannot bind port 0 and report it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
