import { fork, type ChildProcess } from 'node:child_process';

/**
 * Request/answer over a forked child's IPC channel: the parent asks `{ id, type, payload }`, the child answers
 * `{ id, ok, value | error }`. Used to run the simulator and each server in a process of its own, so the CPU the
 * bench reads from `process.cpuUsage()` there is that process's alone.
 */

interface Ask {
  id: number;
  type: string;
  payload?: unknown;
}

interface Answer {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

type Handler = (payload: unknown) => unknown;

/** In the child: answers the parent's requests with `handlers`; the first message it sends is `ready`. */
export function serveParent(handlers: Record<string, Handler>, ready: unknown): void {
  const send = (message: unknown) => process.send?.(message);
  process.on('message', (message: Ask) => {
    const handler = handlers[message.type];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no handler for ${message.type}`);
        return handler(message.payload);
      })
      .then(
        (value) => send({ id: message.id, ok: true, value } satisfies Answer),
        (error: unknown) => send({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies Answer),
      );
  });
  // The parent going away (Ctrl-C, a crash) must not leave this process behind.
  process.on('disconnect', () => process.exit(0));
  send({ id: 0, ok: true, value: ready } satisfies Answer);
}

/** In the parent: one forked child and the requests it answers. */
export class ChildRunner<Ready> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly ready: Promise<Ready>;

  private constructor(private readonly child: ChildProcess) {
    this.ready = new Promise<Ready>((resolve, reject) => {
      this.pending.set(0, { resolve: resolve as (value: unknown) => void, reject });
      const timer = setTimeout(() => reject(new Error('child did not start within 60 s')), 60_000);
      timer.unref();
    });
    child.on('message', (answer: Answer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (answer.ok) waiting.resolve(answer.value);
      else waiting.reject(new Error(answer.error));
    });
    child.once('exit', (code) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`child exited with ${code}`));
      this.pending.clear();
    });
  }

  /** Forks `modulePath` (a built .js file); its stdout goes to /dev/null. */
  static fork<Ready>(modulePath: string, args: string[], env: Record<string, string>): ChildRunner<Ready> {
    const child = fork(modulePath, args, {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new ChildRunner<Ready>(child);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  ask<T>(type: string, payload?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, type, payload } satisfies Ask);
    });
  }

  /** Ends the child (SIGTERM) and waits for it to exit. */
  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
