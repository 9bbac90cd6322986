import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface RabbitMqServer {
  /** `amqp://127.0.0.1:<port>/quec-open`, no credentials: every client signs its own (§9.1). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The platform's vhost (§9.1); a fresh node only has `/`, so the node creates this one at first boot. */
const VHOST = 'quec-open';
const BOOT_TIMEOUT_MS = 60_000;
const POLL_MS = 100;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Whether tests that need a real RabbitMQ can run here. With REQUIRE_SERVICES=1 (CI) a missing rabbitmq-server is
 * a failure, not a skip, exactly as for Redis. Only the presence is checked: `rabbitmq-server` has no cheap
 * `--version` that would not try to boot a node.
 */
export function rabbitMqAvailable(): boolean {
  const found = spawnSync('sh', ['-c', 'command -v rabbitmq-server'], { stdio: 'ignore' }).status === 0;
  // Debian's launcher starts a node only for root (which it re-runs as `rabbitmq`) or the `rabbitmq` user itself.
  const mayLaunch = process.getuid?.() === 0 || spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout?.trim() === 'rabbitmq';
  if ((!found || !mayLaunch) && process.env.REQUIRE_SERVICES === '1') {
    throw new Error(
      found
        ? 'REQUIRE_SERVICES=1 but rabbitmq-server can only be launched as root or rabbitmq'
        : 'REQUIRE_SERVICES=1 but rabbitmq-server is not installed',
    );
  }
  return found && mayLaunch;
}

/**
 * Starts a throwaway RabbitMQ node on free loopback ports whose only auth backend is the HTTP one, pointed at
 * `authBaseUrl` (the simulator, which plays the platform's auth service). Resolves once the AMQP port accepts a
 * TCP connection; rejects after 60 s with the node's log. `stop()` kills the node and removes its directory, and so
 * does the end of the calling process if `stop()` never ran (see `startReaper`).
 */
export async function startRabbitMq({ authBaseUrl }: { authBaseUrl: string }): Promise<RabbitMqServer> {
  const port = await freePort();
  const distPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'quec-rabbitmq-'));
  const nodeName = `quec-test-${process.pid}-${randomBytes(4).toString('hex')}@localhost`;
  const paths = {
    config: join(dir, 'rabbitmq'),
    plugins: join(dir, 'enabled_plugins'),
    mnesia: join(dir, 'mnesia'),
    log: join(dir, 'log'),
    featureFlags: join(dir, 'feature_flags'),
    pluginsExpand: join(dir, 'plugins-expand'),
    pidFile: join(dir, 'node.pid'),
  };
  for (const sub of [paths.mnesia, paths.log, paths.pluginsExpand]) mkdirSync(sub);
  writeFileSync(`${paths.config}.conf`, configFile(port, authBaseUrl));
  writeFileSync(paths.plugins, '[rabbitmq_auth_backend_http].\n');
  // The Debian wrapper re-runs the server as the `rabbitmq` user when started as root (su keeps the environment).
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'rabbitmq:rabbitmq', dir], { stdio: 'ignore' });

  const child: ChildProcess = spawn('rabbitmq-server', [], {
    env: {
      PATH: process.env.PATH,
      LANG: process.env.LANG ?? 'C.UTF-8',
      RABBITMQ_CONFIG_FILE: paths.config,
      RABBITMQ_ENABLED_PLUGINS_FILE: paths.plugins,
      RABBITMQ_MNESIA_BASE: paths.mnesia,
      RABBITMQ_LOG_BASE: paths.log,
      RABBITMQ_FEATURE_FLAGS_FILE: paths.featureFlags,
      RABBITMQ_PLUGINS_EXPAND_DIR: paths.pluginsExpand,
      RABBITMQ_PID_FILE: paths.pidFile,
      RABBITMQ_NODENAME: nodeName,
      RABBITMQ_NODE_PORT: String(port),
      RABBITMQ_DIST_PORT: String(distPort),
      RABBITMQ_DEFAULT_VHOST: VHOST,
    },
    // Own process group, so stop() reaches the wrapper, su and the shell scripts as well as the Erlang VM.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const reaper = startReaper(paths.pidFile, dir);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let exited = false;
  child.once('exit', () => (exited = true));

  const stop = async () => {
    reaper.kill('SIGKILL');
    await killNode(child, paths.pidFile);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, () => exited);
  } catch (error) {
    const log = `${output}\n${nodeLog(paths.log)}`;
    await stop();
    throw new Error(`rabbitmq-server did not start: ${(error as Error).message}\n${log}`);
  }
  return { url: `amqp://127.0.0.1:${port}/${VHOST}`, port, stop };
}

/**
 * The node runs as another user in a session of its own, so a test run that dies without `stop()` (Ctrl-C, a jest
 * worker killed) would leave it running for good, with its folder. This shell outlives the test process: it waits
 * for end of file on its stdin, a pipe only the test process holds, which comes when that process goes, however it
 * goes. It then kills the node (once its pid file shows it, if it was still booting) and removes the folder.
 * `stop()` kills the reaper first. Unreferenced, it never keeps a test process alive.
 */
const REAPER_SCRIPT = [
  'read -r _',
  'for _ in $(seq 1 100); do [ -s "$1" ] && break; sleep 0.1; done',
  'pid=$(cat "$1" 2>/dev/null)',
  // Only the Erlang VM: the pid file may be stale, and its number taken by another process since.
  '[ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = beam.smp ] && kill -9 "$pid"',
  'rm -rf "$2"',
].join('\n');

function startReaper(pidFile: string, dir: string): ChildProcess {
  const reaper = spawn('sh', ['-c', REAPER_SCRIPT, 'quec-rabbitmq-reaper', pidFile, dir], {
    // Its own process group: a Ctrl-C reaches the test process's group, and must not end the reaper with it.
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  reaper.unref();
  (reaper.stdin as Socket).unref();
  return reaper;
}

function configFile(port: number, authBaseUrl: string): string {
  const base = authBaseUrl.replace(/\/+$/, '');
  return [
    `listeners.tcp.default = 127.0.0.1:${port}`,
    // The signed usernames connect from loopback in tests; the guest-only-on-loopback rule is irrelevant here.
    'loopback_users = none',
    'auth_backends.1 = http',
    'auth_http.http_method = post',
    `auth_http.user_path = ${base}/amqp/auth/user`,
    `auth_http.vhost_path = ${base}/amqp/auth/vhost`,
    `auth_http.resource_path = ${base}/amqp/auth/resource`,
    `auth_http.topic_path = ${base}/amqp/auth/topic`,
    '',
  ].join('\n');
}

/** Polls until the AMQP port takes a TCP connection; bounded by BOOT_TIMEOUT_MS and by the node exiting. */
async function waitForPort(port: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('the node exited during boot');
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`port ${port} not accepting connections after ${BOOT_TIMEOUT_MS} ms`);
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

/**
 * SIGKILL to the Erlang VM (its pid is in the pid file once booted) and to the launcher's process group; the
 * node is throwaway, so there is nothing to shut down gracefully. epmd, shared by every node, stays.
 */
async function killNode(child: ChildProcess, pidFile: string): Promise<void> {
  const beamPid = readPid(pidFile);
  if (beamPid !== undefined) signal(beamPid, 'SIGKILL');
  if (child.pid !== undefined) signal(-child.pid, 'SIGKILL');
  if (beamPid !== undefined) await waitUntilGone(beamPid);
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, STOP_TIMEOUT_MS);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

function readPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

async function waitUntilGone(pid: number): Promise<void> {
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The node's own log files, for the boot-failure message. */
function nodeLog(logDir: string): string {
  if (!existsSync(logDir)) return '';
  return readdirSync(logDir)
    .filter((name) => statSync(join(logDir, name)).isFile())
    .map((name) => `--- ${name}\n${readFileSync(join(logDir, name), 'utf8').slice(-10_000)}`)
    .join('\n');
}
